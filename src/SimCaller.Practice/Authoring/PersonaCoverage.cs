using SimCaller.Core.Calls;
using SimCaller.Core.Techniques;
using SimCaller.Persona.Definitions;
using SimCaller.Persona.Mood;
using SimCaller.Persona.Voice;

namespace SimCaller.Practice.Authoring;

/// <summary>
/// `personas coverage`: plays seeded calls in every <see cref="TraineeStyles">trainee style</see> through the
/// live call's engine, analyser and offline customer (in memory, nothing stored), and reports the persona's
/// lines that never fired and the reactions whose lines run short.
/// </summary>
public sealed class PersonaCoverage(ITurnAnalyzer analyzer, OfflineCustomerEngine customer)
{
    public const int DefaultCallsPerStyle = 5;
    public const int DefaultSeed = 1;
    public const int MaxCallsPerStyle = 200;

    /// <summary>
    /// A reaction at a mood has too few lines when the customer needed it in the calls played and it has
    /// fewer than this many lines of its own without a cue.
    /// </summary>
    public const int MinimumLines = 2;

    /// <summary>How <see cref="CoverageReport.TooFew"/> is decided, in words for the report.</summary>
    public static readonly string TooFewMeans =
        $"a reaction the customer needed at a mood, with fewer than {MinimumLines} lines of its own without a cue there, " +
        "or fewer than the most times one call needed it (so the customer repeated a line, or borrowed one from another mood, " +
        "the neutral lines or the engine's generic text)";

    /// <param name="callsPerStyle">Calls played in each style, seeds <paramref name="seed"/> upwards.</param>
    /// <exception cref="AuthoringInputException">A number of calls outside 1-<see cref="MaxCallsPerStyle"/>.</exception>
    /// <exception cref="UnknownDifficultyException">The persona has no such level.</exception>
    public async Task<CoverageReport> RunAsync(
        PersonaDefinition persona, string? difficulty = null, int callsPerStyle = DefaultCallsPerStyle, int seed = DefaultSeed, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(persona);
        if (callsPerStyle is < 1 or > MaxCallsPerStyle)
        {
            throw new AuthoringInputException($"The number of calls per style must be between 1 and {MaxCallsPerStyle}, not {callsPerStyle}.");
        }
        var tally = new Tally();
        var styles = new List<StyleResult>();
        string? level = null;
        foreach (var (style, index) in TraineeStyles.All.Select((s, i) => (s, i)))
        {
            var outcomes = new SortedDictionary<string, int>(StringComparer.Ordinal);
            var turns = 0;
            for (var n = 0; n < callsPerStyle; n++)
            {
                var callSeed = unchecked(seed + n);
                var call = RehearsalCall.Start(persona, difficulty, callSeed, anger: null, analyzer, customer);
                level ??= call.Engine.Difficulty;
                var needs = new Dictionary<(string, MoodState), int>();
                tally.Heard(call.Opening, needs);
                // The script's own generator, separate from the engine's seed, so styles do not share draws.
                var script = style.Script(persona, new Random(unchecked(callSeed * 31 + index)));
                foreach (var move in script.Take(persona.Patience.MaxTurns))
                {
                    if (call.IsOver)
                    {
                        break;
                    }
                    var turn = await call.SayAsync(move.Text, move.Events, move.Hold, ct);
                    turns++;
                    tally.MaxAnger = Math.Max(tally.MaxAnger, turn.Step.Anger);
                    tally.Heard(turn.Reply, needs);
                }
                tally.EndCall(needs);
                // An ended call's state is its outcome id; a call still open when the script ran out is in progress.
                var outcome = call.IsOver ? call.State.State : CallOutcome.InProgress.ToId();
                outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
            }
            styles.Add(new StyleResult(style.Id, style.Description, callsPerStyle, turns, outcomes));
        }

        var lines = PersonaLines.Of(persona);
        var neverFired = lines.Where(l => !tally.Fired.Contains(l.Id)).Select(l => new UnfiredLine(l.Id, l.Kind, l.Text, Why(persona, l, tally))).ToArray();
        return new CoverageReport(persona.Id, level ?? persona.CanonicalDifficulty(difficulty), seed, callsPerStyle, styles,
            lines.Count, lines.Count - neverFired.Length, neverFired, TooFew(persona, tally), TooFewMeans);
    }

    /// <summary>The reactions the customer needed at a mood that have too few lines of their own (see <see cref="TooFewMeans"/>).</summary>
    private static IReadOnlyList<ThinReaction> TooFew(PersonaDefinition persona, Tally tally) =>
        tally.Needed
            // Only reactions a persona file can give lines to ("abandoned" has none: nobody speaks after it).
            .Where(kv => ReactionKeys.IsKnown(kv.Key.Item1))
            .Select(kv =>
            {
                var (reaction, mood) = kv.Key;
                var written = WrittenLines(persona, reaction, mood);
                var own = written.Count(l => !l.IsCued);
                var cued = written.Count(l => l.IsCued);
                var most = tally.MostInOneCall.GetValueOrDefault(kv.Key);
                return (Own: own, Most: most, Result: new ThinReaction(reaction, mood, own, cued, kv.Value, most, tally.Borrowed.GetValueOrDefault(kv.Key)));
            })
            .Where(x => x.Own < Math.Max(MinimumLines, x.Most))
            .Select(x => x.Result)
            .OrderBy(t => t.Lines)
            .ThenByDescending(t => t.Needed)
            .ThenBy(t => t.Reaction, StringComparer.Ordinal)
            .ThenBy(t => t.Mood)
            .ToArray();

    private static IReadOnlyList<ReplyLine> WrittenLines(PersonaDefinition persona, string reaction, MoodState mood)
    {
        var byMood = persona.Lines.Reactions.FirstOrDefault(kv => string.Equals(kv.Key.Trim(), reaction, StringComparison.OrdinalIgnoreCase)).Value;
        var lines = byMood?.FirstOrDefault(kv => string.Equals(kv.Key.Trim(), mood.ToId(), StringComparison.OrdinalIgnoreCase)).Value ?? [];
        return lines.Select(l => ReplyLine.TryParse(l, out var line, out _) ? line : null).OfType<ReplyLine>().ToArray();
    }

    /// <summary>Why a line never fired, from what the calls did: the trainer's hint where to look.</summary>
    private static string Why(PersonaDefinition persona, PersonaLine line, Tally tally)
    {
        var b = persona.Behaviours;
        switch (line.Kind)
        {
            case LineKinds.Opening:
                return $"{tally.Calls} calls opened; the seeds chose other openings";
            case LineKinds.Fact:
                var asked = tally.FactsAsked.GetValueOrDefault(line.Fact ?? "");
                return asked == 0 ? $"no call asked for '{line.Fact}' in a way the customer recognised" : $"'{line.Fact}' was answered {asked} times with its other answers";
            case LineKinds.Reminder:
                return "reminders come while the need is unmet and the customer is frustrated or worse; other reminders were chosen";
            case LineKinds.Insult:
                return !b.Abusive ? "behaviours.abusive is false: insults are never said"
                    : b.InsultsAbove is not { } from ? "behaviours.insults_above is not set: insults are never said"
                    : Threshold("insults_above", from, tally);
            case LineKinds.ManagerDemand:
                return b.DemandsManagerAbove is { } managerFrom ? Threshold("demands_manager_above", managerFrom, tally) : "behaviours.demands_manager_above is not set: never said";
            case LineKinds.OnlineThreat:
                return b.ThreatensOnlineAbove is { } threatFrom ? Threshold("threatens_online_above", threatFrom, tally) : "behaviours.threatens_online_above is not set: never said";
            case LineKinds.Tangent:
                return b.TangentChance <= 0 ? "behaviours.tangent_chance is 0: tangents are never said" : "tangents come by chance; other tangents were chosen";
        }
        var reaction = line.Reaction ?? "";
        var mood = line.Mood ?? MoodState.Calm;
        var looked = tally.Looked.GetValueOrDefault((reaction.ToLowerInvariant(), mood));
        if (looked == 0)
        {
            return $"no call needed a line for '{reaction}' while {mood.ToId()}";
        }
        return line.Kind == LineKinds.Cue
            ? $"{looked} turns drew on {reaction}.{mood.ToId()}, none with the trainee saying {string.Join(" or ", (line.Cues ?? []).Select(c => $"\"{c}\""))}"
            : $"{looked} turns drew on {reaction}.{mood.ToId()}; other lines were chosen";
    }

    private static string Threshold(string key, int from, Tally tally) =>
        tally.MaxAnger < from
            ? $"anger never reached behaviours.{key} ({from}); the highest was {tally.MaxAnger}"
            : "said by chance above its threshold; other lines were chosen";

    /// <summary>What the calls made the customer say, and where they needed lines.</summary>
    private sealed class Tally
    {
        public HashSet<string> Fired { get; } = new(StringComparer.Ordinal);
        public Dictionary<(string, MoodState), int> Needed { get; } = [];
        public Dictionary<(string, MoodState), int> MostInOneCall { get; } = [];
        public Dictionary<(string, MoodState), int> Borrowed { get; } = [];
        /// <summary>Turns whose line came from a reaction's lines at a mood (the lines written there), by key in lowercase.</summary>
        public Dictionary<(string, MoodState), int> Looked { get; } = [];
        public Dictionary<string, int> FactsAsked { get; } = new(StringComparer.Ordinal);
        public int MaxAnger { get; set; }
        public int Calls { get; private set; }

        public void Heard(CustomerLine line, Dictionary<(string, MoodState), int> needsThisCall)
        {
            foreach (var part in line.Parts)
            {
                if (part.Id is { } id)
                {
                    Fired.Add(id);
                }
                if (part.Kind == LineKinds.Fact && part.Fact is { } fact)
                {
                    FactsAsked[fact] = FactsAsked.GetValueOrDefault(fact) + 1;
                }
                if (part.WrittenReaction is { } writtenUnder && part.WrittenMood is { } writtenMood)
                {
                    var looked = (writtenUnder.ToLowerInvariant(), writtenMood);
                    Looked[looked] = Looked.GetValueOrDefault(looked) + 1;
                }
                if (part.Reaction is { } reaction && part.Mood is { } mood)
                {
                    var key = (reaction, mood);
                    Needed[key] = Needed.GetValueOrDefault(key) + 1;
                    needsThisCall[key] = needsThisCall.GetValueOrDefault(key) + 1;
                    if (part.IsBorrowed || part.Kind == LineKinds.Fallback)
                    {
                        Borrowed[key] = Borrowed.GetValueOrDefault(key) + 1;
                    }
                }
            }
        }

        public void EndCall(Dictionary<(string, MoodState), int> needsThisCall)
        {
            Calls++;
            foreach (var (key, count) in needsThisCall)
            {
                MostInOneCall[key] = Math.Max(MostInOneCall.GetValueOrDefault(key), count);
            }
        }
    }
}

/// <summary>What `personas coverage` found.</summary>
/// <param name="Difficulty">The level played, spelled as in the persona file.</param>
/// <param name="Seed">The first call's seed in each style; call n plays seed + n.</param>
/// <param name="LinesTotal">Lines the persona file gives the customer (openings, fact answers, reaction lines, reminders, behaviours).</param>
/// <param name="LinesFired">How many of them were said at least once.</param>
/// <param name="TooFewMeans">What "too few" means, in words.</param>
public sealed record CoverageReport(
    string PersonaId,
    string Difficulty,
    int Seed,
    int CallsPerStyle,
    IReadOnlyList<StyleResult> Styles,
    int LinesTotal,
    int LinesFired,
    IReadOnlyList<UnfiredLine> NeverFired,
    IReadOnlyList<ThinReaction> TooFew,
    string TooFewMeans);

/// <summary>The calls of one style: how many, how many trainee turns, and how they ended (outcome id to count; "in_progress" when the script ran out first).</summary>
public sealed record StyleResult(string Id, string Description, int Calls, int Turns, IReadOnlyDictionary<string, int> Outcomes);

/// <summary>A persona line no call made the customer say, and the likely reason.</summary>
public sealed record UnfiredLine(string Id, string Kind, string Text, string Why);

/// <summary>A reaction at a mood with too few lines of its own for what the calls needed.</summary>
/// <param name="Lines">Its lines without a cue (those fit any wording).</param>
/// <param name="CuedLines">Its lines with a cue (said only after their phrases).</param>
/// <param name="Needed">Customer lines the calls needed for it.</param>
/// <param name="MostInOneCall">The most one call needed it.</param>
/// <param name="Borrowed">Times a line of another mood or of the neutral reaction, or the engine's generic text, spoke instead.</param>
public sealed record ThinReaction(string Reaction, MoodState Mood, int Lines, int CuedLines, int Needed, int MostInOneCall, int Borrowed);
