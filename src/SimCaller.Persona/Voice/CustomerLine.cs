using SimCaller.Persona.Mood;

namespace SimCaller.Persona.Voice;

/// <summary>
/// A line of the offline customer with where each piece of it came from, so a trainer can see why it
/// was said (<c>simcaller personas try</c>) and which lines of a persona ever fire (<c>personas coverage</c>).
/// </summary>
/// <param name="Text">What the customer says, exactly as in a call.</param>
/// <param name="Parts">The pieces in the order spoken: the main line, then a reaction after a fact's answer, then an add-on behaviour.</param>
public sealed record CustomerLine(string Text, IReadOnlyList<LineSource> Parts)
{
    /// <summary>The piece that answers the trainee: an echo, a reaction line, a fact's answer or the opening.</summary>
    public LineSource Main => Parts[0];
}

/// <summary>One piece of a customer line and why the engine chose it.</summary>
/// <param name="Kind">One of <see cref="LineKinds"/>.</param>
/// <param name="Text">The words of this piece as spoken ({value} filled in).</param>
/// <param name="Id">Where the line is written in the persona file ("lines.reactions.rude.calm[1]",
/// "scenario.facts[2].answers[0]", "opening_lines[3]"); null for the engine's generic text.</param>
/// <param name="Reaction">The reaction key the customer was answering with this piece; null for the opening, facts and add-ons.</param>
/// <param name="Mood">The customer's mood the piece was chosen for.</param>
/// <param name="Keyword">The trainee's words that chose it: the cue phrase of an echo line, or the fact keyword
/// (null for a fact recognised by meaning without any of its keywords).</param>
/// <param name="Fact">The topic of the fact answered.</param>
/// <param name="WrittenReaction">The reaction key the line is written under, as spelled in the file; differs from
/// <paramref name="Reaction"/> when the reaction had no line and the neutral ones spoke.</param>
/// <param name="WrittenMood">The mood the line is written under; differs from <paramref name="Mood"/> when the
/// persona has no line for this mood and the nearest mood's spoke.</param>
public sealed record LineSource(
    string Kind,
    string Text,
    string? Id = null,
    string? Reaction = null,
    MoodState? Mood = null,
    string? Keyword = null,
    string? Fact = null,
    string? WrittenReaction = null,
    MoodState? WrittenMood = null)
{
    /// <summary>True when a line written for another reaction or mood spoke (the persona had none of its own here).</summary>
    public bool IsBorrowed =>
        WrittenReaction is not null
        && (!string.Equals(WrittenReaction.Trim(), Reaction, StringComparison.OrdinalIgnoreCase) || WrittenMood != Mood);
}

/// <summary>Kinds of <see cref="LineSource"/>: what in the persona (or the engine) a piece of a line came from.</summary>
public static class LineKinds
{
    /// <summary>One of <c>opening_lines</c>.</summary>
    public const string Opening = "opening";

    /// <summary>A reaction line with a cue, said because the trainee used one of its phrases.</summary>
    public const string Cue = "cue";

    /// <summary>A reaction line without a cue.</summary>
    public const string Line = "line";

    /// <summary>An answer to a question about one of the scenario's facts.</summary>
    public const string Fact = "fact";

    /// <summary>The engine's generic text: the persona had no line that fit.</summary>
    public const string Fallback = "fallback";

    public const string Insult = "insult";
    public const string ManagerDemand = "manager_demand";
    public const string OnlineThreat = "online_threat";
    public const string Reminder = "reminder";
    public const string Tangent = "tangent";
}
