namespace SimCaller.Accounts;

/// <summary>What kind of refusal a domain error is: the same three for every organisation-scoped service.</summary>
public enum RefusalKind
{
    /// <summary>Bad input; the message says what to fix.</summary>
    BadInput,
    /// <summary>No such thing in the caller's organisation (another organisation's are reported the same way).</summary>
    NotFound,
    /// <summary>The caller's role, or a limit such as an invite's attempts, does not allow it.</summary>
    Denied,
}

/// <summary>A refusal by an organisation-scoped service (hiring, training): one HTTP mapping serves them all.</summary>
public abstract class RefusalException(RefusalKind kind, string message) : Exception(message)
{
    public RefusalKind Kind { get; } = kind;
}
