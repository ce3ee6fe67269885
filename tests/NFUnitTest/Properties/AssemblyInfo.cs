using System.Reflection;

[assembly: AssemblyTitle("NFUnitTest")]
[assembly: AssemblyDescription("RetroWalk single-source tests on the nanoFramework CLR")]
[assembly: AssemblyProduct("RetroWalk")]
[assembly: AssemblyVersion("0.1.0.0")]
