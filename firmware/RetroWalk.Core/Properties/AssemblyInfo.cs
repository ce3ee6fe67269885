using System.Reflection;

[assembly: AssemblyTitle("RetroWalk.Core")]
[assembly: AssemblyDescription("Portable fixed-point core of the RetroWalk tracker: steps, direction, tilt and fall alarms")]
[assembly: AssemblyProduct("RetroWalk")]
[assembly: AssemblyVersion("0.1.0.0")]
