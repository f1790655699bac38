using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace SimCaller.Persona.Voice;

public static class CustomerVoiceServiceCollectionExtensions
{
    /// <summary>
    /// Registers the customer's voice for a composition root: <see cref="ModelOptions"/> from section
    /// "Model", the <see cref="OfflineCustomerEngine"/>, <see cref="ICustomerVoice"/>, and, when a model is
    /// configured, its <see cref="Kernel"/> and <see cref="IChatCompletionService"/> (left unregistered
    /// for the offline provider, so an LLM judge can tell there is no model).
    /// </summary>
    /// <exception cref="InvalidOperationException">The "Model" section is invalid; the message names each problem.</exception>
    public static IServiceCollection AddCustomerVoice(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var options = ModelOptions.FromConfiguration(configuration);
        // Fail at startup with the configuration problem, not on the first call.
        options.EnsureValid();

        services.TryAddSingleton(options);
        services.TryAddSingleton<OfflineCustomerEngine>();
        if (!options.IsOffline)
        {
            services.TryAddSingleton(sp => ChatCompletionFactory.CreateKernel(options, sp.GetService<ILoggerFactory>())!);
            services.TryAddSingleton(sp => sp.GetRequiredService<Kernel>().GetRequiredService<IChatCompletionService>());
        }
        services.TryAddSingleton<ICustomerVoice>(sp => new KernelCustomerVoice(
            options.IsOffline ? null : sp.GetRequiredService<IChatCompletionService>(),
            sp.GetRequiredService<OfflineCustomerEngine>(),
            sp.GetRequiredService<ModelOptions>(),
            sp.GetService<ILoggerFactory>()?.CreateLogger<KernelCustomerVoice>()));
        return services;
    }
}
