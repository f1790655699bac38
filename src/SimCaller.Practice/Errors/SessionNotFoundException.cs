namespace SimCaller.Practice;

/// <summary>No stored session has that id.</summary>
public sealed class SessionNotFoundException : PracticeException
{
    public SessionNotFoundException(string sessionId)
        : base($"No practice session '{sessionId}'.")
    {
        SessionId = sessionId;
    }

    public string SessionId { get; }
}
