namespace RetroWalk.Portability.Fixture
{
    public static class FloatingPointViolations
    {
        public static double DoubleField;

        public static int UsesDoubleConstant(int value)
        {
            return (int)(value * 0.5);
        }

        public static int ConvertsToFloat(int value)
        {
            return (int)((float)value / 3);
        }

        public static long ConvertsUnsignedToFloat(uint value)
        {
            return (long)(double)value;
        }

        public static int FloatParameter(float value)
        {
            return 0;
        }

        public static double DoubleReturn()
        {
            return DoubleField;
        }
    }
}
