using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using SimCaller.Storage.Postgres;
using SimCaller.Storage.Sqlite;

namespace SimCaller.Practice.Tests.Storage;

/// <summary>The account store contract on SQLite: a file per test.</summary>
public sealed class SqliteAccountStoreContractTests : AccountStoreContract, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("simcaller-accounts-").FullName;
    private int _databases;

    protected override Task<(Func<object> OpenStore, Func<Task<DbConnection>> Connect)> NewDatabaseAsync()
    {
        var path = Path.Combine(_folder, $"store-{++_databases}.db");
        return Task.FromResult<(Func<object>, Func<Task<DbConnection>>)>((
            () => new SqliteSessionStore(path),
            async () =>
            {
                var connection = new SqliteConnection($"Data Source={path}");
                await connection.OpenAsync();
                return connection;
            }));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}

/// <summary>The account store contract on PostgreSQL: a schema per test.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresAccountStoreContractTests(PostgresServer server) : AccountStoreContract, IAsyncLifetime
{
    private readonly List<PostgresSessionStore> _stores = [];

    protected override async Task<(Func<object> OpenStore, Func<Task<DbConnection>> Connect)> NewDatabaseAsync()
    {
        var connectionString = await server.NewSchemaAsync();
        return (
            () =>
            {
                var store = new PostgresSessionStore(connectionString);
                _stores.Add(store);
                return store;
            },
            async () =>
            {
                var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync();
                return connection;
            });
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var store in _stores) await store.DisposeAsync();
    }
}
