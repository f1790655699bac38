using SimCaller.Core.Techniques;

namespace SimCaller.Persona.Definitions;

/// <summary>
/// What a customer line can answer to: keys of <see cref="ReplyLines.Reactions"/> and values of
/// MoodUpdate.Reaction. Every technique id is a reaction key too.
/// </summary>
public static class ReactionKeys
{
    public const string Neutral = "neutral";
    public const string Silence = "silence";
    public const string TalkOver = "talk_over";
    /// <summary>The trainee put the customer on hold for a long time (not the same as going quiet mid-conversation).</summary>
    public const string LongHold = "long_hold";
    public const string Repeated = "repeated";
    public const string PartialSolution = "partial_solution";
    public const string UnansweredQuestion = "unanswered_question";
    public const string HangUp = "hang_up";
    /// <summary>The need is met and the customer has cooled: they thank the trainee, and the call stays open for the close.</summary>
    public const string Satisfied = "satisfied";
    public const string Resolved = "resolved";
    public const string Escalated = "escalated";
    public const string EndedByAgent = "ended_by_agent";
    /// <summary>The trainee asks if the customer is a bot or tries to give it instructions.</summary>
    public const string Meta = "meta";
    /// <summary>The trainee asked something with nothing to do with the customer's problem.</summary>
    public const string OffTopic = "off_topic";
    /// <summary>The trainee left mid-call; nobody speaks after it, so persona files carry no lines for it.</summary>
    public const string Abandoned = "abandoned";

    /// <summary>Call moments that are not techniques, in the order trainers usually write them.</summary>
    public static IReadOnlyList<string> Moments { get; } =
    [
        Neutral, Silence, TalkOver, LongHold, Repeated, PartialSolution, UnansweredQuestion,
        Satisfied, HangUp, Resolved, Escalated, EndedByAgent, Meta, OffTopic,
    ];

    /// <summary>Every key a persona file may use under lines.reactions.</summary>
    public static IReadOnlyList<string> All { get; } = [.. TechniqueIds.AllIds, .. Moments];

    public static bool IsKnown(string key) => All.Contains(key, StringComparer.Ordinal);
}
