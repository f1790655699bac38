using SimCaller.Core.Calls;
using SimCaller.Core.Techniques;

namespace SimCaller.Practice.Replay;

/// <summary>A call and its what-if: the same call with one trainee line said differently.</summary>
/// <param name="Turn">The trainee turn replaced (1 = the trainee's first line).</param>
/// <param name="Said">What the trainee says instead.</param>
public sealed record ReplayResult(string SessionId, int Turn, string Said, ReplayRun Original, ReplayRun Replay)
{
    /// <summary>What would have changed, in words: "resolved at turn 9 instead of hung up at turn 7".</summary>
    /// <param name="turnLabel">How to number a trainee turn (default: 1 = the trainee's first line), e.g. by the transcript's numbering.</param>
    public string Summary(Func<int, int>? turnLabel = null)
    {
        var replay = Replay.Describe(turnLabel);
        var original = Original.Describe(turnLabel);
        if (replay == original)
        {
            var delta = Replay.Score - Original.Score;
            return delta == 0
                ? $"{Capitalise(replay)} either way, with the same score"
                : $"{Capitalise(replay)} either way, scoring {Replay.Score} instead of {Original.Score}";
        }
        return $"{Capitalise(replay)} instead of {original}";
    }

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}

/// <summary>One run of a call.</summary>
/// <param name="Anger">The customer's anger after each trainee turn, from turn 1.</param>
/// <param name="Score">The debrief score of this run.</param>
/// <param name="EndedAtTurn">The trainee turn on which the call ended; null while it is still in progress.</param>
/// <param name="Turns">The run's lines from the replaced turn on (the replay only).</param>
public sealed record ReplayRun(
    IReadOnlyList<int> Anger,
    CallOutcome Outcome,
    int Score,
    int? EndedAtTurn,
    IReadOnlyList<ReplayTurn>? Turns = null)
{
    /// <summary>"hung up at turn 7", "still on the line after turn 4".</summary>
    public string Describe(Func<int, int>? turnLabel = null) => EndedAtTurn is { } turn
        ? $"{OutcomeWords(Outcome)} at turn {turnLabel?.Invoke(turn) ?? turn}"
        : $"still on the line after turn {turnLabel?.Invoke(Anger.Count) ?? Anger.Count}";

    private static string OutcomeWords(CallOutcome outcome) => outcome switch
    {
        CallOutcome.Resolved => "resolved",
        CallOutcome.HungUp => "hung up",
        CallOutcome.Escalated => "escalated",
        CallOutcome.EndedByAgent => "ended by the agent",
        CallOutcome.TimeLimit => "ran out of time",
        CallOutcome.Abandoned => "abandoned",
        _ => "in progress",
    };
}

/// <param name="Anger">The customer's anger after this line.</param>
/// <param name="Techniques">What the trainee's line was heard as (empty for the customer).</param>
public sealed record ReplayTurn(Speaker Speaker, string Text, int Anger, IReadOnlyList<Technique> Techniques);
