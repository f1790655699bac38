using SimCaller.Core.Calls;
using SimCaller.Core.Techniques;
using SimCaller.Persona.Definitions;
using SimCaller.Persona.Mood;
using SimCaller.Persona.Voice;
using SimCaller.Practice.Engine;

namespace SimCaller.Practice.Authoring;

/// <summary>
/// A call held in memory for the persona tools: the live call's <see cref="TurnEngine"/>, the live
/// analyser and the offline customer, with nothing stored. Each trainee turn is read, analysed (with the
/// customer's last line as context, as a live turn is), stepped and answered exactly as
/// <see cref="PracticeService"/> does it; the customer's line comes with its explanation.
/// </summary>
internal sealed class RehearsalCall
{
    // Simulated time per exchange: long calls get restless as live ones do (patience.expected_minutes).
    private static readonly TimeSpan ExchangeLength = TimeSpan.FromSeconds(15);

    private readonly TurnEngine _engine;
    private readonly ITurnAnalyzer _analyzer;
    private readonly OfflineCustomerEngine _customer;
    private readonly List<TranscriptTurn> _history = [];
    private readonly DateTimeOffset _start = DateTimeOffset.UnixEpoch;
    private TimeSpan _elapsed;

    private RehearsalCall(TurnEngine engine, ITurnAnalyzer analyzer, OfflineCustomerEngine customer, MoodSnapshot state)
    {
        _engine = engine;
        _analyzer = analyzer;
        _customer = customer;
        State = state;
        Opening = customer.Explain(CustomerCue.From(engine.Opening(state)), []);
        _history.Add(new TranscriptTurn(1, _start, Speaker.Customer, Opening.Text, state.Anger, MoodOf(state).ToId(), []));
    }

    /// <summary>Starts a call; <paramref name="anger"/> replaces the starting anger when given.</summary>
    /// <exception cref="UnknownDifficultyException">The persona has no such level.</exception>
    public static RehearsalCall Start(PersonaDefinition persona, string? difficulty, int seed, int? anger, ITurnAnalyzer analyzer, OfflineCustomerEngine customer)
    {
        ArgumentNullException.ThrowIfNull(persona);
        if (!persona.TryResolveDifficulty(difficulty, out _))
        {
            throw new UnknownDifficultyException(persona.Id, difficulty ?? "", persona.DifficultyNames());
        }
        var engine = new TurnEngine(persona, persona.CanonicalDifficulty(difficulty), seed);
        var state = engine.Start();
        if (anger is { } set)
        {
            state = state with { Anger = set, State = MoodStateIds.FromAnger(set).ToId() };
        }
        return new RehearsalCall(engine, analyzer, customer, state);
    }

    public TurnEngine Engine => _engine;

    /// <summary>The customer's first line.</summary>
    public CustomerLine Opening { get; }

    /// <summary>The state after the last turn.</summary>
    public MoodSnapshot State { get; private set; }

    public bool IsOver => _engine.IsOver(State);

    /// <summary>Everything the customer has said so far, oldest first.</summary>
    public IEnumerable<string> CustomerLines => _history.Where(t => t.Speaker == Speaker.Customer).Select(t => t.Text);

    /// <summary>One trainee turn: <paramref name="text"/> empty or null is silence.</summary>
    public async Task<RehearsalTurn> SayAsync(string? text, CallEvents events = CallEvents.None, TimeSpan? hold = null, CancellationToken ct = default)
    {
        var line = TurnEngine.Read(text, events, hold);
        var analysis = line.NeedsAnalysis
            ? await _analyzer.AnalyzeAsync(
                line.Text,
                _engine.AnalysisContextFor(_history),
                ct)
            : UtteranceAnalysis.Empty(line.Text);
        _elapsed += ExchangeLength;
        var step = _engine.Step(State, line, analysis, _elapsed, _history);
        // The live voice reads what the customer already said from the prompt's history; the same list here.
        var reply = _customer.Explain(CustomerCue.From(step.Reply!), CustomerLines.ToArray());
        var mood = step.Mood.ToId();
        _history.Add(new TranscriptTurn(_history.Count + 1, _start + _elapsed, Speaker.Trainee, line.Text, step.Anger, mood, analysis.Matches, step.Events));
        _history.Add(new TranscriptTurn(_history.Count + 1, _start + _elapsed, Speaker.Customer, reply.Text, step.Anger, mood, []));
        State = step.After;
        return new RehearsalTurn(step, reply);
    }

    private static MoodState MoodOf(MoodSnapshot state) => MoodStateIds.FromAnger(state.Anger);
}

/// <summary>One trainee turn of a <see cref="RehearsalCall"/>: what the engine did and what the customer said, explained.</summary>
internal sealed record RehearsalTurn(TurnStep Step, CustomerLine Reply);
