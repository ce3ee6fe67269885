namespace RetroWalk.Cli;

/// <summary>The exit codes of every `retrowalk` command (README, "The retrowalk tool").</summary>
public static class ExitCodes
{
    /// <summary>Done: everything asked for was produced.</summary>
    public const int Ok = 0;

    /// <summary>Bad input or output: an unreadable recording, an invalid payload, a file that cannot be written, nothing evaluated.</summary>
    public const int Failed = 1;

    /// <summary>`eval` only: some files were skipped (listed on stderr); the rest was evaluated and written.</summary>
    public const int Partial = 2;

    /// <summary>The command line itself is wrong: unknown command, option or value (sysexits EX_USAGE).</summary>
    public const int Usage = 64;

    /// <summary>A fault in the tool (a bug): one line on stderr, never a stack trace (sysexits EX_SOFTWARE).</summary>
    public const int Internal = 70;
}
