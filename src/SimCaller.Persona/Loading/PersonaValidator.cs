using System.Text.RegularExpressions;
using SimCaller.Persona.Definitions;

namespace SimCaller.Persona.Loading;

/// <summary>Checks the meaning of a persona once its shape is right: required fields, ranges, cross references.</summary>
internal sealed partial class PersonaValidator(string file, IReadOnlyDictionary<string, int> lines)
{
    private const double MaxWeight = 50;
    private const double MaxFactor = 5;

    private readonly List<PersonaProblem> _problems = [];

    public IReadOnlyList<PersonaProblem> Validate(PersonaDefinition p)
    {
        if (string.IsNullOrWhiteSpace(p.Id))
        {
            Add("id", "missing: every persona needs an id (lowercase letters, digits, hyphens), e.g. 'stressed-traveler'");
        }
        else if (!IdPattern().IsMatch(p.Id))
        {
            Add("id", $"'{p.Id}' is not a valid id: use lowercase letters, digits and hyphens");
        }
        Required("name", p.Name, "the name trainees see in menus");
        if (p.OpeningLines.Count == 0)
        {
            Add("opening_lines", "missing: at least one opening line is required (how the customer starts the call)");
        }
        CheckScenario(p.Scenario);
        CheckNeeds(p.Needs);
        Anger("starting_anger", p.StartingAnger);
        foreach (var (id, weight) in p.Weights)
        {
            if (Math.Abs(weight) > MaxWeight)
            {
                Add($"weights.{id}", $"{weight} is out of range: weights are anger points per move, between -{MaxWeight} and {MaxWeight}");
            }
        }
        CheckBehaviours(p.Behaviours);
        CheckPatience(p.Patience);
        CheckDifficulties(p);
        CheckRubric(p.Rubric);
        CheckReplyLines(p.Lines);
        NoCues("opening_lines", p.OpeningLines);
        NoCues("lines.reminders", p.Lines.Reminders);
        NoCues("behaviours.insults", p.Behaviours.Insults);
        NoCues("behaviours.manager_demands", p.Behaviours.ManagerDemands);
        NoCues("behaviours.online_threats", p.Behaviours.OnlineThreats);
        NoCues("behaviours.tangents", p.Behaviours.Tangents);
        return _problems;
    }

    private void CheckScenario(Scenario s)
    {
        for (var i = 0; i < s.Facts.Count; i++)
        {
            var fact = s.Facts[i];
            Required($"scenario.facts[{i}].topic", fact.Topic, "what the fact is about, e.g. 'booking reference'");
            if (fact.Answers.Count == 0 && string.IsNullOrWhiteSpace(fact.Value))
            {
                Add($"scenario.facts[{i}]", "a fact needs a value or at least one answer");
            }
            for (var j = 0; j < fact.Examples.Count; j++)
            {
                Required($"scenario.facts[{i}].examples[{j}]", fact.Examples[j], "a question a trainee might ask for this fact");
            }
        }
        // The same example under two facts leaves the customer guessing which one was asked.
        var owners = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < s.Facts.Count; i++)
        {
            for (var j = 0; j < s.Facts[i].Examples.Count; j++)
            {
                var key = string.Join(' ', Voice.TraineeWords.Words(s.Facts[i].Examples[j] ?? ""));
                if (key.Length == 0)
                {
                    continue;
                }
                if (owners.TryGetValue(key, out var other) && other != i)
                {
                    Add($"scenario.facts[{i}].examples[{j}]",
                        $"\"{s.Facts[i].Examples[j]}\" is also an example of '{s.Facts[other].Topic}': give each question to one fact");
                }
                owners.TryAdd(key, i);
            }
        }
    }

    private void CheckNeeds(Needs needs)
    {
        Required("needs.core", needs.Core, "what must happen for the call to be resolved");
        if (needs.CoreKeywords.Count == 0)
        {
            Add("needs.core_keywords", "missing: at least one keyword is needed to recognise a solution that meets the core need");
        }
        Anger("needs.anger_floor", needs.AngerFloor);
        Anger("needs.resolved_below", needs.ResolvedBelow);
    }

    private void CheckBehaviours(Behaviours b)
    {
        Anger("behaviours.insults_above", b.InsultsAbove);
        Anger("behaviours.demands_manager_above", b.DemandsManagerAbove);
        Anger("behaviours.threatens_online_above", b.ThreatensOnlineAbove);
        if (b.TangentChance is < 0 or > 1)
        {
            Add("behaviours.tangent_chance", $"{b.TangentChance} is out of range: it is a chance between 0 and 1");
        }
    }

    private void CheckPatience(Patience p)
    {
        AtLeastOne("patience.furious_turns", p.FuriousTurns);
        AtLeastOne("patience.silent_turns", p.SilentTurns);
        AtLeastOne("patience.max_turns", p.MaxTurns);
        if (p.ExpectedMinutes <= 0)
        {
            Add("patience.expected_minutes", $"{p.ExpectedMinutes} is out of range: must be more than 0");
        }
        if (p.StallingTurns < 0)
        {
            Add("patience.stalling_turns", $"{p.StallingTurns} is out of range: must be 0 or more (0: no stalling at all is tolerated)");
        }
        if (p.StallingAnger is < 0 or > 25)
        {
            Add("patience.stalling_anger", $"{p.StallingAnger} is out of range: anger points per stalled turn, 0 (never minds) to 25");
        }
    }

    private void CheckDifficulties(PersonaDefinition p)
    {
        foreach (var (name, level) in p.Difficulties)
        {
            var at = $"difficulties.{name}";
            Factor($"{at}.calming_factor", level.CalmingFactor);
            Factor($"{at}.inflaming_factor", level.InflamingFactor);
            Factor($"{at}.patience_factor", level.PatienceFactor);
            Offset($"{at}.starting_anger_offset", level.StartingAngerOffset);
            Offset($"{at}.floor_offset", level.FloorOffset);
        }
        if (string.IsNullOrWhiteSpace(p.DefaultDifficulty))
        {
            Add("default_difficulty", "missing: name one of the difficulties");
        }
        else if (p.Difficulties.Count > 0 && !p.TryResolveDifficulty(p.DefaultDifficulty, out _))
        {
            Add("default_difficulty",
                $"'{p.DefaultDifficulty}' is not defined under difficulties (defined: {string.Join(", ", p.Difficulties.Keys)})");
        }
    }

    private void CheckRubric(RubricToggles rubric)
    {
        foreach (var both in rubric.Enable.Intersect(rubric.Disable, StringComparer.Ordinal))
        {
            Add("rubric", $"'{both}' is both enabled and disabled");
        }
    }

    /// <summary>Cue syntax of every reaction line; blank entries are the shape check's to report.</summary>
    private void CheckReplyLines(ReplyLines lines)
    {
        foreach (var (reaction, byMood) in lines.Reactions)
        {
            foreach (var (mood, entries) in byMood)
            {
                for (var i = 0; i < entries.Count; i++)
                {
                    if (!string.IsNullOrWhiteSpace(entries[i]) && !ReplyLine.TryParse(entries[i], out _, out var error))
                    {
                        Add($"lines.reactions.{reaction.Trim()}.{mood.Trim()}[{i}]", error);
                    }
                }
            }
        }
    }

    /// <summary>Lines said whatever the trainee said: a cue there would be read out, brackets and all.</summary>
    private void NoCues(string field, List<string> entries)
    {
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i]?.TrimStart().StartsWith('[') == true)
            {
                Add($"{field}[{i}]", "cues ('[phrase] line') only work under lines.reactions; here the brackets would be spoken");
            }
        }
    }

    private void Required(string field, string value, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, $"missing: {what}");
        }
    }

    private void Anger(string field, int? value)
    {
        if (value is < 0 or > 100)
        {
            Add(field, $"{value} is out of range: anger is 0-100");
        }
    }

    private void AtLeastOne(string field, int value)
    {
        if (value < 1)
        {
            Add(field, $"{value} is out of range: must be at least 1");
        }
    }

    private void Factor(string field, double value)
    {
        if (value is <= 0 or > MaxFactor)
        {
            Add(field, $"{value} is out of range: factors are more than 0 and at most {MaxFactor}");
        }
    }

    private void Offset(string field, int value)
    {
        if (value is < -100 or > 100)
        {
            Add(field, $"{value} is out of range: offsets are anger points between -100 and 100");
        }
    }

    private void Add(string field, string message) => _problems.Add(new PersonaProblem(file, LineOf(field), field, message));

    /// <summary>The field's own line, else the nearest enclosing key's (a missing key has no line of its own).</summary>
    private int? LineOf(string field)
    {
        for (var path = field; path.Length > 0; path = Parent(path))
        {
            if (lines.TryGetValue(path, out var line))
            {
                return line;
            }
        }
        return null;
    }

    private static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut < 0 ? "" : path[..cut];
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex IdPattern();
}
