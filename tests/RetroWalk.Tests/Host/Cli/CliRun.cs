using System.IO;
using RetroWalk.Cli;

namespace RetroWalk.Tests.Host.Cli
{
    /// <summary>One run of the `retrowalk` tool in-process: exit code, stdout and stderr.</summary>
    public sealed class CliRun
    {
        public int ExitCode;
        public string Output;
        public string Error;

        public static CliRun Of(params string[] args)
        {
            var output = new StringWriter();
            var error = new StringWriter();
            int code = Program.Run(args, output, error);
            return new CliRun { ExitCode = code, Output = output.ToString(), Error = error.ToString() };
        }

        /// <summary>No stack trace, whatever went wrong.</summary>
        public bool HasStackTrace => Error.Contains("   at ") || Output.Contains("   at ") || Error.Contains("Exception:") && Error.Contains(".cs:line");
    }
}
