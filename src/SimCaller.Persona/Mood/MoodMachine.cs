using SimCaller.Core.Calls;
using SimCaller.Core.Moods;
using SimCaller.Core.Techniques;
using SimCaller.Core.Text;
using SimCaller.Persona.Definitions;
using Stateless;
using Stateless.Reflection;

namespace SimCaller.Persona.Mood;

/// <summary>
/// The customer's anger over one call. Each trainee turn moves anger by the persona's weights for the
/// techniques used, scaled by difficulty, worn down by repetition and held up by the unmet core need;
/// a Stateless machine tracks the mood band and decides when the call ends. Deterministic per seed.
/// </summary>
public sealed class MoodMachine
{
    private enum Node
    {
        Live, Calm, Annoyed, Frustrated, Angry, Furious,
        Resolved, HungUp, Escalated, EndedByAgent, TimeLimit, Abandoned,
    }

    private enum Trigger
    {
        // Mid-call moves: the machine settles into the band of the new anger.
        Helpful, Harmful, Silence, TalkOver, LongHold, RunningLong, Idle,
        // Endings, most behind guards.
        Satisfied, CustomerCloses, PatienceOut, TurnsUsed, TimeUp, Transfer, AgentEnds, Abandon, CustomerHangsUp,
    }

    private static readonly IReadOnlyDictionary<Node, string> NodeIds = new Dictionary<Node, string>
    {
        [Node.Calm] = "calm", [Node.Annoyed] = "annoyed", [Node.Frustrated] = "frustrated",
        [Node.Angry] = "angry", [Node.Furious] = "furious",
        [Node.Resolved] = CallOutcome.Resolved.ToId(), [Node.HungUp] = CallOutcome.HungUp.ToId(),
        [Node.Escalated] = CallOutcome.Escalated.ToId(), [Node.EndedByAgent] = CallOutcome.EndedByAgent.ToId(),
        [Node.TimeLimit] = CallOutcome.TimeLimit.ToId(), [Node.Abandoned] = CallOutcome.Abandoned.ToId(),
    };

    private readonly PersonaDefinition _persona;
    private readonly DifficultyLevel _level;
    private readonly string _difficulty;
    private readonly int _seed;
    private readonly StateMachine<Node, Trigger> _machine;

    private Node _node;
    private int _anger;
    private int _turn;
    private int _furiousRun;
    private int _silentRun;
    private int _stallRun;
    /// <summary>The turn the customer became satisfied on (0: not satisfied): from then the close is the trainee's.</summary>
    private int _satisfiedAt;
    private bool _coreNeedMet;
    private bool _partialNeedMet;
    private bool _solutionOffered;
    private bool _boundaryWarned;
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly HashSet<string> _corePartsMet = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _recent = [];
    private string _lastReaction = ReactionKeys.Neutral;

    private MoodMachine(PersonaDefinition persona, string difficulty, int seed)
    {
        ArgumentNullException.ThrowIfNull(persona);
        _persona = persona;
        _level = persona.ResolveDifficulty(difficulty);
        _difficulty = persona.CanonicalDifficulty(difficulty);
        _seed = seed;
        _machine = new StateMachine<Node, Trigger>(() => _node, s => _node = s);
        Configure();
    }

    /// <summary>A fresh call: anger starts at the persona's starting anger plus the difficulty's offset.</summary>
    /// <exception cref="ArgumentException">The persona has no such difficulty (the message lists the known ones).</exception>
    public static MoodMachine Create(PersonaDefinition persona, string difficulty, int seed)
    {
        var machine = new MoodMachine(persona, difficulty, seed);
        machine._anger = Math.Clamp(persona.StartingAnger + machine._level.StartingAngerOffset, 0, 100);
        machine._node = Band(machine._anger);
        return machine;
    }

    /// <summary>Continues a call from <see cref="Snapshot"/>; the next turns play out exactly as they would have.</summary>
    /// <exception cref="ArgumentException">The snapshot belongs to another persona, difficulty or seed, or is corrupt.</exception>
    public static MoodMachine Restore(PersonaDefinition persona, string difficulty, int seed, MoodSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var machine = new MoodMachine(persona, difficulty, seed);
        if (!string.Equals(snapshot.PersonaId, persona.Id, StringComparison.Ordinal)
            || !string.Equals(snapshot.Difficulty, machine._difficulty, StringComparison.Ordinal)
            || snapshot.Seed != seed)
        {
            throw new ArgumentException(
                $"Snapshot is for persona '{snapshot.PersonaId}' ({snapshot.Difficulty}, seed {snapshot.Seed}), " +
                $"not '{persona.Id}' ({machine._difficulty}, seed {seed}).", nameof(snapshot));
        }
        var node = NodeIds.FirstOrDefault(kv => kv.Value == snapshot.State).Key;
        if (node == Node.Live || snapshot.Anger is < 0 or > 100 || snapshot.Turn < 0)
        {
            throw new ArgumentException($"Snapshot is corrupt: state '{snapshot.State}', anger {snapshot.Anger}, turn {snapshot.Turn}.", nameof(snapshot));
        }
        machine._node = node;
        machine._anger = snapshot.Anger;
        machine._turn = snapshot.Turn;
        machine._furiousRun = snapshot.FuriousRun;
        machine._silentRun = snapshot.SilentRun;
        machine._coreNeedMet = snapshot.CoreNeedMet;
        machine._partialNeedMet = snapshot.PartialNeedMet;
        machine._solutionOffered = snapshot.SolutionOffered;
        machine._boundaryWarned = snapshot.BoundaryWarned;
        foreach (var (id, count) in snapshot.TechniqueCounts)
        {
            machine._counts[id] = count;
        }
        machine._recent.AddRange(snapshot.RecentUtterances);
        machine._lastReaction = snapshot.LastReaction;
        machine._corePartsMet.UnionWith(snapshot.CorePartsMet ?? []);
        machine._stallRun = snapshot.StallRun;
        machine._satisfiedAt = snapshot.SatisfiedAtTurn;
        return machine;
    }

    public int Anger => _anger;

    /// <summary>The mood band of the current anger (also after the call has ended).</summary>
    public MoodState State => MoodStateIds.FromAnger(_anger);

    /// <summary>InProgress until the call reaches an ending.</summary>
    public CallOutcome Outcome => _node switch
    {
        Node.Resolved => CallOutcome.Resolved,
        Node.HungUp => CallOutcome.HungUp,
        Node.Escalated => CallOutcome.Escalated,
        Node.EndedByAgent => CallOutcome.EndedByAgent,
        Node.TimeLimit => CallOutcome.TimeLimit,
        Node.Abandoned => CallOutcome.Abandoned,
        _ => CallOutcome.InProgress,
    };

    public bool IsOver => Outcome != CallOutcome.InProgress;

    /// <summary>True once the trainee has addressed the customer's core need.</summary>
    public bool CoreNeedMet => _coreNeedMet;

    /// <summary>Parts of a several-part core need the trainee has not offered yet (empty for an any-of need).</summary>
    public IReadOnlyList<string> MissingNeedParts => _coreNeedMet ? [] : _persona.Needs.MissingParts(_corePartsMet);

    /// <summary>Trainee turns applied so far.</summary>
    public int Turn => _turn;

    /// <summary>One trainee turn: what they said (analysed) and what came with it.</summary>
    /// <param name="elapsed">Time since the call started; past the persona's expected length the customer gets restless.</param>
    /// <param name="traineeCloses">
    /// The trainee ends the call with these words (a goodbye): the customer then does not close it first,
    /// so the ending is the trainee's (<see cref="AgentEndsCall"/> follows).
    /// </param>
    public MoodUpdate Apply(UtteranceAnalysis analysis, CallEvents events, TimeSpan elapsed, bool traineeCloses = false)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        if (IsOver)
        {
            return Unchanged();
        }
        _turn++;
        var before = _anger;
        var turn = new TurnEffects();

        var repeated = IsRepeat(analysis.Text);
        Remember(analysis.Text);
        ApplyEvents(turn, events, elapsed, repeated);
        ApplyTechniques(turn, analysis, repeated);
        ApplyNeeds(turn, analysis);
        ApplyStalling(turn, analysis, events, repeated);

        var target = Math.Clamp(before + turn.Items.Sum(i => i.Delta), 0, 100);
        var floor = CurrentFloor();
        if (target < before && target < floor)
        {
            target = Math.Min(floor, before);
            turn.Reasons.Add($"floor {floor}: core need not met");
        }
        _anger = target;

        var (reaction, trigger) = ChooseReaction(turn, repeated);
        _machine.Fire(trigger);
        _furiousRun = State == MoodState.Furious ? _furiousRun + 1 : 0;
        reaction = FireEnding(turn.Reasons, traineeCloses) ?? reaction;
        return Update(before, reaction, turn.Reasons, analysis.Techniques);
    }

    /// <summary>The trainee transfers the call to a supervisor.</summary>
    public MoodUpdate Transfer() => End(Trigger.Transfer, ReactionKeys.Escalated, "transferred to a supervisor");

    /// <summary>
    /// The trainee hangs up. Resolved when the need was met and the customer has cooled off; ended_by_agent
    /// on an abusive caller who was warned first; otherwise the trainee walked out on the customer (abandoned).
    /// </summary>
    public MoodUpdate AgentEndsCall()
    {
        if (IsOver)
        {
            return Unchanged();
        }
        if (ClosedWithNeedMet)
        {
            return End(Trigger.AgentEnds, ReactionKeys.Resolved, "agent closed the call with the need met");
        }
        return WarnedAbusiveCaller
            ? End(Trigger.AgentEnds, ReactionKeys.EndedByAgent, "agent ended the call after a clear warning")
            : End(Trigger.AgentEnds, ReactionKeys.Abandoned,
                _persona.Behaviours.Abusive ? "agent hung up without warning the caller first" : "agent hung up on the customer");
    }

    /// <summary>The trainee's input ended or the line dropped.</summary>
    public MoodUpdate Abandon() => End(Trigger.Abandon, ReactionKeys.Abandoned, "trainee left the call");

    /// <summary>The customer's side of the line went away, or they would wait no longer.</summary>
    public MoodUpdate CustomerHangsUp(string reason = "customer hung up") => End(Trigger.CustomerHangsUp, ReactionKeys.HangUp, reason);

    /// <summary>The session's clock ran out.</summary>
    public MoodUpdate TimeUp() => End(Trigger.TimeUp, ReactionKeys.HangUp, "time limit reached");

    public MoodSnapshot Snapshot() => new(
        _persona.Id, _difficulty, _seed, NodeIds[_node], _anger, _turn, _furiousRun, _silentRun,
        _coreNeedMet, _partialNeedMet, _solutionOffered, _boundaryWarned,
        new Dictionary<string, int>(_counts, StringComparer.Ordinal), _recent.ToArray(), _lastReaction,
        _corePartsMet.Order(StringComparer.Ordinal).ToArray(), _stallRun, _satisfiedAt);

    private void Configure()
    {
        var bands = new DynamicStateInfos();
        bands.Add(Node.Calm, $"anger < {MoodBands.AnnoyedFrom}");
        bands.Add(Node.Annoyed, $"anger < {MoodBands.FrustratedFrom}");
        bands.Add(Node.Frustrated, $"anger < {MoodBands.AngryFrom}");
        bands.Add(Node.Angry, $"anger < {MoodBands.FuriousFrom}");
        bands.Add(Node.Furious, $"anger >= {MoodBands.FuriousFrom}");

        var live = _machine.Configure(Node.Live);
        foreach (var move in new[] { Trigger.Helpful, Trigger.Harmful, Trigger.Silence, Trigger.TalkOver, Trigger.LongHold, Trigger.RunningLong, Trigger.Idle })
        {
            live.PermitDynamic(move, () => Band(_anger), "band of new anger", bands);
        }
        // Satisfaction does not end the call: the customer thanks the trainee and the close (next steps, a
        // check, goodbye) is the trainee's, until the customer closes it after needs.close_after_turns turns.
        live.InternalTransitionIf(Trigger.Satisfied, _ => _satisfiedAt == 0 && Satisfied,
                () => _satisfiedAt = _turn, "core need met, solution offered, anger <= resolved_below")
            .PermitIf(Trigger.CustomerCloses, Node.Resolved, () => _satisfiedAt > 0 && Satisfied && _turn - _satisfiedAt >= CloseAfter,
                "satisfied for close_after_turns turns")
            .PermitIf(Trigger.PatienceOut, Node.HungUp, () => _furiousRun >= FuriousLimit || _silentRun > SilentLimit,
                "furious or silent too long")
            // Once satisfied, the close allowance decides, so the trainee always gets to close the call.
            .PermitIf(Trigger.TurnsUsed, Node.TimeLimit, () => _satisfiedAt == 0 && _turn >= _persona.Patience.MaxTurns, "max_turns used")
            .Permit(Trigger.TimeUp, Node.TimeLimit)
            .Permit(Trigger.Transfer, Node.Escalated)
            .PermitIf(Trigger.AgentEnds, Node.Resolved, () => ClosedWithNeedMet, "need met, customer no worse than annoyed")
            .PermitIf(Trigger.AgentEnds, Node.EndedByAgent, () => !ClosedWithNeedMet && WarnedAbusiveCaller, "abusive caller was warned")
            .PermitIf(Trigger.AgentEnds, Node.Abandoned, () => !ClosedWithNeedMet && !WarnedAbusiveCaller, "need unmet, no warning given")
            .Permit(Trigger.Abandon, Node.Abandoned)
            .Permit(Trigger.CustomerHangsUp, Node.HungUp);

        foreach (var mood in new[] { Node.Calm, Node.Annoyed, Node.Frustrated, Node.Angry, Node.Furious })
        {
            _machine.Configure(mood).SubstateOf(Node.Live);
        }
        foreach (var ending in new[] { Node.Resolved, Node.HungUp, Node.Escalated, Node.EndedByAgent, Node.TimeLimit, Node.Abandoned })
        {
            _machine.Configure(ending);
        }
    }

    /// <summary>
    /// Closing the call once the need is met and the customer has cooled off is a normal, good ending:
    /// customers rarely announce their own satisfaction, so the trainee's goodbye should not count as abandoning them.
    /// </summary>
    private bool ClosedWithNeedMet => _coreNeedMet && _solutionOffered && MoodStateIds.FromAnger(_anger) <= MoodState.Annoyed;

    /// <summary>The customer considers their problem solved.</summary>
    private bool Satisfied => _coreNeedMet && _solutionOffered && _anger <= _persona.Needs.ResolvedBelow;

    private int CloseAfter => Math.Max(1, _persona.Needs.CloseAfterTurns);

    private bool WarnedAbusiveCaller => _persona.Behaviours.Abusive && _boundaryWarned;

    private static Node Band(int anger) => MoodStateIds.FromAnger(anger) switch
    {
        MoodState.Calm => Node.Calm,
        MoodState.Annoyed => Node.Annoyed,
        MoodState.Frustrated => Node.Frustrated,
        MoodState.Angry => Node.Angry,
        _ => Node.Furious,
    };

    private int FuriousLimit => PatienceLimit(_persona.Patience.FuriousTurns, _level);

    private int SilentLimit => PatienceLimit(_persona.Patience.SilentTurns, _level);

    // The rules below are shared with MoodDiagram, so the picture trainers read is the machine that runs.

    /// <summary>How many furious (or silent) turns in a row the customer takes at this level.</summary>
    internal static int PatienceLimit(int turns, DifficultyLevel level) => Math.Max(1, (int)Math.Round(turns * level.PatienceFactor));

    /// <summary>The anger floor before the core need is met.</summary>
    internal static int BaseFloor(PersonaDefinition persona, DifficultyLevel level) => Math.Clamp(persona.Needs.AngerFloor + level.FloorOffset, 0, 100);

    /// <summary>Anger points of a technique before difficulty: the persona's weight, else the engine's default.</summary>
    internal static double WeightOf(PersonaDefinition persona, Technique technique) =>
        persona.Weights.TryGetValue(technique.ToId(), out var w) ? w : MoodTuning.DefaultWeights[technique];

    /// <summary>A move's points on its first use at this level, before the per-turn variation.</summary>
    internal static int Scaled(double points, DifficultyLevel level) =>
        (int)Math.Round(points * (points < 0 ? level.CalmingFactor : level.InflamingFactor), MidpointRounding.AwayFromZero);

    private void ApplyEvents(TurnEffects turn, CallEvents events, TimeSpan elapsed, bool repeated)
    {
        _silentRun = events.HasFlag(CallEvents.Silence) ? _silentRun + 1 : 0;
        if (events.HasFlag(CallEvents.Silence))
        {
            turn.Add(ReactionKeys.Silence, Trigger.Silence, Inflame(MoodTuning.Silence), _silentRun > 1 ? $"silence ({_silentRun} in a row)" : "silence");
        }
        if (events.HasFlag(CallEvents.TalkOver))
        {
            turn.Add(ReactionKeys.TalkOver, Trigger.TalkOver, Inflame(MoodTuning.TalkOver), "talked over the customer");
        }
        if (events.HasFlag(CallEvents.LongHold))
        {
            turn.Add(ReactionKeys.LongHold, Trigger.LongHold, Inflame(MoodTuning.LongHold), "long hold");
        }
        if (events.HasFlag(CallEvents.RunningLong) || elapsed.TotalMinutes > _persona.Patience.ExpectedMinutes)
        {
            turn.Add(ReactionKeys.Neutral, Trigger.RunningLong, Inflame(MoodTuning.RunningLong), "call running long");
        }
        if (repeated)
        {
            turn.Add(ReactionKeys.Repeated, Trigger.Harmful, Inflame(MoodTuning.RepeatedLine), "repeated line");
        }
    }

    private void ApplyTechniques(TurnEffects turn, UtteranceAnalysis analysis, bool repeated)
    {
        foreach (var technique in analysis.Techniques)
        {
            var id = technique.ToId();
            var occurrence = _counts[id] = _counts.GetValueOrDefault(id) + 1;
            var label = occurrence > 1 ? $"{id} ({Ordinal(occurrence)} time)" : id;
            if (technique == Technique.Solution)
            {
                _solutionOffered = true;
            }
            if (technique.IsHelpful() && repeated)
            {
                turn.Add(id, Trigger.Helpful, 0, $"{id} (said before)", stale: true);
                continue;
            }
            var weight = WeightOf(_persona, technique);
            if (technique == Technique.Boundary && _persona.Behaviours.Abusive)
            {
                _boundaryWarned = true;
                if (_anger < (_persona.Behaviours.InsultsAbove ?? 60))
                {
                    // A warning before any abuse is noted, but there is nothing yet for it to calm.
                    turn.Add(id, Trigger.Helpful, 0, $"{label} (no abuse yet)");
                    continue;
                }
            }
            var factor = weight < 0 ? _level.CalmingFactor : _level.InflamingFactor;
            var scaled = weight * factor * MoodTuning.Repetition(technique, occurrence) * JitterFor((int)technique);
            var delta = (int)Math.Round(scaled, MidpointRounding.AwayFromZero);
            var stale = technique.IsHelpful() && delta == 0 && weight < 0;
            turn.Add(id, technique.IsHelpful() ? Trigger.Helpful : Trigger.Harmful, delta, label, stale);
        }
    }

    private void ApplyNeeds(TurnEffects turn, UtteranceAnalysis analysis)
    {
        if (_coreNeedMet || !(analysis.Has(Technique.Solution) || analysis.Has(Technique.Ownership) || analysis.Has(Technique.Expectation)))
        {
            return;
        }
        if (_persona.Needs.IsAllOf() && ApplyNeedParts(turn, analysis))
        {
            return;
        }
        if (NeedMatching.FirstHit(analysis.Text, _persona.Needs.CoreKeywords) is { } core)
        {
            _coreNeedMet = true;
            turn.CoreMet = true;
            turn.Add(CarrierOf(analysis), Trigger.Helpful, Calm(MoodTuning.CoreNeedBonus), $"core need met ('{core}')");
        }
        else if (!_partialNeedMet && NeedMatching.FirstHit(analysis.Text, _persona.Needs.PartialKeywords) is { } partial)
        {
            _partialNeedMet = true;
            turn.PartialMet = true;
            turn.Add(ReactionKeys.PartialSolution, Trigger.Helpful, Calm(MoodTuning.PartialNeedBonus), $"partial need met ('{partial}')");
        }
    }

    /// <summary>
    /// A core need in several parts is met once every part has been offered, over any number of turns;
    /// a turn that offers some of them, not all, counts as a partial answer. False when this turn offered no part.
    /// </summary>
    private bool ApplyNeedParts(TurnEffects turn, UtteranceAnalysis analysis)
    {
        var offered = _persona.Needs.PartsOffered(analysis.Text).Where(hit => !_corePartsMet.Contains(hit.Part)).ToArray();
        if (offered.Length == 0)
        {
            return false;
        }
        _corePartsMet.UnionWith(offered.Select(hit => hit.Part));
        var said = string.Join(", ", offered.Select(hit => $"{hit.Part}: '{hit.Keyword}'"));
        var missing = _persona.Needs.MissingParts(_corePartsMet);
        if (missing.Count == 0)
        {
            _coreNeedMet = true;
            turn.CoreMet = true;
            turn.Add(CarrierOf(analysis), Trigger.Helpful, Calm(MoodTuning.CoreNeedBonus), $"core need met ({said})");
            return true;
        }
        _partialNeedMet = true;
        turn.PartialMet = true;
        turn.Add(ReactionKeys.PartialSolution, Trigger.Helpful, Calm(MoodTuning.PartialNeedBonus),
            $"part of the core need met ({said}); still missing: {string.Join(", ", missing)}");
        return true;
    }

    /// <summary>
    /// A turn that carries no technique and nothing else ("okay", "one moment", "mm-hmm", an off-topic
    /// question) makes no progress. An upset customer lets the persona's stalling_turns of them in a row
    /// pass (a short "let me check" is fine); each one after that adds stalling_anger, until something real
    /// happens. Silence, holds and repeats have their own rules and do not count here.
    /// </summary>
    private void ApplyStalling(TurnEffects turn, UtteranceAnalysis analysis, CallEvents events, bool repeated)
    {
        var noProgress = analysis.Techniques.Count == 0 && turn.Items.Count == 0 && !repeated
            && !events.HasFlag(CallEvents.Silence) && !events.HasFlag(CallEvents.LongHold);
        _stallRun = noProgress ? _stallRun + 1 : 0;
        var allowed = (int)Math.Round(_persona.Patience.StallingTurns * _level.PatienceFactor, MidpointRounding.AwayFromZero);
        if (!noProgress || _stallRun <= allowed || State < MoodState.Annoyed)
        {
            return;
        }
        var delta = Inflame(_persona.Patience.StallingAnger);
        turn.Add(ReactionKeys.Neutral, Trigger.Idle, delta, $"no progress ({_stallRun} turns in a row)");
    }

    /// <summary>Until the core need is met anger stays at the floor; a partial answer lowers it halfway to resolved.</summary>
    private int CurrentFloor()
    {
        if (_coreNeedMet)
        {
            return 0;
        }
        var floor = BaseFloor(_persona, _level);
        if (_partialNeedMet)
        {
            floor -= Math.Max(0, (floor - _persona.Needs.ResolvedBelow) / 2);
        }
        return floor;
    }

    private (string Reaction, Trigger Trigger) ChooseReaction(TurnEffects turn, bool repeated)
    {
        var harmful = turn.Items.Any(i => i.Trigger == Trigger.Harmful && i.Key != ReactionKeys.Repeated);
        if (repeated && !harmful)
        {
            return (ReactionKeys.Repeated, Trigger.Harmful);
        }
        if (turn.PartialMet)
        {
            return (ReactionKeys.PartialSolution, Trigger.Helpful);
        }
        if (turn.CoreMet)
        {
            return (turn.Items.Last().Key, Trigger.Helpful);
        }
        // The move that moved anger most speaks loudest; on a tie, harm is what the customer hears.
        var main = turn.Items
            .OrderByDescending(i => Math.Abs(i.Delta))
            .ThenBy(i => i.Trigger == Trigger.Harmful ? 0 : 1)
            .FirstOrDefault();
        return main switch
        {
            null => (ReactionKeys.Neutral, Trigger.Idle),
            { Stale: true } => (ReactionKeys.Repeated, Trigger.Helpful),
            _ => (main.Key, main.Trigger),
        };
    }

    /// <summary>
    /// After a turn: the customer closing a satisfied call beats becoming satisfied, which beats hanging up,
    /// which beats running out of turns. Satisfied is a reaction, not an ending: the call stays open.
    /// </summary>
    private string? FireEnding(List<string> reasons, bool traineeCloses)
    {
        if (!traineeCloses && _machine.CanFire(Trigger.CustomerCloses))
        {
            reasons.Add($"customer closed the call: satisfied {_turn - _satisfiedAt} turns ago and the trainee had not closed");
            _machine.Fire(Trigger.CustomerCloses);
            return ReactionKeys.Resolved;
        }
        if (_satisfiedAt > 0 && !Satisfied)
        {
            _satisfiedAt = 0;
            reasons.Add("no longer satisfied: anger rose above resolved_below");
        }
        if (_machine.CanFire(Trigger.Satisfied))
        {
            _machine.Fire(Trigger.Satisfied);
            reasons.Add("satisfied: core need met; the close is the trainee's");
            return ReactionKeys.Satisfied;
        }
        if (_machine.CanFire(Trigger.PatienceOut))
        {
            reasons.Add(_silentRun > SilentLimit ? $"hung up: {_silentRun} silences in a row" : $"hung up: furious for {_furiousRun} turns");
            _machine.Fire(Trigger.PatienceOut);
            return ReactionKeys.HangUp;
        }
        if (_machine.CanFire(Trigger.TurnsUsed))
        {
            _machine.Fire(Trigger.TurnsUsed);
            reasons.Add($"turn limit of {_persona.Patience.MaxTurns} reached");
            return ReactionKeys.HangUp;
        }
        return null;
    }

    private MoodUpdate End(Trigger trigger, string reaction, string reason)
    {
        if (IsOver || !_machine.CanFire(trigger))
        {
            return Unchanged();
        }
        _machine.Fire(trigger);
        return Update(_anger, reaction, [reason], []);
    }

    private MoodUpdate Unchanged() =>
        new(_anger, _anger, State, Outcome, _lastReaction, [$"call already over ({Outcome.ToId()})"], _coreNeedMet, []);

    private MoodUpdate Update(int before, string reaction, IReadOnlyList<string> reasons, IReadOnlyList<Technique> techniques)
    {
        _lastReaction = reaction;
        return new MoodUpdate(before, _anger, State, Outcome, reaction, reasons, _coreNeedMet, techniques);
    }

    private int Inflame(double points) => (int)Math.Round(points * _level.InflamingFactor, MidpointRounding.AwayFromZero);

    private int Calm(double points) => (int)Math.Round(points * _level.CalmingFactor, MidpointRounding.AwayFromZero);

    /// <summary>A factor near 1 from (seed, turn, salt) alone, so a restored machine draws the same numbers.</summary>
    private double JitterFor(int salt)
    {
        var x = unchecked((ulong)_seed * 0x9E3779B97F4A7C15UL + (ulong)_turn * 0xBF58476D1CE4E5B9UL + (ulong)(salt + 1) * 0x94D049BB133111EBUL);
        x = unchecked((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL);
        x = unchecked((x ^ (x >> 27)) * 0x94D049BB133111EBUL);
        x ^= x >> 31;
        var unit = (x >> 11) * (1.0 / (1UL << 53));
        return 1 + MoodTuning.Jitter * (2 * unit - 1);
    }

    private bool IsRepeat(string text) => RepeatRule.IsRepeat(text, _recent);

    private void Remember(string text)
    {
        var normalised = TextNormalizer.Normalize(text);
        if (normalised.Length == 0)
        {
            return;
        }
        _recent.Add(normalised);
        if (_recent.Count > RepeatRule.Window)
        {
            _recent.RemoveAt(0);
        }
    }

    private static string CarrierOf(UtteranceAnalysis analysis) =>
        analysis.Has(Technique.Solution) ? TechniqueIds.ToId(Technique.Solution)
        : analysis.Has(Technique.Ownership) ? TechniqueIds.ToId(Technique.Ownership)
        : TechniqueIds.ToId(Technique.Expectation);

    private static string Ordinal(int n) => (n % 100) switch
    {
        11 or 12 or 13 => $"{n}th",
        _ => (n % 10) switch { 1 => $"{n}st", 2 => $"{n}nd", 3 => $"{n}rd", _ => $"{n}th" },
    };

    private sealed record Effect(string Key, Trigger Trigger, int Delta, bool Stale);

    /// <summary>What one turn did, collected before anger moves.</summary>
    private sealed class TurnEffects
    {
        public List<Effect> Items { get; } = [];
        public List<string> Reasons { get; } = [];
        public bool CoreMet { get; set; }
        public bool PartialMet { get; set; }

        public void Add(string key, Trigger trigger, int delta, string label, bool stale = false)
        {
            Items.Add(new Effect(key, trigger, delta, stale));
            Reasons.Add(delta == 0 ? $"{label} no effect" : $"{label} {delta:+0;-0}");
        }
    }
}
