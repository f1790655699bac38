using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using SimCaller.Persona.Loading;
using SimCaller.Understanding;

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
        // Reads by meaning when a sentence model is registered (AddSentenceModel), with the keywords as its fallback.
        services.TryAddSingleton<ITraineeReader>(sp =>
        {
            if (sp.GetService<ISentenceEmbedder>() is not { } embedder)
            {
                return KeywordTraineeReader.Instance;
            }
            var semantic = new SemanticTraineeReader(embedder);
            if (sp.GetService<PersonaCatalog>() is { } catalog)
            {
                // Persona lines and facts are embedded once at load and again on every reload, off the
                // caller's path; a turn that comes first simply embeds what it needs itself. A short command
                // exits long before that is done: the work stops between batches at process exit.
                var exiting = new CancellationTokenSource();
                Task? preparing = null;
                AppDomain.CurrentDomain.ProcessExit += (_, _) =>
                {
                    exiting.Cancel();
                    preparing?.Wait(TimeSpan.FromSeconds(2));
                };
                void Prepare() => preparing = Task.Run(() =>
                {
                    try
                    {
                        semantic.Prepare(catalog.All, exiting.Token);
                    }
                    catch (Exception ex) when (ex is EmbeddingUnavailableException or OperationCanceledException)
                    {
                        // Unavailable: reported once by the model, and the fallback reader takes over on the first turn.
                    }
                });
                catalog.Changed += (_, _) => Prepare();
                Prepare();
            }
            var logger = sp.GetService<ILoggerFactory>()?.CreateLogger<FallbackTraineeReader>()
                ?? (ILogger)Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
            return new FallbackTraineeReader(semantic, KeywordTraineeReader.Instance, logger);
        });
        services.TryAddSingleton(sp => new OfflineCustomerEngine(sp.GetRequiredService<ITraineeReader>()));
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
