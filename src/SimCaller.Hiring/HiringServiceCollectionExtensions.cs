using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace SimCaller.Hiring;

public static class HiringServiceCollectionExtensions
{
    /// <summary>Campaigns and the candidate-data retention (section "Retention", validated at start-up); the <see cref="IHiringStore"/> comes with the session store.</summary>
    public static IServiceCollection AddSimCallerHiring(this IServiceCollection services)
    {
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RetentionOptions>, RetentionOptions.Validator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<HiringService>();
        services.TryAddSingleton<CandidateRetention>();
        return services;
    }
}
