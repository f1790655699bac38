using SimCaller.Practice.Storage;
using SimCaller.Storage.Postgres;

namespace SimCaller.Practice.Tests.Storage;

/// <summary>The store contract on PostgreSQL: each test's database is a schema of its own.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresSessionStoreContractTests(PostgresServer server) : SessionStoreContract, IAsyncLifetime
{
    private readonly List<PostgresSessionStore> _stores = [];

    protected override async Task<Func<ISessionStore>> NewDatabaseAsync()
    {
        var connectionString = await server.NewSchemaAsync();
        return () =>
        {
            var store = new PostgresSessionStore(connectionString);
            _stores.Add(store);
            return store;
        };
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }
    }
}
