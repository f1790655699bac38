using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace SimCaller.Understanding;

public static class UnderstandingServiceCollectionExtensions
{
    /// <summary>
    /// Registers the one sentence model of the process as <see cref="ISentenceEmbedder"/> (MiniLM behind a
    /// cache), unless "Understanding:Model" is "none", in which case nothing is registered and everything
    /// that reads meaning uses its rules. The model loads on first use; call <see cref="MiniLmEmbedder.Warm"/>
    /// at start-up to pay the 0.4 s before the first call instead.
    /// </summary>
    public static IServiceCollection AddSentenceModel(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var model = configuration["Understanding:Model"]?.Trim();
        if (string.Equals(model, "none", StringComparison.OrdinalIgnoreCase))
        {
            return services;
        }
        if (model is { Length: > 0 } && !string.Equals(model, "minilm", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Understanding:Model is '{model}': use 'minilm' (the default) or 'none' (keyword rules only).");
        }
        services.TryAddSingleton(sp => new MiniLmEmbedder(sp.GetService<ILogger<MiniLmEmbedder>>()));
        services.TryAddSingleton<ISentenceEmbedder>(sp => new CachingEmbedder(sp.GetRequiredService<MiniLmEmbedder>()));
        return services;
    }
}
