using SimCaller.Core.Calls;
using SimCaller.Core.Techniques;
using SimCaller.Persona.Mood;
using SimCaller.Persona.Voice;

namespace SimCaller.Practice.Engine;

/// <summary>What one step of the engine did: the state before and after, and what the customer must answer.</summary>
/// <param name="Before">The mood machine's state before the step (restore it to play the step again).</param>
/// <param name="After">The state after the step; says the call is over once it has ended.</param>
/// <param name="Line">The trainee's turn as read; null for an ending from outside the conversation.</param>
/// <param name="Analysis">The labels that drove the mood (empty for silence and endings).</param>
/// <param name="Reply">What the customer's reply must do; null when the customer says nothing (an ending from outside).</param>
/// <param name="Events">The call events the step applied: the line's, plus <see cref="CallEvents.LongHold"/> when its hold was too long.</param>
public sealed record TurnStep(
    MoodSnapshot Before,
    MoodSnapshot After,
    TraineeLine? Line,
    UtteranceAnalysis Analysis,
    MoodUpdate Update,
    CustomerReplyRequest? Reply,
    CallEvents Events = CallEvents.None)
{
    public CallOutcome Outcome => Update.Outcome;

    public bool IsOver => Outcome != CallOutcome.InProgress;

    public int Anger => After.Anger;

    public MoodState Mood => MoodStateIds.FromAnger(After.Anger);
}
