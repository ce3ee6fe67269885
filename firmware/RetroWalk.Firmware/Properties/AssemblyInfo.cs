using System.Reflection;
using System.Runtime.InteropServices;

[assembly: AssemblyTitle("RetroWalk.Firmware")]
[assembly: AssemblyDescription("RetroWalk tracker firmware for ESP32 + MPU-6050 (.NET nanoFramework)")]
[assembly: AssemblyProduct("RetroWalk")]
[assembly: AssemblyCopyright("RetroWalk contributors")]
[assembly: ComVisible(false)]
[assembly: AssemblyVersion("0.1.0.0")]
[assembly: AssemblyFileVersion("0.1.0.0")]
