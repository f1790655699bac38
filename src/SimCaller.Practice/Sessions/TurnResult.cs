using System.Text.Json.Serialization;
using SimCaller.Core.Calls;
using SimCaller.Core.Techniques;
using SimCaller.Persona.Mood;

namespace SimCaller.Practice;

/// <summary>What the customer answered to a trainee turn, and how their mood moved.</summary>
/// <param name="CustomerLine">The reply, or the closing line when the turn ended the call.</param>
/// <param name="Replayed">True when the turn's RequestKey was seen before: this is the stored result and nothing was applied.</param>
public sealed record TurnResult(
    string CustomerLine,
    int Anger,
    MoodState Mood,
    CallOutcome Outcome,
    UtteranceAnalysis Analysis,
    MoodUpdate Update,
    bool Replayed)
{
    public bool IsOver => Outcome != CallOutcome.InProgress;

    /// <summary>
    /// The ended call with its debrief, on the turn that ended it (a replayed last turn too); channels
    /// need not read it back. Not part of the stored turn result.
    /// </summary>
    [JsonIgnore]
    public SessionEnded? Ended { get; init; }
}
