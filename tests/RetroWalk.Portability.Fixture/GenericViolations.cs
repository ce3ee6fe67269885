using System.Collections.Generic;

namespace RetroWalk.Portability.Fixture
{
    public static class GenericViolations
    {
        public static int UsesGenericInstantiation()
        {
            var list = new List<int>();
            list.Add(1);
            return list.Count;
        }

        public static T GenericMethodDefinition<T>(T value)
        {
            return value;
        }

        public static int CallsGenericMethod()
        {
            return GenericMethodDefinition(3);
        }

        public static Dictionary<int, int> GenericField;
    }

    public sealed class GenericTypeDefinition<T>
    {
        public T Value;
    }
}
