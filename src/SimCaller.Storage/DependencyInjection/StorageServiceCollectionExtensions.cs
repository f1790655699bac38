using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SimCaller.Practice.Storage;
using SimCaller.Storage.Postgres;
using SimCaller.Storage.Sqlite;

namespace SimCaller.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>Registers the <see cref="ISessionStore"/> that configuration section "Storage" names.</summary>
    /// <exception cref="InvalidOperationException">
    /// Storage:Provider names a store this build does not have, or is "postgres" without Storage:ConnectionString.
    /// </exception>
    public static IServiceCollection AddSessionStore(this IServiceCollection services, IConfiguration configuration)
    {
        var options = StorageOptions.FromConfiguration(configuration);
        switch (options.Provider)
        {
            case StorageOptions.Sqlite:
                var path = options.Path ?? StorageOptions.DefaultSqlitePath();
                services.TryAddSingleton<ISessionStore>(sp => new SqliteSessionStore(path, sp.GetService<TimeProvider>()));
                return services;
            case StorageOptions.Postgres:
                var connectionString = options.ConnectionString ?? throw new InvalidOperationException(
                    $"Storage:Provider is '{StorageOptions.Postgres}' but Storage:ConnectionString is not set "
                    + "(env Storage__ConnectionString), e.g. \"Host=db;Username=simcaller;Password=...;Database=simcaller\".");
                services.TryAddSingleton<ISessionStore>(sp => new PostgresSessionStore(connectionString, sp.GetService<TimeProvider>()));
                return services;
            default:
                throw new InvalidOperationException(
                    $"Storage:Provider '{options.Provider}' is not available; use '{StorageOptions.Sqlite}' or '{StorageOptions.Postgres}'.");
        }
    }
}
