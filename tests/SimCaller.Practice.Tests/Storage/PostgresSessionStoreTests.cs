using System.Net;
using System.Net.Sockets;
using SimCaller.Storage;
using SimCaller.Storage.Postgres;
using SimCaller.Storage.Schema;

namespace SimCaller.Practice.Tests.Storage;

/// <summary>What only the PostgreSQL store has to get right: several instances starting together, and a database that is not there.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresSessionStoreTests(PostgresServer server)
{
    [SkippableFact]
    public async Task Instances_starting_together_migrate_the_schema_once()
    {
        var connectionString = await server.NewSchemaAsync();
        var instances = Enumerable.Range(0, 6).Select(_ => new PostgresSessionStore(connectionString)).ToArray();
        try
        {
            var versions = await Task.WhenAll(instances.Select(store => Task.Run(() => store.MigrateAsync())));

            Assert.All(versions, version => Assert.Equal(Migrations.All.Max(m => m.Version), version));
            Assert.Equal(Migrations.All.Count, await server.CountAsync(connectionString, "SELECT COUNT(*) FROM schema_version"));
        }
        finally
        {
            foreach (var store in instances)
            {
                await store.DisposeAsync();
            }
        }
    }

    [SkippableFact]
    public async Task An_instance_started_before_its_database_existed_works_once_it_does()
    {
        await server.NewSchemaAsync();
        var database = $"simcaller_test_{Guid.NewGuid():N}";
        var store = new PostgresSessionStore(server.DatabaseConnectionString(database));
        try
        {
            var missing = await Assert.ThrowsAsync<StorageException>(() => store.FindSessionAsync("s-1"));
            Assert.Contains(database, missing.Message);

            await server.ExecuteOnServerAsync($"CREATE DATABASE {database}");

            Assert.Null(await store.FindSessionAsync("s-1"));
            Assert.Equal(Migrations.All.Max(m => m.Version), await store.MigrateAsync());
        }
        finally
        {
            await store.DisposeAsync();
            await server.ExecuteOnServerAsync($"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
        }
    }

    [Fact]
    public async Task An_unreachable_server_is_reported_with_the_database_it_tried()
    {
        var port = FreeLoopbackPort();
        await using var store = new PostgresSessionStore($"Host=127.0.0.1;Port={port};Database=simcaller;Username=app;Password=s3cret;Timeout=5");

        var error = await Assert.ThrowsAsync<StorageException>(() => store.ListSessionsAsync(10));

        Assert.Contains($"simcaller on 127.0.0.1:{port}", error.Message);
        Assert.DoesNotContain("s3cret", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Host=db;Password=s3cret;Colour=blue")]
    [InlineData("Host=db;Password=s3cret;Port=not-a-number")]
    public void A_missing_or_malformed_connection_string_is_rejected_without_repeating_it(string connectionString)
    {
        var error = Assert.Throws<ArgumentException>(() => new PostgresSessionStore(connectionString));

        Assert.Contains("PostgreSQL connection string", error.Message);
        Assert.DoesNotContain("s3cret", error.Message);
    }

    private static int FreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
