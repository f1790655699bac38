using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace SimCaller.Accounts;

public static class AccountsServiceCollectionExtensions
{
    /// <summary>
    /// The account and access services (options from section "Accounts", validated at start-up). The
    /// <see cref="IAccountStore"/> comes with the session store (AddSimCallerPractice).
    /// </summary>
    public static IServiceCollection AddSimCallerAccounts(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<AccountOptions>().BindConfiguration(AccountOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AccountOptions>, AccountOptions.Validator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AccountService>();
        services.TryAddSingleton<SessionAccess>();
        return services;
    }
}
