using SimCaller.Core.Techniques;

namespace SimCaller.Persona.Mood;

/// <summary>The engine's numbers where a persona says nothing, and how repetition changes a move's effect.</summary>
internal static class MoodTuning
{
    /// <summary>Anger points per move before difficulty; personas override them with weights.</summary>
    public static readonly IReadOnlyDictionary<Technique, double> DefaultWeights = new Dictionary<Technique, double>
    {
        [Technique.Empathy] = -7,
        [Technique.Apology] = -5,
        [Technique.Paraphrase] = -6,
        [Technique.ClarifyingQuestion] = -2,
        [Technique.Solution] = -8,
        [Technique.Ownership] = -6,
        [Technique.Expectation] = -4,
        [Technique.Gratitude] = -2,
        [Technique.CheckSatisfaction] = -2,
        [Technique.Boundary] = -2,
        [Technique.Redirect] = -2,
        [Technique.EscalationOffer] = -3,
        [Technique.Cliche] = 5,
        [Technique.Blame] = 9,
        [Technique.Dismissive] = 10,
        [Technique.Refusal] = 8,
        [Technique.Defensive] = 6,
        [Technique.Rude] = 12,
    };

    public const double Silence = 5;
    public const double TalkOver = 6;
    public const double LongHold = 8;
    public const double RunningLong = 2;
    public const double RepeatedLine = 3;
    public const double CoreNeedBonus = -10;
    public const double PartialNeedBonus = -4;

    /// <summary>How far each delta may wander, so calls with different seeds do not feel identical.</summary>
    public const double Jitter = 0.08;

    /// <summary>
    /// Helpful moves wear out when repeated. Feelings-based moves (empathy, apology) ring hollow fast and are
    /// worth nothing by the 5th time; practical ones (questions, options) stay useful longer but never vanish.
    /// </summary>
    public static double Repetition(Technique technique, int occurrence)
    {
        var n = occurrence - 1;
        if (technique.IsHarmful())
        {
            // Stock phrases grate more each time they come back; other harm stacks more gently.
            return technique == Technique.Cliche ? 1 + 0.6 * n : Math.Min(3, 1 + 0.25 * n);
        }
        return IsPractical(technique) ? Math.Max(0.25, 1 - 0.15 * n) : Math.Max(0, 1 - 0.25 * n);
    }

    private static bool IsPractical(Technique technique) => technique is
        Technique.ClarifyingQuestion or Technique.Solution or Technique.Expectation
        or Technique.CheckSatisfaction or Technique.Redirect;
}
