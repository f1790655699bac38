using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel.ChatCompletion;
using SimCaller.Core.Techniques;
using SimCaller.Evaluation.Analysis;
using SimCaller.Evaluation.Debriefs;
using SimCaller.Evaluation.Rubrics;
using SimCaller.Persona.Loading;
using SimCaller.Persona.Voice;
using SimCaller.Understanding;

namespace SimCaller.Practice;

public static class PracticeSessionServiceCollectionExtensions
{
    /// <summary>
    /// Everything <see cref="PracticeService"/> needs except the store: the persona catalog
    /// (Personas:Path, reloaded on change unless Personas:Watch is false), the rubric (the file Rubric:Path,
    /// else default.yaml of the repository's or the shipped rubrics/ folder, else the built-in one),
    /// the customer voice (Model:*), the analyser (an LLM judge when a model is configured, else the
    /// rule-based one) and TimeProvider.System. Composition roots call AddSimCallerPractice, which adds
    /// the store too.
    /// </summary>
    public static IServiceCollection AddPracticeSession(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => new PersonaCatalog(
            PersonaLocator.ResolveDirectory(configuration["Personas:Path"]),
            watch: !string.Equals(configuration["Personas:Watch"], "false", StringComparison.OrdinalIgnoreCase)));
        services.TryAddSingleton(_ => configuration["Rubric:Path"] is { Length: > 0 } rubricFile
            ? RubricLoader.Load(rubricFile)
            : RubricLoader.LoadDefault(DataLocator.Resolve("rubrics", null)));
        services.TryAddSingleton(sp => new DebriefBuilder(sp.GetRequiredService<Rubric>()));
        services.AddSentenceModel(configuration);
        services.AddCustomerVoice(configuration);
        services.TryAddSingleton<RuleBasedAnalyzer>();
        services.TryAddSingleton<ITurnAnalyzer>(sp =>
        {
            var rules = sp.GetRequiredService<RuleBasedAnalyzer>();
            return sp.GetService<IChatCompletionService>() is { } model
                ? new LlmJudgeAnalyzer(model, rules, sp.GetRequiredService<ModelOptions>().Timeout, sp.GetRequiredService<ILogger<LlmJudgeAnalyzer>>())
                : LocalTurnAnalyzer.Create(rules, sp.GetService<ISentenceEmbedder>(), sp.GetService<ILogger<FallbackTurnAnalyzer>>() ?? (ILogger)Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        });
        services.TryAddSingleton<PracticeService>();
        return services;
    }
}
