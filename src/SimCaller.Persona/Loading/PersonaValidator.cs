using System.Text.RegularExpressions;
using SimCaller.Core.Techniques;
using SimCaller.Persona.Definitions;
using SimCaller.Persona.Mood;
using SimCaller.Persona.Voice;

namespace SimCaller.Persona.Loading;

/// <summary>
/// Checks the meaning of a persona once its shape is right: required fields, ranges, cross references,
/// and what would make the customer behave other than the trainer meant (warnings).
/// </summary>
internal sealed partial class PersonaValidator(string file, IReadOnlyDictionary<string, int> lines, PersonaCheckOptions? options = null)
{
    private const double MaxWeight = 50;
    private const double MaxFactor = 5;

    /// <summary>The one placeholder there is: a fact's value, inside that fact's answers.</summary>
    private const string ValuePlaceholder = "value";

    /// <summary>
    /// Helpful moves whose worth depends on the situation: a boundary calms only someone abusive, a
    /// redirect only someone on a tangent, an offer to escalate only someone who wants a manager. A
    /// positive weight on them is a legitimate choice for a customer who is none of these.
    /// </summary>
    private static readonly HashSet<Technique> Situational = [Technique.Boundary, Technique.Redirect, Technique.EscalationOffer];

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
        CheckFactKeywords(p.Scenario.Facts);
        CheckNeeds(p.Needs);
        Anger("starting_anger", p.StartingAnger);
        CheckWeights(p);
        CheckBehaviours(p.Behaviours);
        CheckPatience(p.Patience);
        CheckRelayVoice(p.Voice);
        CheckInterruptions(p.Interruptions);
        CheckDifficulties(p);
        CheckFloor(p);
        CheckRubric(p.Rubric);
        CheckCoaching(p.Coaching);
        CheckReplyLines(p.Lines);
        CheckLineCoverage(p.Lines);
        CheckPlaceholders(p);
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
            if (!fact.Keywords.Any(k => !string.IsNullOrWhiteSpace(k)))
            {
                Add($"scenario.facts[{i}].keywords",
                    "missing: without keywords the customer gives this fact only to a question that says its topic word for word; " +
                    "list the words a trainee would use to ask for it, e.g. keywords: [reference, booking number]");
            }
        }
        CheckFactExamples(s.Facts);
    }

    /// <summary>Example questions must say something, and each belongs to one fact, or the customer is left guessing which was asked.</summary>
    private void CheckFactExamples(List<Fact> facts)
    {
        var owners = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < facts.Count; i++)
        {
            for (var j = 0; j < facts[i].Examples.Count; j++)
            {
                Required($"scenario.facts[{i}].examples[{j}]", facts[i].Examples[j], "a question a trainee might ask for this fact");
                var key = string.Join(' ', TraineeWords.Words(facts[i].Examples[j] ?? ""));
                if (key.Length == 0)
                {
                    continue;
                }
                if (owners.TryGetValue(key, out var other) && other != i)
                {
                    Add($"scenario.facts[{i}].examples[{j}]",
                        $"\"{facts[i].Examples[j]}\" is also an example of '{facts[other].Topic}': give each question to one fact");
                }
                owners.TryAdd(key, i);
            }
        }
    }

    /// <summary>
    /// A keyword in two facts answers only one of them; a keyword that is a word of a question agents ask
    /// everyone ("address" in "What's your email address?") hands over this fact to that question.
    /// </summary>
    private void CheckFactKeywords(List<Fact> facts)
    {
        var owner = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < facts.Count; i++)
        {
            for (var j = 0; j < facts[i].Keywords.Count; j++)
            {
                var key = string.Join(' ', TraineeWords.Words(facts[i].Keywords[j] ?? ""));
                if (key.Length == 0)
                {
                    continue;
                }
                if (owner.TryGetValue(key, out var first) && first != i)
                {
                    Warn($"scenario.facts[{i}].keywords[{j}]",
                        $"'{facts[i].Keywords[j].Trim()}' is also a keyword of scenario.facts[{first}] ('{facts[first].Topic.Trim()}'): " +
                        "a question with it gets only one of the two facts; keep each keyword in one fact, or use a longer phrase");
                }
                owner.TryAdd(key, i);
            }
        }
        // One warning per offending word, naming every common question it would answer.
        var collisions = new Dictionary<string, (string Said, string Topic, List<string> Questions)>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var question in CommonQuestions.All)
        {
            if (TraineeWords.MatchFact(question.Text, facts) is not { } fact)
            {
                continue;
            }
            var topicWords = TraineeWords.Words(fact.Topic);
            if (question.Subject.Any(word => topicWords.Contains(word, StringComparer.Ordinal)))
            {
                continue;
            }
            var index = facts.IndexOf(fact);
            var asked = " " + string.Join(' ', TraineeWords.Words(question.Text)) + " ";
            var field = $"scenario.facts[{index}].topic";
            var said = fact.Topic.Trim();
            for (var j = 0; j < fact.Keywords.Count; j++)
            {
                var words = TraineeWords.Words(fact.Keywords[j] ?? "");
                if (words.Count > 0 && asked.Contains(" " + string.Join(' ', words) + " ", StringComparison.Ordinal))
                {
                    field = $"scenario.facts[{index}].keywords[{j}]";
                    said = fact.Keywords[j].Trim();
                    break;
                }
            }
            if (!collisions.TryGetValue(field, out var collision))
            {
                collisions[field] = collision = (said, fact.Topic.Trim(), []);
                order.Add(field);
            }
            collision.Questions.Add($"\"{question.Text}\"");
        }
        foreach (var field in order)
        {
            var (said, topic, questions) = collisions[field];
            Warn(field,
                $"'{said}' makes the customer answer {string.Join(" and ", questions)} with this fact ('{topic}'), a question agents ask every caller; " +
                $"use a phrase that only a question about {topic} would contain, or, if the fact really answers it, say so in its topic");
        }
    }

    private void CheckNeeds(Needs needs)
    {
        Required("needs.core", needs.Core, "what must happen for the call to be resolved");
        if (needs.CoreParts.Count > 0 && needs.CoreKeywords.Count > 0)
        {
            Add("needs.core_keywords",
                "give either core_keywords (any one of them meets the need) or core_parts (every part must be met), not both: " +
                "move these keywords into the parts they belong to");
        }
        else if (needs.CoreParts.Count == 0 && needs.CoreKeywords.Count == 0)
        {
            Add("needs.core_keywords",
                "missing: at least one keyword is needed to recognise a solution that meets the core need " +
                "(or core_parts, for a need in several parts that must all be met)");
        }
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < needs.CoreParts.Count; i++)
        {
            var part = needs.CoreParts[i];
            Required($"needs.core_parts[{i}].name", part.Name, "a short name for this part of the need, e.g. 'meter check' (the debrief names a missing part by it)");
            if (!string.IsNullOrWhiteSpace(part.Name) && !names.Add(part.Name.Trim()))
            {
                Add($"needs.core_parts[{i}].name", $"'{part.Name.Trim()}' names two parts: give each part its own name");
            }
            if (!part.Keywords.Any(k => !string.IsNullOrWhiteSpace(k)))
            {
                Add($"needs.core_parts[{i}].keywords", "missing: the words in a trainee's offer that meet this part, e.g. keywords: [send an engineer, check the meter]");
            }
        }
        if (needs.CoreParts.Count == 1)
        {
            Warn("needs.core_parts", "a need with one part is an any-of need: write its keywords under core_keywords instead");
        }
        Anger("needs.anger_floor", needs.AngerFloor);
        Anger("needs.resolved_below", needs.ResolvedBelow);
        if (needs.CloseAfterTurns is < 1 or > 10)
        {
            Add("needs.close_after_turns", $"{needs.CloseAfterTurns} is out of range: the turns a satisfied customer waits for the trainee to close, 1 to 10 (default 3)");
        }
    }

    private void CheckWeights(PersonaDefinition p)
    {
        foreach (var (id, weight) in p.Weights)
        {
            var field = $"weights.{id}";
            if (Math.Abs(weight) > MaxWeight)
            {
                Add(field, $"{weight} is out of range: weights are anger points per move, between -{MaxWeight} and {MaxWeight}");
                continue;
            }
            if (!TechniqueIds.TryParse(id, out var technique))
            {
                continue; // the shape check has reported it
            }
            var situational = Situational.Contains(technique) && !(technique == Technique.Boundary && p.Behaviours.Abusive);
            if (technique.IsHelpful() && weight > 0 && !situational)
            {
                Warn(field,
                    $"{id} is a calming move, but {weight} raises anger each time the trainee uses it: calming weights are negative " +
                    $"(e.g. {id}: -{weight}); if this customer really resents it, say why in a comment");
            }
            else if (technique.IsHarmful() && weight < 0)
            {
                Warn(field,
                    $"{id} is an inflaming move, but {weight} calms the customer each time the trainee uses it: inflaming weights are positive (e.g. {id}: {-weight})");
            }
        }
    }

    /// <summary>Anger cannot fall below the floor until the core need is met; a floor above the start means calming moves never show.</summary>
    private void CheckFloor(PersonaDefinition p)
    {
        var levels = p.Difficulties.Count > 0
            ? p.Difficulties.Select(kv => (Name: kv.Key, Level: kv.Value))
            : [(Name: p.DefaultDifficulty, Level: new DifficultyLevel())];
        var above = new List<string>();
        var highest = 100;
        foreach (var (name, level) in levels)
        {
            var start = Math.Clamp(p.StartingAnger + level.StartingAngerOffset, 0, 100);
            var floor = Math.Clamp(p.Needs.AngerFloor + level.FloorOffset, 0, 100);
            if (floor > start)
            {
                above.Add($"'{name}': floor {Sum(p.Needs.AngerFloor, level.FloorOffset)} = {floor}, start {Sum(p.StartingAnger, level.StartingAngerOffset)} = {start}");
            }
            highest = Math.Min(highest, start - level.FloorOffset);
        }
        if (above.Count > 0)
        {
            Add("needs.anger_floor",
                $"the floor is above the starting anger at difficulty {string.Join("; ", above)}: no calming move could lower anger " +
                $"before the core need is met; set anger_floor to at most {Math.Max(0, highest)}, or raise starting_anger");
        }
    }

    private static string Sum(int value, int offset) => offset == 0 ? $"{value}" : $"{value}{offset:+0;-0}";

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
        if (p.HoldOkSeconds <= 0)
        {
            Add("patience.hold_ok_seconds", $"{p.HoldOkSeconds} is out of range: must be more than 0");
        }
        if (p.HoldHangUpSeconds <= p.HoldOkSeconds)
        {
            Add("patience.hold_hang_up_seconds", $"{p.HoldHangUpSeconds} is out of range: must be more than hold_ok_seconds ({p.HoldOkSeconds})");
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
        if (options?.CriterionIds is not { } known)
        {
            return;
        }
        foreach (var (list, ids) in new[] { ("enable", rubric.Enable), ("disable", rubric.Disable) })
        {
            for (var i = 0; i < ids.Count; i++)
            {
                var id = ids[i]?.Trim() ?? "";
                if (id.Length > 0 && !known.Contains(id))
                {
                    Add($"rubric.{list}[{i}]",
                        $"the rubric has no criterion '{id}'{DidYouMean.Hint(id, known)}, so this does nothing (criteria: {string.Join(", ", known)})");
                }
            }
        }
    }

    /// <summary>Coaching is keyed by rubric criterion id or reaction key, and every entry is a line the debrief can show.</summary>
    private void CheckCoaching(Dictionary<string, List<string>> coaching)
    {
        var criteria = options?.CriterionIds;
        foreach (var (rawKey, entries) in coaching)
        {
            var key = rawKey.Trim();
            var field = $"coaching.{key}";
            var known = ReactionKeys.IsKnown(key) || criteria is null || criteria.Contains(key);
            if (!known)
            {
                var names = criteria!.Concat(TechniqueIds.AllIds).Distinct().ToArray();
                Add(field, $"'{key}' is neither a rubric criterion nor a technique id{DidYouMean.Hint(key, names)}; the debrief would never show these lines " +
                    $"(criteria: {string.Join(", ", criteria!)}; techniques: {string.Join(", ", TechniqueIds.AllIds)})");
            }
            if (entries.Count == 0)
            {
                Add(field, "no example lines: give at least one line a trainee could say instead, or remove the key");
            }
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

    /// <summary>
    /// Where the offline customer would fall back on generic text ("Okay. So what happens with my problem
    /// now?") or another mood's words, because the file gives no line of its own.
    /// </summary>
    private void CheckLineCoverage(ReplyLines replyLines)
    {
        if (replyLines.Reactions.Count == 0)
        {
            Warn("lines", "the customer has no lines of their own (no lines.reactions): every reply will be generic fallback text; " +
                "write lines per reaction and mood (run 'simcaller personas new ID' for a template)");
            return;
        }
        var given = replyLines.Reactions.Keys.Select(k => k.Trim()).ToHashSet(StringComparer.Ordinal);
        var missing = ReactionKeys.All.Where(k => !given.Contains(k)).ToArray();
        if (missing.Length > 0)
        {
            Warn("lines.reactions",
                $"no lines for {string.Join(", ", missing)}: the customer will answer these with a neutral line or generic fallback text; " +
                "give each some lines, in at least one mood");
        }
        foreach (var (reaction, byMood) in replyLines.Reactions)
        {
            if (byMood.Count == 0)
            {
                Warn($"lines.reactions.{reaction.Trim()}", "no lines of its own: the customer will say a neutral line or generic fallback text instead");
                continue;
            }
            foreach (var (mood, entries) in byMood)
            {
                var field = $"lines.reactions.{reaction.Trim()}.{mood.Trim()}";
                var parsed = entries.Select(e => ReplyLine.TryParse(e, out var line, out _) ? line : null).OfType<ReplyLine>().ToArray();
                if (parsed.Length == 0)
                {
                    Warn(field, "no lines of its own: in this mood the customer borrows another mood's lines; add lines or remove the key");
                }
                else if (parsed.All(l => l.IsCued))
                {
                    Warn(field, "every line here is cued: when the trainee says none of the cue phrases, the customer borrows another mood's lines; add an uncued line");
                }
                for (var i = 0; i < entries.Count; i++)
                {
                    if (ReplyLine.TryParse(entries[i], out var line, out _) && MisEcho(line) is { } problem)
                    {
                        Warn($"{field}[{i}]", problem);
                    }
                }
            }
        }
    }

    /// <summary>
    /// A cued line that quotes one of its phrases back ("[dear|love] Don't you 'dear' me!") misquotes the
    /// trainee whenever another phrase fired it ("Calm down, love").
    /// </summary>
    private static string? MisEcho(ReplyLine line)
    {
        if (line.Cues.Count < 2)
        {
            return null;
        }
        foreach (Match quote in QuotedWords().Matches(line.Text))
        {
            var quoted = string.Join(' ', TraineeWords.Words(quote.Groups[1].Value));
            var echoed = line.Cues.Where(c => string.Join(' ', TraineeWords.Words(c)) == quoted).ToArray();
            var others = line.Cues.Except(echoed, StringComparer.OrdinalIgnoreCase).ToArray();
            if (echoed.Length > 0 && others.Length > 0)
            {
                return $"this line quotes '{quote.Groups[1].Value}' but also plays when the trainee said {string.Join(" or ", others.Select(o => $"'{o}'"))}, " +
                    $"misquoting them; give each phrase its own line, e.g. \"[{others[0]}] {line.Text.Replace(quote.Groups[1].Value, others[0], StringComparison.Ordinal)}\"";
            }
        }
        return null;
    }

    /// <summary>
    /// Unknown "{placeholders}" are spoken as written ("It is {valeu}."); "{value}" works only in a fact's
    /// answers, and only when the fact has a value.
    /// </summary>
    private void CheckPlaceholders(PersonaDefinition p)
    {
        for (var i = 0; i < p.Scenario.Facts.Count; i++)
        {
            var fact = p.Scenario.Facts[i];
            for (var j = 0; j < fact.Answers.Count; j++)
            {
                var field = $"scenario.facts[{i}].answers[{j}]";
                foreach (var name in Placeholders(fact.Answers[j]))
                {
                    if (!string.Equals(name, ValuePlaceholder, StringComparison.OrdinalIgnoreCase))
                    {
                        Add(field, $"unknown placeholder '{{{name}}}'{PlaceholderHint(name)}: it would be spoken as written; " +
                            "the only placeholder is {value}, the fact's value");
                    }
                    else if (string.IsNullOrWhiteSpace(fact.Value))
                    {
                        Add(field, "uses {value} but this fact has no value: the customer would say nothing in its place; give the fact a value");
                    }
                }
            }
        }
        SpokenNowhere("opening_lines", p.OpeningLines);
        SpokenNowhere("lines.reminders", p.Lines.Reminders);
        SpokenNowhere("behaviours.insults", p.Behaviours.Insults);
        SpokenNowhere("behaviours.manager_demands", p.Behaviours.ManagerDemands);
        SpokenNowhere("behaviours.online_threats", p.Behaviours.OnlineThreats);
        SpokenNowhere("behaviours.tangents", p.Behaviours.Tangents);
        foreach (var (reaction, byMood) in p.Lines.Reactions)
        {
            foreach (var (mood, entries) in byMood)
            {
                SpokenNowhere($"lines.reactions.{reaction.Trim()}.{mood.Trim()}", entries);
            }
        }
        foreach (var (key, entries) in p.Coaching)
        {
            SpokenNowhere($"coaching.{key.Trim()}", entries);
        }
    }

    /// <summary>Text outside fact answers, where no placeholder is filled in.</summary>
    private void SpokenNowhere(string field, List<string> entries)
    {
        for (var i = 0; i < entries.Count; i++)
        {
            foreach (var name in Placeholders(entries[i]))
            {
                Add($"{field}[{i}]", $"'{{{name}}}' would be shown or spoken as written: placeholders are filled in only in scenario.facts[].answers " +
                    "({value}); write the words themselves here");
            }
        }
    }

    private static IEnumerable<string> Placeholders(string? text) =>
        string.IsNullOrEmpty(text) ? [] : Placeholder().Matches(text).Select(m => m.Groups[1].Value);

    private static string PlaceholderHint(string name) =>
        DidYouMean.Closest(name, [ValuePlaceholder]) is { } hint ? $" (did you mean '{{{hint}}}'?)" : "";

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

    private void Warn(string field, string message) =>
        _problems.Add(new PersonaProblem(file, LineOf(field), field, message, ProblemSeverity.Warning));

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

    [GeneratedRegex(@"\{([^{}\r\n]*)\}")]
    private static partial Regex Placeholder();

    // A quoted echo: an opening quote not inside a word (so "Don't" is no quote), up to the closing one.
    [GeneratedRegex(@"(?<!\p{L})['\u2018""\u201C]([^'\u2018\u2019""\u201C\u201D]+?)['\u2019""\u201D](?!\p{L})")]
    private static partial Regex QuotedWords();
}
