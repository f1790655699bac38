using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SimCaller.Practice.Storage;
using SimCaller.Storage;
using SimCaller.Storage.Postgres;

namespace SimCaller.Practice.Tests.Storage;

/// <summary>Choosing the store from configuration section "Storage".</summary>
public sealed class StorageProviderTests
{
    [Fact]
    public async Task Provider_postgres_with_a_connection_string_gives_the_postgres_store()
    {
        await using var provider = new ServiceCollection()
            .AddSessionStore(Configuration(("Storage:Provider", " Postgres "), ("Storage:ConnectionString", "Host=127.0.0.1;Database=simcaller")))
            .BuildServiceProvider();

        var store = Assert.IsType<PostgresSessionStore>(provider.GetRequiredService<ISessionStore>());
        Assert.Equal("simcaller on 127.0.0.1:5432", store.Database);
    }

    [Fact]
    public void Provider_postgres_without_a_connection_string_says_which_setting_is_missing()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            new ServiceCollection().AddSessionStore(Configuration(("Storage:Provider", "postgres"), ("Storage:ConnectionString", " "))));

        Assert.Contains("Storage:ConnectionString", error.Message);
        Assert.Contains("Storage__ConnectionString", error.Message);
    }

    [Fact]
    public void An_unknown_provider_names_the_ones_there_are()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            new ServiceCollection().AddSessionStore(Configuration(("Storage:Provider", "mongo"))));

        Assert.Contains("'mongo'", error.Message);
        Assert.Contains("'sqlite'", error.Message);
        Assert.Contains("'postgres'", error.Message);
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
}
