using SimCaller.Accounts;

namespace SimCaller.Hiring;

/// <summary>Bad input to a campaign operation; the message says what to fix.</summary>
public class HiringException(string message, RefusalKind kind = RefusalKind.BadInput) : RefusalException(kind, message);

/// <summary>No such campaign, candidate or invite in the caller's organisation (another organisation's are reported the same way).</summary>
public sealed class HiringNotFoundException(string message) : HiringException(message, RefusalKind.NotFound);

/// <summary>The caller's role may not do this.</summary>
public sealed class HiringAccessDeniedException(string message) : HiringException(message, RefusalKind.Denied);

/// <summary>Why an invite no longer starts a call.</summary>
public enum InviteRefusal
{
    Expired,
    AttemptsUsed,
    /// <summary>The service now scores with another rubric than the campaign fixed.</summary>
    RubricChanged,
}

/// <summary>An invite that exists but may not start another call; the message says which limit was reached.</summary>
public sealed class InviteRefusedException(InviteRefusal reason, string message) : HiringException(message, RefusalKind.Denied)
{
    public InviteRefusal Reason { get; } = reason;
}
