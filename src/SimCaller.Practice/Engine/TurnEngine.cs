using System.Globalization;
using SimCaller.Core.Calls;
using SimCaller.Core.Techniques;
using SimCaller.Persona.Definitions;
using SimCaller.Persona.Mood;
using SimCaller.Persona.Voice;
using SimCaller.Practice.CallControl;

namespace SimCaller.Practice.Engine;

/// <summary>
/// One call's rules, with no I/O and no clock: given the state before a turn, the trainee's line, its
/// labels and the time, it returns the state after and what the customer's reply must do. Every channel
/// goes through it (via <see cref="PracticeService"/>), and a replay that restores a stored
/// <see cref="MoodSnapshot"/> and feeds the same inputs gets the same steps. Holds the silence rule, hold
/// spans, call control said in words, the mood update and every ending.
/// </summary>
public sealed class TurnEngine
{
    public TurnEngine(PersonaDefinition persona, string difficulty, int seed)
    {
        ArgumentNullException.ThrowIfNull(persona);
        Persona = persona;
        Difficulty = persona.CanonicalDifficulty(difficulty);
        Seed = seed;
    }

    public PersonaDefinition Persona { get; }

    public string Difficulty { get; }

    public int Seed { get; }

    /// <summary>
    /// The silence rule: empty or blank words are silence, unless the turn is the old instant hold
    /// (<see cref="CallEvents.LongHold"/> with no words), which is its own event.
    /// </summary>
    /// <param name="hold">How long the customer was on hold before these words; null when there was no hold.</param>
    public static TraineeLine Read(string? text, CallEvents events = CallEvents.None, TimeSpan? hold = null)
    {
        var words = (text ?? "").Trim();
        var silent = words.Length == 0 && !events.HasFlag(CallEvents.LongHold);
        return new TraineeLine(words, silent ? events | CallEvents.Silence : events, hold is { } h && h < TimeSpan.Zero ? TimeSpan.Zero : hold);
    }

    /// <summary>The state a new call starts in.</summary>
    public MoodSnapshot Start() => MoodMachine.Create(Persona, Difficulty, Seed).Snapshot();

    /// <summary>What the customer's first line must do.</summary>
    public CustomerReplyRequest Opening(MoodSnapshot start)
    {
        var machine = Restore(start);
        return new CustomerReplyRequest(Persona, Difficulty, Seed, 0, machine.Anger, machine.State, null, []);
    }

    /// <summary>One trainee turn.</summary>
    /// <param name="before">The state after the previous turn.</param>
    /// <param name="analysis">The labels of <paramref name="line"/> (empty for silence); the engine does not analyse.</param>
    /// <param name="elapsed">Time from the start of the call to this turn.</param>
    /// <param name="history">The call so far, oldest first, without this turn.</param>
    public TurnStep Step(MoodSnapshot before, TraineeLine line, UtteranceAnalysis analysis, TimeSpan elapsed, IReadOnlyList<TranscriptTurn> history)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(history);
        var machine = Restore(before);
        MoodUpdate update;
        var events = line.Events;
        if (line.Hold is { } hold && hold.TotalSeconds >= Persona.Patience.HoldHangUpSeconds && !machine.IsOver)
        {
            // The customer gave up waiting: they were gone before the trainee came back, so the words go unheard.
            events |= CallEvents.LongHold;
            update = machine.CustomerHangsUp($"hung up after {Describe(hold)} on hold");
        }
        else
        {
            var reasons = new List<string>();
            if (line.Hold is { } span)
            {
                if (span.TotalSeconds > Persona.Patience.HoldOkSeconds)
                {
                    events |= CallEvents.LongHold;
                }
                else
                {
                    reasons.Add($"short hold ({Describe(span)}) no effect");
                }
            }
            var control = CallControlDetector.Detect(line.Text);
            update = machine.Apply(analysis, events, elapsed, traineeCloses: control != CallControlAction.None);
            update = ApplyCallControl(machine, update, control);
            if (reasons.Count > 0)
            {
                update = update with { Reasons = [.. reasons, .. update.Reasons] };
            }
        }

        var conversation = history.Select(t => (t.Speaker, t.Text)).Append((Speaker.Trainee, line.Text)).ToArray();
        var customerTurnNumber = history.Count(t => t.Speaker == Speaker.Customer);
        var reply = new CustomerReplyRequest(Persona, Difficulty, Seed, customerTurnNumber, machine.Anger, machine.State, update, conversation);
        return new TurnStep(before, machine.Snapshot(), line, analysis, update, reply, events);
    }

    /// <summary>
    /// An ending from outside the conversation (a button, a dropped line, the customer hanging up, the
    /// channel's clock). It goes through the machine like any other move, so the state after says the call
    /// is over; a call that had already ended keeps its outcome.
    /// </summary>
    public TurnStep End(MoodSnapshot before, EndReason reason)
    {
        var machine = Restore(before);
        var update = reason switch
        {
            EndReason.Transferred => machine.Transfer(),
            EndReason.AgentHungUp => machine.AgentEndsCall(),
            EndReason.TimeUp => machine.TimeUp(),
            EndReason.CustomerHungUp => machine.CustomerHangsUp(),
            // A conversation that reached its own end keeps that outcome; otherwise the trainee left it.
            _ => machine.Abandon(),
        };
        return new TurnStep(before, machine.Snapshot(), null, UtteranceAnalysis.Empty(""), update, null);
    }

    /// <summary>
    /// What the analyser is told about the call before a trainee line: the customer's last words and the
    /// persona's problem. One place, so the live call, a rehearsal and a replay label the same words alike.
    /// </summary>
    public AnalysisContext AnalysisContextFor(IReadOnlyList<TranscriptTurn> history) =>
        new(history.LastOrDefault(t => t.Speaker == Speaker.Customer)?.Text, Persona.Scenario.Keywords, Persona.Scenario.Problem);

    /// <summary>True when the state is an ended call.</summary>
    public bool IsOver(MoodSnapshot state) => Restore(state).IsOver;

    private MoodMachine Restore(MoodSnapshot snapshot) => MoodMachine.Restore(Persona, Difficulty, Seed, snapshot);

    /// <summary>
    /// A transfer or hang-up said in words acts after the words themselves count (a boundary, then
    /// "I'm ending this call"); the reply then answers the ending.
    /// </summary>
    private static MoodUpdate ApplyCallControl(MoodMachine machine, MoodUpdate update, CallControlAction control)
    {
        if (machine.IsOver || control == CallControlAction.None)
        {
            return update;
        }
        var ending = control == CallControlAction.Transfer ? machine.Transfer() : machine.AgentEndsCall();
        return update with
        {
            Outcome = ending.Outcome,
            Reaction = ending.Reaction,
            Reasons = [.. update.Reasons, .. ending.Reasons],
        };
    }

    private static string Describe(TimeSpan span) =>
        span.TotalMinutes >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalMinutes:0.#} min")
            : string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0} s");
}
