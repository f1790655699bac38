using SimCaller.Practice.Storage;

namespace SimCaller.Storage;

/// <summary>The database cannot be reached, opened or used (bad path, no permission, not a database, server down).</summary>
public sealed class StorageException : StoreUnavailableException
{
    public StorageException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
