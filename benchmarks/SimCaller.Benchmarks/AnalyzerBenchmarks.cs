using BenchmarkDotNet.Attributes;
using SimCaller.Benchmarks.Infrastructure;
using SimCaller.Core.Techniques;
using SimCaller.Evaluation.Analysis;
using SimCaller.Persona.Loading;

namespace SimCaller.Benchmarks;

/// <summary>
/// The rule-based analyser on one trainee utterance, with the context a practice turn gives it (the
/// customer's last line and the scenario's keywords). Typed text and raw speech-to-text.
/// </summary>
[Config(typeof(BenchmarkConfig))]
public class AnalyzerBenchmarks
{
    private readonly RuleBasedAnalyzer _analyzer = new();
    private AnalysisContext _context = null!;
    private string _text = "";

    [ParamsSource(nameof(Utterances))]
    public string Utterance { get; set; } = "";

    public static IEnumerable<string> Utterances => TraineeLines.Utterances.Keys;

    [GlobalSetup]
    public void GlobalSetup()
    {
        using var catalog = new PersonaCatalog(RepositoryData.Personas, watch: false);
        var persona = catalog.Find(RepositoryData.PersonaId)
            ?? throw new InvalidOperationException($"Persona '{RepositoryData.PersonaId}' is not in {RepositoryData.Personas}.");
        _context = new AnalysisContext(
            "My flight to Denver got cancelled and my sister's wedding is tomorrow morning. What are you going to do about it?",
            persona.Scenario.Keywords);
        _text = TraineeLines.Utterances[Utterance];
        if (_analyzer.Analyze(_text, _context).Matches.Count == 0)
        {
            throw new InvalidOperationException($"Utterance '{Utterance}' gets no labels; pick one the analyser recognises.");
        }
    }

    [Benchmark(Description = "RuleBasedAnalyzer.Analyze")]
    public UtteranceAnalysis Analyze() => _analyzer.Analyze(_text, _context);
}
