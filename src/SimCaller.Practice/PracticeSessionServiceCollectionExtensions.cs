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
using SimCaller.Practice.Authoring;
using SimCaller.Practice.Replay;
using SimCaller.Understanding;

namespace SimCaller.Practice;

public static class PracticeSessionServiceCollectionExtensions
{
    /// <summary>
    /// Everything <see cref="PracticeService"/> needs except the store: the persona catalog
    /// (Personas:Path, reloaded on change unless Personas:Watch is false), the rubric (the file Rubric:Path,
    /// else default.yaml of the repository's or the shipped rubrics/ folder, else the built-in one),
    /// the customer voice (Model:*), the live analyser (the local rule-based one: it drives the mood and
    /// never waits on a model), the LLM judge for debriefs when Evaluation:Judge:Enabled is true (it needs
    /// a model) and TimeProvider.System. Composition roots call AddSimCallerPractice, which adds the store too.
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
        // The live analyser: the rules with the sentence model's classifier (the rules alone, logged, when
        // the model cannot load). It drives the mood and never waits on a language model.
        services.TryAddSingleton<ITurnAnalyzer>(sp => LocalTurnAnalyzer.Create(
            sp.GetRequiredService<RuleBasedAnalyzer>(),
            sp.GetService<ISentenceEmbedder>(),
            sp.GetService<ILogger<FallbackTurnAnalyzer>>() ?? (ILogger)Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance));
        if (IsJudgeEnabled(configuration))
        {
            services.TryAddSingleton(sp => new DebriefJudge(new LlmJudgeAnalyzer(
                sp.GetService<IChatCompletionService>() ?? throw new InvalidOperationException(
                    $"{JudgeEnabledKey} is true but no language model is configured: set Model:Provider (and its model settings), or turn the judge off."),
                sp.GetRequiredService<RuleBasedAnalyzer>(),
                sp.GetRequiredService<ModelOptions>().Timeout,
                sp.GetRequiredService<ILogger<LlmJudgeAnalyzer>>())));
        }
        services.TryAddSingleton<PracticeService>();
        services.TryAddSingleton<CallReplayer>();
        // The persona tools play the live engine, analyser and offline customer, whatever voice calls use.
        services.TryAddSingleton<PersonaTryout>();
        services.TryAddSingleton<PersonaCoverage>();
        return services;
    }

    /// <summary>Turns on the LLM judge that labels a finished call's turns for its debrief.</summary>
    public const string JudgeEnabledKey = "Evaluation:Judge:Enabled";

    private static bool IsJudgeEnabled(IConfiguration configuration) =>
        configuration[JudgeEnabledKey] switch
        {
            null or "" => false,
            var text when bool.TryParse(text.Trim(), out var on) => on,
            var text => throw new InvalidOperationException($"{JudgeEnabledKey} must be true or false, not '{text}'."),
        };
}
