using SimCaller.Core.Calls;

namespace SimCaller.Practice;

/// <summary>A turn arrived for a call that is already over.</summary>
public sealed class SessionEndedException : PracticeException
{
    public SessionEndedException(string sessionId, CallOutcome outcome)
        : base($"Practice session '{sessionId}' has ended ({outcome.ToId()}); start a new call.")
    {
        SessionId = sessionId;
        Outcome = outcome;
    }

    public string SessionId { get; }

    public CallOutcome Outcome { get; }
}
