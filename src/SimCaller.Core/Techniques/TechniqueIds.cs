using System.Collections.Frozen;

namespace SimCaller.Core.Techniques;

/// <summary>Maps techniques to and from their contract ids ("empathy", "clarifying_question", ...).</summary>
public static class TechniqueIds
{
    private static readonly FrozenDictionary<Technique, string> ToIdMap = new Dictionary<Technique, string>
    {
        [Technique.Empathy] = "empathy",
        [Technique.Apology] = "apology",
        [Technique.Paraphrase] = "paraphrase",
        [Technique.ClarifyingQuestion] = "clarifying_question",
        [Technique.Solution] = "solution",
        [Technique.Ownership] = "ownership",
        [Technique.Expectation] = "expectation",
        [Technique.Gratitude] = "gratitude",
        [Technique.CheckSatisfaction] = "check_satisfaction",
        [Technique.Boundary] = "boundary",
        [Technique.Redirect] = "redirect",
        [Technique.EscalationOffer] = "escalation_offer",
        [Technique.Cliche] = "cliche",
        [Technique.Blame] = "blame",
        [Technique.Dismissive] = "dismissive",
        [Technique.Refusal] = "refusal",
        [Technique.Defensive] = "defensive",
        [Technique.Rude] = "rude",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, Technique> FromIdMap =
        ToIdMap.ToFrozenDictionary(kv => kv.Value, kv => kv.Key, StringComparer.Ordinal);

    /// <summary>All techniques in the order of the vocabulary file.</summary>
    public static IReadOnlyList<Technique> All { get; } = Enum.GetValues<Technique>();

    /// <summary>All contract ids in the order of the vocabulary file.</summary>
    public static IReadOnlyList<string> AllIds { get; } = All.Select(t => ToIdMap[t]).ToArray();

    public static string ToId(this Technique technique) => ToIdMap[technique];

    public static bool TryParse(string? id, out Technique technique)
    {
        if (id is not null && FromIdMap.TryGetValue(id.Trim(), out technique))
        {
            return true;
        }
        technique = default;
        return false;
    }

    /// <summary>Helpful moves calm the customer; harmful ones (cliche, blame, ...) set them off.</summary>
    public static bool IsHelpful(this Technique technique) => technique < Technique.Cliche;

    public static bool IsHarmful(this Technique technique) => !technique.IsHelpful();
}
