using SimCaller.Persona.Mood;

namespace SimCaller.Persona.Definitions;

/// <summary>
/// Interruptions on a streaming call, both ways. Only a channel that hears both sides at once (Twilio
/// ConversationRelay) can apply them; the rules are this customer's, the defaults suit most.
/// </summary>
public sealed class Interruptions
{
    /// <summary>When the trainee cutting in counts as talking over the customer.</summary>
    public TalkOverRule TalkOver { get; set; } = new();

    /// <summary>When the customer cuts in on a trainee who goes on too long.</summary>
    public CutInRule CutIn { get; set; } = new();
}

/// <summary>
/// The trainee cut in while the customer was speaking. It counts as a talk_over event (for the mood
/// machine and the debrief) when the customer was in one of <see cref="Moods"/> (still venting), had
/// said less than <see cref="HeardBelow"/> of the line (how early), and this customer has already let
/// <see cref="Tolerated"/> interruptions pass on this call.
/// </summary>
public sealed class TalkOverRule
{
    public List<string> Moods { get; set; } = ["frustrated", "angry", "furious"];

    /// <summary>Share of the customer's line (0-1, by characters) below which cutting in counts; 1 counts any interruption.</summary>
    public double HeardBelow { get; set; } = 0.85;

    /// <summary>Interruptions per call the customer lets pass before they start to count.</summary>
    public int Tolerated { get; set; }

    /// <summary>Whether an interruption is the kind this customer minds (before tolerance).</summary>
    /// <param name="mood">The customer's mood while speaking the line.</param>
    /// <param name="heardChars">Characters of the line the trainee let them say.</param>
    /// <param name="lineChars">Characters of the whole line (as far as it was written).</param>
    public bool Qualifies(MoodState mood, int heardChars, int lineChars)
    {
        if (!Moods.Any(m => MoodStateIds.TryParse(m, out var listed) && listed == mood))
        {
            return false;
        }
        var share = lineChars <= 0 ? 0 : Math.Clamp((double)heardChars / lineChars, 0, 1);
        return share < HeardBelow;
    }

    /// <summary>Whether an interruption counts as talking over the customer.</summary>
    /// <param name="earlierQualifying">Interruptions earlier in this call that <see cref="Qualifies"/>, tolerated ones included.</param>
    public bool Counts(MoodState mood, int heardChars, int lineChars, int earlierQualifying) =>
        Qualifies(mood, heardChars, lineChars) && earlierQualifying >= Tolerated;
}

/// <summary>
/// The customer cuts in when the trainee's turn runs past <see cref="AfterWords"/> words while the
/// customer is in one of <see cref="Moods"/>, with one of <see cref="Lines"/>, then answers what they heard.
/// No moods: the customer never cuts in.
/// </summary>
public sealed class CutInRule
{
    /// <summary>Said when the persona gives no lines of its own.</summary>
    public const string DefaultLine = "Hold on, let me stop you there.";

    public List<string> Moods { get; set; } = ["furious"];

    public int AfterWords { get; set; } = 40;

    public List<string> Lines { get; set; } = [];

    public bool CutsIn(MoodState mood, int wordsSoFar) =>
        wordsSoFar >= AfterWords && Moods.Any(m => MoodStateIds.TryParse(m, out var listed) && listed == mood);

    /// <summary>The interjection for this cut-in, chosen by the call's seed and turn so a call replays the same.</summary>
    public string LineFor(int seed, int turn)
    {
        var usable = Lines.Where(l => !string.IsNullOrWhiteSpace(l)).ToList();
        if (usable.Count == 0)
        {
            return DefaultLine;
        }
        // Not HashCode: it is salted per process, and a call must replay the same anywhere.
        var index = (int)((((long)seed * 31) + turn) & 0x7FFFFFFF) % usable.Count;
        return usable[index].Trim();
    }
}
