using Microsoft.Data.Sqlite;
using SimCaller.Practice.Storage;
using SimCaller.Storage.Sqlite;

namespace SimCaller.Practice.Tests.Storage;

/// <summary>The store contract on SQLite: each test's database is a file in its own temporary folder.</summary>
public sealed class SqliteSessionStoreContractTests : SessionStoreContract, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("simcaller-store-").FullName;
    private int _databases;

    protected override Task<Func<ISessionStore>> NewDatabaseAsync()
    {
        var path = Path.Combine(_folder, $"store-{++_databases}.db");
        return Task.FromResult<Func<ISessionStore>>(() => new SqliteSessionStore(path));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
