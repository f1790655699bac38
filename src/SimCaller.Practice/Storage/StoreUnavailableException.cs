namespace SimCaller.Practice.Storage;

/// <summary>
/// The store could not be reached, failed, or did not answer in time. The operation may or may not have
/// been applied; every <see cref="ISessionStore"/> operation is safe to repeat, so the caller may try again.
/// </summary>
public class StoreUnavailableException : PracticeException
{
    public StoreUnavailableException(string message)
        : base(message)
    {
    }

    public StoreUnavailableException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
