using System;

namespace RetroWalk.Core.Diagnostics
{
    /// <summary>
    /// Marks a method that runs once for every sensor sample. The host portability check reads the compiled core and
    /// fails if such a method contains an allocation (<c>newobj</c>, <c>newarr</c>, <c>box</c>): on the device every
    /// allocation feeds a stop-the-world garbage collector.
    /// </summary>
    [AttributeUsage(AttributeTargets.Method | AttributeTargets.Constructor)]
    public sealed class PerSampleAttribute : Attribute
    {
    }
}
