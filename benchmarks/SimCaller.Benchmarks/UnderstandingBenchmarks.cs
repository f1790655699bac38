using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using SimCaller.Benchmarks.Infrastructure;
using SimCaller.Core.Techniques;
using SimCaller.Evaluation.Analysis;
using SimCaller.Persona.Definitions;
using SimCaller.Persona.Loading;
using SimCaller.Persona.Voice;
using SimCaller.Understanding;

namespace SimCaller.Benchmarks;

/// <summary>
/// One trainee turn through the sentence model: the analyser (embedding + classifier) on a fresh
/// utterance, the customer's reading of the same words (cached vector, as in a live turn), and the
/// classifier alone. One operation is one turn and every iteration is one operation, so the percentile
/// columns are per-turn latencies.
/// </summary>
[Config(typeof(PerTurnConfig))]
public class UnderstandingBenchmarks
{
    private MiniLmEmbedder _model = null!;
    private SemanticTurnAnalyzer _analyzer = null!;
    private SemanticTraineeReader _reader = null!;
    private TechniqueClassifier _classifier = null!;
    private PersonaDefinition _persona = null!;
    private TechniqueInput _features = null!;
    private AnalysisContext _context = null!;
    private int _next;

    // Fresh wording every turn, so the analyser pays for every sentence's embedding (no cache hit).
    private static readonly string[] Turns = [.. TraineeLines.MidCall.SelectMany((line, i) => Enumerable.Range(0, 40).Select(n => TraineeLines.Fresh(line, i * 100 + n)))];

    [GlobalSetup]
    public void GlobalSetup()
    {
        _model = new MiniLmEmbedder();
        if (!_model.Warm())
        {
            throw new InvalidOperationException("The sentence model did not load.");
        }
        using var catalog = new PersonaCatalog(RepositoryData.Personas, watch: false);
        _persona = catalog.Find(RepositoryData.PersonaId) ?? throw new InvalidOperationException("persona missing");
        _classifier = TechniqueClassifier.LoadShipped();
        // As in the service: behind the cache, so the scenario and service questions are embedded once;
        // every turn's wording is new, so each turn still pays for its own embedding.
        var cached = new CachingEmbedder(_model);
        _analyzer = new SemanticTurnAnalyzer(new RuleBasedAnalyzer(), cached, _classifier);
        _reader = new SemanticTraineeReader(cached);
        _reader.Prepare([_persona]);
        cached.Embed(TraineeLines.MidCall);
        _context = new AnalysisContext("My flight got cancelled and my sister's wedding is tomorrow.", _persona.Scenario.Keywords, _persona.Scenario.Problem);
        _analyzer.Analyze("could you read me the booking reference", _context);
        var text = TraineeLines.MidCall[1];
        _features = _classifier.Features(_model.Embed([text])[0], new RuleBasedAnalyzer().Analyze(text), text);
    }

    [Benchmark(Description = "analyser turn: rules + MiniLM + classifier")]
    public UtteranceAnalysis AnalyseTurn() => _analyzer.Analyze(Turns[_next++ % Turns.Length], _context);

    [Benchmark(Description = "customer reads the turn (vector cached)")]
    public Fact? ReadTurn() => _reader.Read(TraineeLines.MidCall[_next++ % TraineeLines.MidCall.Count], _persona).Fact;

    [Benchmark(Description = "classifier alone")]
    public int Classify() => _classifier.Predict(_features).Count;

    private sealed class PerTurnConfig : ManualConfig
    {
        public PerTurnConfig()
        {
            AddJob(Job.Default
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithStrategy(RunStrategy.Monitoring)
                .WithLaunchCount(1)
                .WithWarmupCount(20)
                .WithIterationCount(300)
                .WithInvocationCount(1)
                .WithUnrollFactor(1)
                .WithId("PerTurn"));
            AddDiagnoser(MemoryDiagnoser.Default);
            AddColumn(StatisticColumn.P50, StatisticColumn.P95, StatisticColumn.Max);
            AddColumn(P99Column.Instance);
        }
    }
}
