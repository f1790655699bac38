namespace SimCaller.Cli.Hosting;

/// <summary>The process exit codes; a contract for scripts.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>Something failed, or lint found problems.</summary>
    public const int Failure = 1;
    /// <summary>Bad usage or bad input (unknown persona, unreadable file, malformed flags).</summary>
    public const int BadInput = 2;
}
