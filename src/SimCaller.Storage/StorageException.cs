using SimCaller.Practice;

namespace SimCaller.Storage;

/// <summary>The store cannot be reached or opened (bad path, no permission, not a database).</summary>
public sealed class StorageException : PracticeException
{
    public StorageException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
