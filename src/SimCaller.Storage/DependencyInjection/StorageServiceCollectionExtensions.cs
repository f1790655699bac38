using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SimCaller.Practice.Storage;
using SimCaller.Storage.Sqlite;

namespace SimCaller.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>Registers the <see cref="ISessionStore"/> that configuration section "Storage" names.</summary>
    /// <exception cref="InvalidOperationException">Storage:Provider names a store this build does not have.</exception>
    public static IServiceCollection AddSessionStore(this IServiceCollection services, IConfiguration configuration)
    {
        var options = StorageOptions.FromConfiguration(configuration);
        switch (options.Provider)
        {
            case StorageOptions.Sqlite:
                var path = options.Path ?? StorageOptions.DefaultSqlitePath();
                services.TryAddSingleton<ISessionStore>(sp => new SqliteSessionStore(path, sp.GetService<TimeProvider>()));
                return services;
            default:
                throw new InvalidOperationException(
                    $"Storage:Provider '{options.Provider}' is not available; use '{StorageOptions.Sqlite}'.");
        }
    }
}
