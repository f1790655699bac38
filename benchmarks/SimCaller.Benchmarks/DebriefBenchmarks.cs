using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using SimCaller.Benchmarks.Infrastructure;
using SimCaller.Core.Calls;
using SimCaller.Core.Techniques;
using SimCaller.Evaluation.Analysis;
using SimCaller.Evaluation.Debriefs;
using SimCaller.Evaluation.Rendering;
using SimCaller.Persona.Definitions;
using SimCaller.Persona.Loading;
using SimCaller.Persona.Mood;
using SimCaller.Persona.Voice;

namespace SimCaller.Benchmarks;

/// <summary>
/// The debrief of a 40-turn call (20 customer, 20 trainee) with the stressed traveller that starts badly
/// and recovers (resolved on the last turn). The call is played in [GlobalSetup] the way a session plays it: the analyser labels each
/// trainee line, the mood machine moves the anger, the offline customer answers.
/// </summary>
[Config(typeof(BenchmarkConfig))]
public class DebriefBenchmarks
{
    private static readonly TimeSpan TurnGap = TimeSpan.FromSeconds(14);

    private ServiceProvider _services = null!;
    private DebriefBuilder _builder = null!;
    private CallTranscript _transcript = null!;
    private Debrief _debrief = null!;

    [GlobalSetup]
    public void GlobalSetup()
    {
        // The store is never resolved here; the path only satisfies the composition.
        _services = PracticeHost.Build(Path.Combine(Path.GetTempPath(), "simcaller-benchmarks-unused.db"));
        _builder = _services.GetRequiredService<DebriefBuilder>();
        _transcript = PlayAsync().GetAwaiter().GetResult();
        _debrief = _builder.Build(_transcript);
        Console.WriteLine($"// Debrief input: {_transcript.Turns.Count} turns, {_transcript.Outcome}, anger {_transcript.StartingAnger} -> "
            + $"{_transcript.FinalAnger}, score {_debrief.Score}, {_debrief.Criteria.Count} criteria, {_debrief.KeyMoments.Count} key moments");
    }

    [Benchmark(Description = "DebriefBuilder.Build (40 turns)")]
    public Debrief Build() => _builder.Build(_transcript);

    [Benchmark(Description = "DebriefHtml.Render (40 turns)")]
    public string RenderHtml() => DebriefHtml.Render(_debrief);

    [GlobalCleanup]
    public void GlobalCleanup() => _services.Dispose();

    private async Task<CallTranscript> PlayAsync()
    {
        var persona = _services.GetRequiredService<PersonaCatalog>().Find(RepositoryData.PersonaId)
            ?? throw new InvalidOperationException($"Persona '{RepositoryData.PersonaId}' is not in {RepositoryData.Personas}.");
        var analyzer = _services.GetRequiredService<RuleBasedAnalyzer>();
        var voice = _services.GetRequiredService<ICustomerVoice>();
        const string difficulty = "standard";
        const int seed = 1234;

        var machine = MoodMachine.Create(persona, difficulty, seed);
        var startingAnger = machine.Anger;
        var started = new DateTimeOffset(2025, 6, 14, 22, 5, 0, TimeSpan.Zero);
        var turns = new List<TranscriptTurn>();
        var history = new List<(Speaker, string)>();

        async Task CustomerSays(MoodUpdate? update)
        {
            var line = await voice.ReplyAsync(new CustomerReplyRequest(
                persona, difficulty, seed, turns.Count(t => t.Speaker == Speaker.Customer), machine.Anger, machine.State, update, history));
            turns.Add(new TranscriptTurn(turns.Count + 1, started + turns.Count * TurnGap, Speaker.Customer, line, machine.Anger, machine.State.ToId(), []));
            history.Add((Speaker.Customer, line));
        }

        await CustomerSays(null);
        foreach (var text in TraineeLines.RecoveredCall)
        {
            if (machine.IsOver)
            {
                throw new InvalidOperationException($"The scripted call ended ({machine.Outcome}) before \"{text}\"; a debrief of 40 turns needs it to last.");
            }
            var at = started + turns.Count * TurnGap;
            var analysis = analyzer.Analyze(text, new AnalysisContext(history[^1].Item2, persona.Scenario.Keywords));
            var update = machine.Apply(analysis, CallEvents.None, at - started);
            turns.Add(new TranscriptTurn(turns.Count + 1, at, Speaker.Trainee, text, machine.Anger, machine.State.ToId(), analysis.Matches));
            history.Add((Speaker.Trainee, text));
            if (turns.Count < 2 * TraineeLines.RecoveredCall.Count)
            {
                await CustomerSays(update);
            }
        }

        var ended = started + turns.Count * TurnGap;
        return new CallTranscript("bench-session", persona.Id, persona.Name, difficulty, seed, started, ended, machine.Outcome,
            startingAnger, turns, persona.Scenario.Keywords, persona.Rubric.Disable, persona.Rubric.Enable, Scenario: persona.ToCallScenario());
    }
}
