namespace RetroWalk.Portability.Fixture
{
    public static class ApiListingViolations
    {
        /// <summary>System.Math lives outside nanoFramework's mscorlib.</summary>
        public static int UsesMissingType(int value)
        {
            return System.Math.Abs(value);
        }

        /// <summary>String.Format is listed only as Format(String, Object[]).</summary>
        public static string UsesMissingOverload(int value)
        {
            return string.Format("{0}", value.ToString());
        }

        /// <summary>String.Join is not in the listing at all.</summary>
        public static string UsesMissingMember(string[] parts)
        {
            return string.Join(",", parts);
        }

        /// <summary>System.IntPtr is listed without members: no Zero field.</summary>
        public static System.IntPtr UsesMissingField()
        {
            return System.IntPtr.Zero;
        }

        /// <summary>A missing type used only in a signature, never in code.</summary>
        public static void TakesMissingType(System.StringComparison comparison)
        {
        }

        /// <summary>ObsoleteAttribute is listed, but without the DiagnosticId property this named argument sets.</summary>
        [System.Obsolete("kept for the fixture", DiagnosticId = "RW0001")]
        public static void MarkedWithMissingNamedArgument()
        {
        }

        /// <summary>A missing attribute constructor: the listing has no System.ThreadStaticAttribute.</summary>
        [System.ThreadStatic]
        public static int ThreadStaticField;
    }
}
