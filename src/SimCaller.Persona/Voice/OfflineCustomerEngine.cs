using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Services;
using SimCaller.Core.Techniques;
using SimCaller.Core.Text;
using SimCaller.Persona.Definitions;
using SimCaller.Persona.Mood;

namespace SimCaller.Persona.Voice;

/// <summary>
/// The default customer voice: no network, no key. Speaks the persona's own lines, chosen by what
/// the customer reacts to and their mood, answers fact questions from the scenario, and adds the
/// persona's behaviours (insults, manager demands, threats, reminders, tangents) as anger allows.
/// Reads its <see cref="CustomerCue"/> from the system message metadata; replies are reproducible
/// for the same seed, turn and history, and avoid lines already said while fresh ones remain.
/// </summary>
public sealed partial class OfflineCustomerEngine : IChatCompletionService
{
    /// <summary>Model id the engine reports, so logs show who spoke.</summary>
    public const string ModelId = "simcaller-offline";

    private static readonly HashSet<string> EndingReactions =
        [ReactionKeys.HangUp, ReactionKeys.Resolved, ReactionKeys.Escalated, ReactionKeys.EndedByAgent, ReactionKeys.Abandoned];

    private static readonly string ClarifyingQuestion = Technique.ClarifyingQuestion.ToId();
    private static readonly string EscalationOffer = Technique.EscalationOffer.ToId();

    // How often a behaviour shows once anger passes its threshold: often enough to be felt, not every turn.
    private const double InsultChance = 0.6;
    private const double ManagerChance = 0.4;
    private const double ThreatChance = 0.35;
    private const double ReminderChance = 0.5;

    private static readonly string Paraphrase = Technique.Paraphrase.ToId();

    private readonly ITraineeReader _reader;

    /// <param name="reader">How the customer reads the trainee's words: by meaning (the sentence model) or, by default, by keywords.</param>
    public OfflineCustomerEngine(ITraineeReader? reader = null)
    {
        _reader = reader ?? KeywordTraineeReader.Instance;
    }

    public IReadOnlyDictionary<string, object?> Attributes { get; } =
        new Dictionary<string, object?> { [AIServiceExtensions.ModelIdKey] = ModelId };

    public Task<IReadOnlyList<ChatMessageContent>> GetChatMessageContentsAsync(
        ChatHistory chatHistory,
        PromptExecutionSettings? executionSettings = null,
        Kernel? kernel = null,
        CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var reply = Reply(chatHistory);
        return Task.FromResult<IReadOnlyList<ChatMessageContent>>([new ChatMessageContent(AuthorRole.Assistant, reply, ModelId)]);
    }

    /// <summary>The whole reply, one sentence per chunk.</summary>
    public async IAsyncEnumerable<StreamingChatMessageContent> GetStreamingChatMessageContentsAsync(
        ChatHistory chatHistory,
        PromptExecutionSettings? executionSettings = null,
        Kernel? kernel = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var content in Sentences(Reply(chatHistory)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return new StreamingChatMessageContent(AuthorRole.Assistant, content, modelId: ModelId);
            await Task.Yield();
        }
    }

    /// <summary>A line in sentences, each after the first with its leading space, so they join back into the line.</summary>
    public static IReadOnlyList<string> Sentences(string line)
    {
        var sentences = SentenceBreak().Split(line ?? "");
        return sentences.Select((s, i) => i == 0 ? s : " " + s).Where(s => s.Trim().Length > 0).ToArray();
    }

    /// <summary>The customer's next line for a history built by <see cref="CustomerPromptBuilder"/>.</summary>
    /// <exception cref="ArgumentException">The history carries no <see cref="CustomerCue"/>.</exception>
    public string Reply(ChatHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var cue = CustomerCue.Find(history) ?? throw new ArgumentException(
            $"The chat history has no customer cue: the system message needs a {nameof(CustomerCue)} under metadata key " +
            $"'{CustomerCue.MetadataKey}' (build the history with {nameof(CustomerPromptBuilder)}).",
            nameof(history));
        var said = history.Where(m => m.Role == AuthorRole.Assistant).Select(m => m.Content ?? "").ToArray();
        return Compose(cue, said);
    }

    /// <summary>The customer's next line for a cue, given what the customer has already said this call.</summary>
    public string Compose(CustomerCue cue, IReadOnlyList<string> alreadySaid) => Explain(cue, alreadySaid).Text;

    /// <summary>
    /// The same line as <see cref="Compose"/> (the same choices, the same seeded draws), with where each
    /// piece came from: which cue or fact matched, which reaction and mood its line is written under.
    /// </summary>
    public CustomerLine Explain(CustomerCue cue, IReadOnlyList<string> alreadySaid)
    {
        ArgumentNullException.ThrowIfNull(cue);
        ArgumentNullException.ThrowIfNull(alreadySaid);
        var persona = cue.Persona;
        var reading = cue.IsOpening ? TraineeReading.Nothing : Read(cue);
        var picker = new LinePicker(new Random(MixSeed(cue)), alreadySaid, reading.Relatedness);

        if (cue.IsOpening)
        {
            var opening = picker.PickAny(persona.OpeningLines) is { } written
                ? new LineSource(LineKinds.Opening, written, $"opening_lines[{IndexOf(persona.OpeningLines, written)}]", Mood: cue.Mood)
                : new LineSource(LineKinds.Fallback, picker.PickAny(FallbackLines.Opening(persona.Scenario))!, Mood: cue.Mood);
            return new CustomerLine(opening.Text, [opening]);
        }

        var parts = MainLine(cue, picker, reading).ToList();
        if (!EndingReactions.Contains(cue.Reaction) && Behaviour(cue, picker) is { } extra)
        {
            parts.Add(extra);
        }
        return new CustomerLine(string.Join(" ", parts.Select(p => p.Text)), parts);
    }

    /// <summary>
    /// The model is spent on turns with something to understand: questions, and statements of three words
    /// or more. "Okay", "one moment" and the like are read by keywords (there is no fact in them to find).
    /// </summary>
    private TraineeReading Read(CustomerCue cue)
    {
        var said = cue.LastTraineeText;
        var worthReading = TraineeWords.IsQuestion(said) || TraineeWords.Words(said ?? "").Count >= 3;
        return (worthReading ? _reader : KeywordTraineeReader.Instance).Read(said ?? "", cue.Persona);
    }

    private static IEnumerable<LineSource> MainLine(CustomerCue cue, LinePicker picker, TraineeReading reading)
    {
        var persona = cue.Persona;
        var said = cue.LastTraineeText;

        if (cue.Reaction == ReactionKeys.Meta || TraineeWords.AsksIfBot(said))
        {
            yield return Spoken(cue, ReactionKeys.Meta, picker, LinesFor(persona, ReactionKeys.Meta, cue.Mood, said))
                ?? Fallback(cue, ReactionKeys.Meta, picker.PickAny(FallbackLines.NotABot(persona.Scenario, cue.Mood))!);
            yield break;
        }

        // A question is answered on the turn it is asked, whatever else the turn did: the answer first,
        // then, if the words also carried something the customer reacts to ("calm down, what's the
        // reference?"), that reaction in their mood.
        // A question the analyser heard as a paraphrase ("so your booking got cancelled?") confirms, not asks.
        var asks = cue.Reaction == ClarifyingQuestion || (cue.Reaction != Paraphrase && TraineeWords.IsQuestion(said));
        if (asks && reading.Fact is { } fact)
        {
            yield return Answer(cue, picker, fact);
            if (cue.Reaction != ClarifyingQuestion && cue.Reaction != ReactionKeys.Neutral)
            {
                yield return Reaction(cue, picker, cue.Reaction);
            }
            yield break;
        }
        if (asks && cue.Reaction == ClarifyingQuestion && OpenDoor.IsMatch(said))
        {
            // "How can I help?": the customer tells their problem (a reminder of it), not "I don't know".
            yield return picker.PickAny(persona.Lines.Reminders) is { } problem
                ? new LineSource(LineKinds.Reminder, problem, $"lines.reminders[{IndexOf(persona.Lines.Reminders, problem)}]", Mood: cue.Mood)
                : Reaction(cue, picker, ReactionKeys.Neutral);
            yield break;
        }
        if (asks && cue.Reaction == ClarifyingQuestion)
        {
            // Nothing the customer knows: they react to being asked, in their own words and mood
            // (persona "unanswered_question" lines are their own question going unanswered, not this).
            yield return Spoken(cue, ClarifyingQuestion, picker, LinesFor(persona, ClarifyingQuestion, cue.Mood, said))
                ?? Fallback(cue, ClarifyingQuestion, picker.PickAny(FallbackLines.DoNotKnow(persona.Scenario, cue.Mood))!);
            yield break;
        }
        if (asks && cue.Reaction == ReactionKeys.Neutral)
        {
            // A question that earned nothing (the analyser found it unrelated to the problem) and asks for
            // nothing the customer knows: they are puzzled, or impatient, by mood.
            yield return Spoken(cue, ReactionKeys.OffTopic, picker, LinesFor(persona, ReactionKeys.OffTopic, cue.Mood, said))
                ?? (picker.Pick(FallbackLines.OffTopic(persona.Scenario, cue.Mood)) is { } puzzled ? Fallback(cue, ReactionKeys.OffTopic, puzzled) : null)
                ?? Reaction(cue, picker, ReactionKeys.Neutral);
            yield break;
        }

        yield return Reaction(cue, picker, cue.Reaction);
    }

    /// <summary>The customer's answer to a question about <paramref name="fact"/>, in one of its own phrasings.</summary>
    private static LineSource Answer(CustomerCue cue, LinePicker picker, Fact fact)
    {
        var index = cue.Persona.Scenario.Facts.IndexOf(fact);
        var answers = fact.Answers.Select(a => a.Replace("{value}", fact.Value, StringComparison.OrdinalIgnoreCase)).ToList();
        var keyword = TraineeWords.KeywordSaid(cue.LastTraineeText, fact);
        return picker.PickAny(answers) is { } answer
            ? new LineSource(LineKinds.Fact, answer, $"scenario.facts[{index}].answers[{IndexOf(answers, answer)}]", Mood: cue.Mood, Keyword: keyword, Fact: fact.Topic)
            : new LineSource(LineKinds.Fact, $"It's {fact.Value}.", $"scenario.facts[{index}].value", Mood: cue.Mood, Keyword: keyword, Fact: fact.Topic);
    }

    /// <summary>
    /// The reaction's lines, else the neutral ones, else the scenario's generic ones; from each, a line the
    /// customer has said less than twice this call. Only when all of them are used up does one come back.
    /// </summary>
    private static LineSource Reaction(CustomerCue cue, LinePicker picker, string reaction)
    {
        // A persona written before "satisfied" existed thanks the trainee with its resolved lines.
        string[] keys = reaction == ReactionKeys.Satisfied
            ? [reaction, ReactionKeys.Resolved, ReactionKeys.Neutral]
            : [reaction, ReactionKeys.Neutral];
        var sources = keys.Distinct(StringComparer.Ordinal)
            .Select(key => LinesFor(cue.Persona, key, cue.Mood, cue.LastTraineeText))
            .Append(new Candidates([], FallbackLines.General(cue.Persona.Scenario, cue.Mood)))
            .ToArray();
        foreach (var source in sources)
        {
            if (picker.Pick(source) is { } line)
            {
                return Source(cue, reaction, source!, line);
            }
        }
        var present = sources.OfType<Candidates>().ToArray();
        var again = picker.PickAny(present.SelectMany(c => c.Echoes.Concat(c.General)))!;
        return Source(cue, reaction, present.First(c => c.Echoes.Concat(c.General).Any(l => l.Trim() == again)), again);
    }

    /// <summary>A line picked from <paramref name="candidates"/>, with its source; null when none is left to say.</summary>
    private static LineSource? Spoken(CustomerCue cue, string reaction, LinePicker picker, Candidates? candidates) =>
        picker.Pick(candidates) is { } line ? Source(cue, reaction, candidates!, line) : null;

    private static LineSource Fallback(CustomerCue cue, string reaction, string text) =>
        new(LineKinds.Fallback, text, Reaction: reaction, Mood: cue.Mood);

    /// <summary>Where a line picked from <paramref name="candidates"/> is written, and the cue phrase that let it speak.</summary>
    private static LineSource Source(CustomerCue cue, string reaction, Candidates candidates, string picked)
    {
        var said = cue.LastTraineeText;
        // An echo is said ahead of a plain line with the same words, so look for it first.
        var written = candidates.Written.FirstOrDefault(w => w.Line.IsCued && w.Line.Text.Trim() == picked && w.Line.Cues.Any(c => TraineeWords.Says(said, c)))
            ?? candidates.Written.FirstOrDefault(w => !w.Line.IsCued && w.Line.Text.Trim() == picked);
        if (written is null)
        {
            return Fallback(cue, reaction, picked);
        }
        var phrase = written.Line.Cues.FirstOrDefault(c => TraineeWords.Says(said, c));
        return new LineSource(written.Line.IsCued ? LineKinds.Cue : LineKinds.Line, picked, written.Id, reaction, cue.Mood,
            Keyword: phrase, WrittenReaction: written.Reaction, WrittenMood: written.Mood);
    }

    /// <summary>
    /// At most one persona behaviour per turn, the most heated first; null when none applies or the
    /// only candidates were just said (a reminder every turn sounds like a recording).
    /// </summary>
    private static LineSource? Behaviour(CustomerCue cue, LinePicker picker)
    {
        var b = cue.Persona.Behaviours;
        var anger = cue.Anger;
        var candidates = new (bool Applies, double Chance, List<string> Lines, string Kind, string Key)[]
        {
            (b.Abusive && anger >= (b.InsultsAbove ?? int.MaxValue), InsultChance, b.Insults, LineKinds.Insult, "behaviours.insults"),
            (anger >= (b.DemandsManagerAbove ?? int.MaxValue) && cue.Reaction != EscalationOffer, ManagerChance, b.ManagerDemands, LineKinds.ManagerDemand, "behaviours.manager_demands"),
            (anger >= (b.ThreatensOnlineAbove ?? int.MaxValue), ThreatChance, b.OnlineThreats, LineKinds.OnlineThreat, "behaviours.online_threats"),
            (!cue.CoreNeedMet && cue.Mood >= MoodState.Frustrated, ReminderChance, cue.Persona.Lines.Reminders, LineKinds.Reminder, "lines.reminders"),
            (true, b.TangentChance, b.Tangents, LineKinds.Tangent, "behaviours.tangents"),
        };
        foreach (var (applies, chance, lines, kind, key) in candidates)
        {
            if (applies && lines.Count > 0 && picker.Chance(chance) && picker.PickExtra(lines) is string line)
            {
                return new LineSource(kind, line, $"{key}[{IndexOf(lines, line)}]", Mood: cue.Mood);
            }
        }
        return null;
    }

    /// <summary>Index of a picked line in the list it came from (the picker trims lines).</summary>
    private static int IndexOf(IReadOnlyList<string> lines, string picked)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            if (string.Equals(lines[i]?.Trim(), picked, StringComparison.Ordinal))
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>
    /// A reaction's lines the customer may say after <paramref name="said"/>, for the mood, else for the
    /// nearest mood that has some (on a tie the angrier one, so the customer does not soften by accident);
    /// null when there are none. A <see cref="ReplyLine"/> with a cue counts only when the trainee said
    /// one of its phrases, and then it comes first: an echo of the trainee's own words beats a generic line.
    /// </summary>
    private static Candidates? LinesFor(PersonaDefinition persona, string reaction, MoodState mood, string said)
    {
        var (key, byMood) = persona.Lines.Reactions
            .FirstOrDefault(kv => string.Equals(kv.Key.Trim(), reaction, StringComparison.OrdinalIgnoreCase));
        if (byMood is null)
        {
            return null;
        }
        var moods = Enum.GetValues<MoodState>();
        foreach (var candidate in moods.OrderBy(m => Math.Abs(m - mood)).ThenByDescending(m => m))
        {
            var (moodKey, lines) = byMood.FirstOrDefault(kv => string.Equals(kv.Key.Trim(), candidate.ToId(), StringComparison.OrdinalIgnoreCase));
            // A malformed line (possible in a persona built in code, never past the loader) is left out, not spoken raw.
            var usable = (lines ?? [])
                .Select((l, i) => ReplyLine.TryParse(l, out var line, out _) ? new WrittenLine($"lines.reactions.{key.Trim()}.{moodKey.Trim()}[{i}]", line, key.Trim(), candidate) : null)
                .OfType<WrittenLine>().ToArray();
            var echoes = usable.Where(w => w.Line.Cues.Any(c => TraineeWords.Says(said, c))).Select(w => w.Line.Text).ToArray();
            var general = usable.Where(w => !w.Line.IsCued).Select(w => w.Line.Text).ToArray();
            if (echoes.Length + general.Length > 0)
            {
                return new Candidates(echoes, general) { Written = usable };
            }
        }
        return null;
    }

    /// <summary>
    /// Lines fit for this turn: echoes of the trainee's words first, then generic ones; with where they are
    /// written (<paramref name="Written"/> is empty for the engine's generic text).
    /// </summary>
    private sealed record Candidates(IReadOnlyList<string> Echoes, IReadOnlyList<string> General)
    {
        public IReadOnlyList<WrittenLine> Written { get; init; } = [];
    }

    /// <summary>A persona reaction line and its place in the file.</summary>
    private sealed record WrittenLine(string Id, ReplyLine Line, string Reaction, MoodState Mood);

    // Stable across processes (string.GetHashCode is not), so a seed replays the same call anywhere.
    private static int MixSeed(CustomerCue cue)
    {
        unchecked
        {
            var hash = 2166136261u;
            void Mix(int value)
            {
                hash = (hash ^ (uint)value) * 16777619u;
            }
            Mix(cue.Seed);
            Mix(cue.Turn);
            foreach (var c in cue.Persona.Id)
            {
                Mix(c);
            }
            return (int)(hash & 0x7FFFFFFF);
        }
    }

    [GeneratedRegex(@"(?<=[.!?])\s+")]
    private static partial Regex SentenceBreak();

    /// <summary>
    /// Seeded choice among lines: fresh ones first, then ones said once; never a third time while another
    /// fits. Among equals, the lines most related to what the trainee just said come first.
    /// </summary>
    private sealed class LinePicker(Random random, IReadOnlyList<string> alreadySaid, Func<string, double> relatedness)
    {
        /// <summary>How often one sentence may be said in a call while other lines remain.</summary>
        public const int MaxTimes = 2;

        // Related enough to prefer: below this a line is no closer to the trainee's words than any other.
        private const double Related = 0.3;

        private readonly string[] said = alreadySaid.Select(Normalize).ToArray();

        // Add-ons skip lines heard in the customer's last two turns rather than repeat them.
        private const int RecentTurns = 2;

        public bool Chance(double probability) => random.NextDouble() < probability;

        /// <summary>A line for an add-on, or null rather than one from the last few turns or one said twice already.</summary>
        public string? PickExtra(IEnumerable<string> lines)
        {
            var recent = said.TakeLast(RecentTurns).ToArray();
            return Choose(Usable(lines).Where(l => TimesSaid(l) < MaxTimes && !recent.Any(r => r.Contains(Normalize(l), StringComparison.Ordinal))));
        }

        /// <summary>A fresh echo, else a fresh generic line, else one said only once; null when all are used up.</summary>
        public string? Pick(Candidates? candidates) =>
            candidates is null ? null
            : Choose(Usable(candidates.Echoes).Where(l => TimesSaid(l) == 0))
                ?? Choose(Usable(candidates.General).Where(l => TimesSaid(l) == 0))
                ?? Choose(Usable(candidates.Echoes).Where(l => TimesSaid(l) < MaxTimes))
                ?? Choose(Usable(candidates.General).Where(l => TimesSaid(l) < MaxTimes));

        /// <summary>Like <see cref="Pick(IEnumerable{string})"/>, but null when every line was said twice already.</summary>
        public string? Pick(IEnumerable<string>? lines) =>
            Choose(Usable(lines).Where(l => TimesSaid(l) == 0)) ?? Choose(Usable(lines).Where(l => TimesSaid(l) < MaxTimes));

        /// <summary>Never null for a non-empty list: the least said line when all were used up.</summary>
        public string? PickAny(IEnumerable<string>? lines)
        {
            var usable = Usable(lines).ToArray();
            if (usable.Length == 0)
            {
                return null;
            }
            var fewest = usable.Min(TimesSaid);
            return Choose(usable.Where(l => TimesSaid(l) == fewest));
        }

        private string? Choose(IEnumerable<string> lines)
        {
            var pool = lines.ToArray();
            if (pool.Length == 0)
            {
                return null;
            }
            // The two closest to what the trainee said, when any is close at all; the seed picks between them.
            var scored = pool.Select(l => (Line: l, Score: relatedness(l))).ToArray();
            if (scored.Max(s => s.Score) >= Related)
            {
                pool = scored.OrderByDescending(s => s.Score).ThenBy(s => s.Line, StringComparer.Ordinal).Take(2).Select(s => s.Line).ToArray();
            }
            return pool[random.Next(pool.Length)];
        }

        private static IEnumerable<string> Usable(IEnumerable<string>? lines) =>
            (lines ?? []).Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => l.Trim()).Distinct();

        private int TimesSaid(string line)
        {
            var normalized = Normalize(line);
            return said.Count(s => s.Contains(normalized, StringComparison.Ordinal));
        }

        private static string Normalize(string text) => " " + string.Join(' ', TraineeWords.Words(text)) + " ";
    }
}
