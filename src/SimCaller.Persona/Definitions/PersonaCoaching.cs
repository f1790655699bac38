namespace SimCaller.Persona.Definitions;

/// <summary>
/// Example better lines for the debrief, in the customer's own world. A persona file gives them under
/// <c>coaching:</c> by rubric criterion id ("expectations") or reaction key ("dismissive", "empathy");
/// where it gives none, lines are built from its scenario (product, company, need), so a suggestion never
/// talks about a wedding to someone whose water bill tripled.
/// </summary>
public static class PersonaCoaching
{
    /// <summary>Shipped rubric criterion ids and the technique each one coaches, so either name finds the lines.</summary>
    private static readonly IReadOnlyDictionary<string, string> CriterionTechnique = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["active_listening"] = "paraphrase",
        ["solutions"] = "solution",
        ["expectations"] = "expectation",
        ["professional_tone"] = "rude",
        ["avoiding_cliches"] = "cliche",
        ["boundaries"] = "boundary",
        ["staying_on_track"] = "redirect",
        ["escalation"] = "escalation_offer",
    };

    /// <summary>
    /// The persona's own example lines for a rubric criterion id or reaction key (its criterion or
    /// technique counterpart counts too: "expectations" finds lines written under "expectation"), else
    /// lines built from its scenario; empty when there is nothing sensible to say for that key.
    /// </summary>
    public static IReadOnlyList<string> CoachingFor(this PersonaDefinition persona, string key)
    {
        ArgumentNullException.ThrowIfNull(persona);
        ArgumentNullException.ThrowIfNull(key);
        foreach (var name in Aliases(key.Trim()))
        {
            var own = persona.Coaching
                .Where(kv => string.Equals(kv.Key.Trim(), name, StringComparison.OrdinalIgnoreCase))
                .SelectMany(kv => kv.Value ?? [])
                .Where(line => !string.IsNullOrWhiteSpace(line))
                .Select(line => line.Trim())
                .ToArray();
            if (own.Length > 0)
            {
                return own;
            }
        }
        return DefaultCoaching(persona, key);
    }

    /// <summary>
    /// The persona file's own example lines only, keyed by technique id (lines written under a rubric
    /// criterion id count for the technique that criterion coaches), for the debrief's suggestions.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> OwnCoachingByTechnique(this PersonaDefinition persona)
    {
        ArgumentNullException.ThrowIfNull(persona);
        var byTechnique = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, lines) in persona.Coaching ?? [])
        {
            var technique = Aliases(key.Trim()).Last();
            var list = byTechnique.TryGetValue(technique, out var existing) ? existing : byTechnique[technique] = [];
            list.AddRange((lines ?? []).Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => l.Trim()));
        }
        return byTechnique.Where(kv => kv.Value.Count > 0)
            .ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Example lines built from the scenario alone, for a criterion id or technique id.</summary>
    public static IReadOnlyList<string> DefaultCoaching(this PersonaDefinition persona, string key)
    {
        ArgumentNullException.ThrowIfNull(persona);
        var technique = Aliases(key?.Trim() ?? "").Last();
        var thing = Thing(persona.Scenario.Product);
        var company = string.IsNullOrWhiteSpace(persona.Scenario.Company) ? "us" : persona.Scenario.Company.Trim();
        var parts = persona.Needs.CoreParts.Select(p => p.Name.Trim()).Where(n => n.Length > 0).ToArray();
        var need = parts.Length > 0 ? JoinAnd(parts) : Clause(persona.Needs.Core);
        return technique switch
        {
            "empathy" => [$"Something going wrong with {thing} is worrying, and I can hear how much it's affected you.",
                "Take your time, there's no rush. I'm here until this is sorted."],
            "apology" => [$"I'm sorry about what's happened with {thing}. That shouldn't have happened."],
            "paraphrase" => [$"Let me check I've got this right: it's about {thing}, and what you need is {need}. Is that it?"],
            "clarifying_question" => [$"So I can find it straight away, could you tell me the details on {thing}?"],
            "solution" => [$"Here's what I can do today: {need}. I'll set that up now."],
            "ownership" => [$"I'm going to look after {thing} myself, and I won't pass you around."],
            "expectation" => [$"Here's what happens next: I'll confirm {need} in writing today, and I'll call you back by tomorrow afternoon."],
            "gratitude" => ["Thank you for bearing with me while I checked that."],
            "check_satisfaction" => [$"Does that sort out {thing} for you, or is there anything still worrying you?"],
            "boundary" => ["I do want to help you, and I will, as long as we keep it civil."],
            "redirect" => [$"I hear you. Let's get {thing} sorted first, then I'm happy to come back to that."],
            "escalation_offer" => [$"If you'd like, I can bring in a senior colleague at {company} who can sign this off."],
            "cliche" => [$"Being left with this on {thing} is a rotten position to be in."],
            "blame" => [$"That one's on {company}, not you. Here's what I'm going to do to put it right."],
            "dismissive" => [$"I can see why {thing} matters so much to you. Let's get it sorted."],
            "refusal" => ["I can't do that one, but here's what I can do instead. Would that help?"],
            "defensive" => ["Let me put that more clearly, because it matters."],
            "rude" => ["Take your time, tell me the rest and I'll note it all down."],
            _ => [],
        };
    }

    /// <summary>The key as given, then its technique counterpart (for a criterion id) or criterion counterpart (for a technique id).</summary>
    private static IReadOnlyList<string> Aliases(string key)
    {
        if (CriterionTechnique.TryGetValue(key, out var technique))
        {
            return [key, technique];
        }
        var criterion = CriterionTechnique.FirstOrDefault(kv => string.Equals(kv.Value, key, StringComparison.OrdinalIgnoreCase)).Key;
        return criterion is null ? [key] : [criterion, key];
    }

    /// <summary>"the smart meter" reads fine as is; a bare noun gets "your"; nothing gives "this".</summary>
    private static string Thing(string product)
    {
        var text = product.Trim();
        if (text.Length == 0)
        {
            return "this";
        }
        var first = text.Split(' ')[0].ToLowerInvariant();
        return first is "the" or "a" or "an" or "your" ? text : "your " + text;
    }

    /// <summary>A need written as a sentence, made to fit mid-sentence ("Rebooked on ..." becomes "rebooked on ...").</summary>
    private static string Clause(string core)
    {
        var text = core.Trim().TrimEnd('.', '!');
        if (text.Length == 0)
        {
            return "this put right";
        }
        return text.Length > 1 && char.IsUpper(text[0]) && !char.IsUpper(text[1]) ? char.ToLowerInvariant(text[0]) + text[1..] : text;
    }

    private static string JoinAnd(IReadOnlyList<string> items) =>
        items.Count == 1 ? items[0] : string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1];
}
