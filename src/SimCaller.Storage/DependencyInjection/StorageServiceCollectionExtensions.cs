using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SimCaller.Accounts;
using SimCaller.Hiring;
using SimCaller.Training;
using SimCaller.Practice.Storage;
using SimCaller.Storage.Postgres;
using SimCaller.Storage.Sqlite;

namespace SimCaller.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>Registers the <see cref="ISessionStore"/>, <see cref="IAccountStore"/>, <see cref="IHiringStore"/> and <see cref="ITrainingStore"/> that configuration section "Storage" names.</summary>
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
                services.TryAddSingleton(sp => new SqliteSessionStore(path, sp.GetService<TimeProvider>()));
                return services.AddStoreInterfaces<SqliteSessionStore>();
            case StorageOptions.Postgres:
                var connectionString = options.ConnectionString ?? throw new InvalidOperationException(
                    $"Storage:Provider is '{StorageOptions.Postgres}' but Storage:ConnectionString is not set "
                    + "(env Storage__ConnectionString), e.g. \"Host=db;Username=simcaller;Password=...;Database=simcaller\".");
                services.TryAddSingleton(sp => new PostgresSessionStore(connectionString, sp.GetService<TimeProvider>()));
                return services.AddStoreInterfaces<PostgresSessionStore>();
            default:
                throw new InvalidOperationException(
                    $"Storage:Provider '{options.Provider}' is not available; use '{StorageOptions.Sqlite}' or '{StorageOptions.Postgres}'.");
        }
    }

    /// <summary>One database for sessions and accounts: both interfaces are the one engine instance.</summary>
    private static IServiceCollection AddStoreInterfaces<TStore>(this IServiceCollection services)
        where TStore : class, ISessionStore, IAccountStore, IHiringStore, ITrainingStore
    {
        services.TryAddSingleton<IHiringStore>(sp => sp.GetRequiredService<TStore>());
        services.TryAddSingleton<ITrainingStore>(sp => sp.GetRequiredService<TStore>());
        services.TryAddSingleton<ISessionStore>(sp => sp.GetRequiredService<TStore>());
        services.TryAddSingleton<IAccountStore>(sp => sp.GetRequiredService<TStore>());
        return services;
    }

    /// <summary>
    /// Puts a deadline on every store operation (<see cref="TimeLimitedSessionStore"/>). The store registered
    /// so far moves to the service key <see cref="TimeLimitedSessionStore.InnerServiceKey"/>, where a test can
    /// put a store of its own under the same deadline.
    /// </summary>
    /// <exception cref="InvalidOperationException">No <see cref="ISessionStore"/> is registered yet.</exception>
    public static IServiceCollection AddSessionStoreTimeout(this IServiceCollection services, Func<IServiceProvider, TimeSpan> timeout)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(timeout);
        var engine = services.LastOrDefault(d => d.ServiceType == typeof(ISessionStore) && !d.IsKeyedService)
            ?? throw new InvalidOperationException("Register the session store (AddSessionStore) before putting a deadline on it.");
        services.Remove(engine);
        const string key = TimeLimitedSessionStore.InnerServiceKey;
        services.Add(engine switch
        {
            { ImplementationFactory: { } factory } => new ServiceDescriptor(typeof(ISessionStore), key, (sp, _) => factory(sp), engine.Lifetime),
            { ImplementationInstance: { } instance } => new ServiceDescriptor(typeof(ISessionStore), key, instance),
            _ => new ServiceDescriptor(typeof(ISessionStore), key, engine.ImplementationType!, engine.Lifetime),
        });
        services.AddSingleton<ISessionStore>(sp => new TimeLimitedSessionStore(
            sp.GetRequiredKeyedService<ISessionStore>(key), timeout(sp), sp.GetService<TimeProvider>()));
        return services;
    }
}
