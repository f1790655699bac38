using System.Globalization;
using SimCaller.Core.Calls;
using SimCaller.Core.Techniques;
using SimCaller.Persona.Definitions;

namespace SimCaller.Persona.Mood;

/// <summary>A node of the mood diagram: a mood band or an ending of the call.</summary>
/// <param name="Id">The mood or outcome id ("angry", "hung_up").</param>
/// <param name="Details">Short lines shown under the title (anger range, floor, why an ending cannot happen).</param>
/// <param name="Reachable">False for an ending this customer can never reach (ended_by_agent on a caller who is never abusive).</param>
public sealed record MoodDiagramNode(string Id, string Title, IReadOnlyList<string> Details, bool IsEnding, bool Reachable = true);

/// <summary>An edge of the mood diagram, named by what moves the customer along it.</summary>
/// <param name="From">A band id, or <see cref="MoodDiagram.DuringTheCall"/> for "from any mood".</param>
/// <param name="Label">Lines: the threshold or condition, then the moves with this persona's points.</param>
public sealed record MoodDiagramEdge(string From, string To, IReadOnlyList<string> Label);

/// <summary>
/// One persona's mood machine drawn for trainers: a ladder of the five mood bands, the endings of a call,
/// and edges labelled with what moves this customer at this difficulty (their weights, floor, patience
/// and thresholds). Built from the same rules the machine runs on; written as SVG, DOT or Mermaid.
/// </summary>
public sealed class MoodDiagram
{
    /// <summary>The pseudo-node "any mood during the call", where the endings start from.</summary>
    public const string DuringTheCall = "live";

    /// <summary>Moves named on a band-to-band edge; the strongest ones, so the label stays readable.</summary>
    private const int MovesPerEdge = 4;

    private const int LabelLineLength = 30;

    private MoodDiagram(string personaId, string personaName, string difficulty, int startingAnger, string startBand,
        IReadOnlyList<MoodDiagramNode> bands, IReadOnlyList<MoodDiagramNode> endings, IReadOnlyList<MoodDiagramEdge> edges)
    {
        PersonaId = personaId;
        PersonaName = personaName;
        Difficulty = difficulty;
        StartingAnger = startingAnger;
        StartBand = startBand;
        Bands = bands;
        Endings = endings;
        Edges = edges;
    }

    public string PersonaId { get; }

    public string PersonaName { get; }

    public string Difficulty { get; }

    public int StartingAnger { get; }

    /// <summary>The band the call starts in.</summary>
    public string StartBand { get; }

    /// <summary>Calmest first.</summary>
    public IReadOnlyList<MoodDiagramNode> Bands { get; }

    public IReadOnlyList<MoodDiagramNode> Endings { get; }

    public IReadOnlyList<MoodDiagramEdge> Edges { get; }

    public string Title => $"Mood machine: {PersonaName} ({PersonaId}), {Difficulty}";

    /// <exception cref="ArgumentException">The persona has no such difficulty (the message lists the known ones).</exception>
    public static MoodDiagram For(PersonaDefinition persona, string? difficulty)
    {
        ArgumentNullException.ThrowIfNull(persona);
        var level = persona.ResolveDifficulty(difficulty);
        var canonical = persona.CanonicalDifficulty(difficulty);
        var start = MoodMachine.Create(persona, canonical, seed: 0).Anger;
        var floor = MoodMachine.BaseFloor(persona, level);

        var ranges = BandRanges();
        var bands = ranges.Select(r => new MoodDiagramNode(
            r.Mood.ToId(),
            r.Mood.ToId(),
            floor >= r.Min && floor <= r.Max && floor > 0
                ? [$"anger {r.Min}–{r.Max}", $"floor {floor} until the need is met"]
                : [$"anger {r.Min}–{r.Max}"],
            IsEnding: false)).ToArray();

        var (calming, inflaming) = Moves(persona, level);
        var edges = new List<MoodDiagramEdge>();
        for (var i = 0; i + 1 < ranges.Count; i++)
        {
            var lower = ranges[i];
            var upper = ranges[i + 1];
            edges.Add(new MoodDiagramEdge(lower.Mood.ToId(), upper.Mood.ToId(),
                [$"angrier: anger ≥ {upper.Min}", .. Wrap(inflaming)]));
            // Until the core need is met anger cannot fall below the floor, so this step waits for it.
            var gated = floor >= upper.Min;
            edges.Add(new MoodDiagramEdge(upper.Mood.ToId(), lower.Mood.ToId(),
                gated
                    ? [$"calmer: anger < {upper.Min}", "(only once the core need is met)", .. Wrap(calming)]
                    : [$"calmer: anger < {upper.Min}", .. Wrap(calming)]));
        }

        var calmishBelow = ranges.First(r => r.Mood == MoodState.Annoyed).Max + 1;
        var furiousTurns = MoodMachine.PatienceLimit(persona.Patience.FuriousTurns, level);
        var silences = MoodMachine.PatienceLimit(persona.Patience.SilentTurns, level) + 1;
        var abusive = persona.Behaviours.Abusive;
        var endings = new[]
        {
            Ending(CallOutcome.Resolved, "resolved", true,
                ["you close the call with the need met", $"and anger < {calmishBelow}; once satisfied (need met,", $"anger ≤ {persona.Needs.ResolvedBelow}) the customer closes", $"after {Times(Math.Max(1, persona.Needs.CloseAfterTurns), "turn")}"]),
            Ending(CallOutcome.HungUp, "hung up", true,
                [$"furious {Times(furiousTurns, "turn")} in a row", $"or {Times(silences, "silence")} in a row"]),
            Ending(CallOutcome.TimeLimit, "time limit", true,
                [$"{Times(persona.Patience.MaxTurns, "turn")} used,", "or the session's time is up"]),
            Ending(CallOutcome.Escalated, "escalated", true, ["you transfer the call", "to a supervisor"]),
            Ending(CallOutcome.EndedByAgent, "ended by agent", abusive,
                ["you hang up after warning", "the caller about abuse"]),
            Ending(CallOutcome.Abandoned, "abandoned", true,
                abusive ? ["you hang up unwarned, need", "unmet; or leave the call"] : ["you hang up with the need", "unmet, or leave the call"]),
        };
        edges.AddRange(endings.Where(e => e.Node.Reachable).Select(e => new MoodDiagramEdge(DuringTheCall, e.Node.Id, e.Label)));

        return new MoodDiagram(persona.Id, persona.Name, canonical, start, MoodStateIds.FromAnger(start).ToId(),
            bands, endings.Select(e => e.Node).ToArray(), edges);
    }

    public string ToSvg() => MoodDiagramSvg.Render(this);

    /// <summary>Graphviz DOT: the same nodes and labelled edges, for tools that take DOT.</summary>
    public string ToDot()
    {
        var dot = new System.Text.StringBuilder();
        dot.AppendLine("digraph mood {");
        dot.AppendLine($"  graph [label={DotString(Title)}, labelloc=t, fontname=\"Helvetica\", compound=true, rankdir=TB, nodesep=0.6, ranksep=0.5];");
        dot.AppendLine("  node [fontname=\"Helvetica\", shape=box, style=\"rounded,filled\", fontsize=11];");
        dot.AppendLine("  edge [fontname=\"Helvetica\", fontsize=9, color=\"#555555\"];");
        dot.AppendLine("  start [shape=point, width=0.15, label=\"\"];");
        dot.AppendLine("  subgraph cluster_live {");
        dot.AppendLine("    label=\"during the call\"; style=rounded; color=\"#888888\";");
        // Angriest first, so the ladder reads top (furious) to bottom (calm).
        foreach (var band in Bands.Reverse())
        {
            dot.AppendLine($"    {DotString(band.Id)} [label={DotString(string.Join("\n", [band.Title, .. band.Details]))}, fillcolor=\"{MoodDiagramSvg.BandFill(band.Id)}\"];");
        }
        dot.AppendLine("  }");
        foreach (var ending in Endings)
        {
            var style = ending.Reachable ? "rounded,filled" : "rounded,dashed";
            dot.AppendLine($"  {DotString(ending.Id)} [label={DotString(string.Join("\n", [ending.Title, .. ending.Details]))}, style=\"{style}\", fillcolor=\"{MoodDiagramSvg.EndingFill(ending.Id)}\"];");
        }
        dot.AppendLine($"  start -> {DotString(StartBand)} [label={DotString($"start: anger {StartingAnger}")}];");
        var anchor = Bands[0].Id;
        foreach (var edge in Edges)
        {
            var label = DotString(string.Join("\n", edge.Label));
            if (edge.From == DuringTheCall)
            {
                // From the cluster's border: an ending can come from any mood.
                dot.AppendLine($"  {DotString(anchor)} -> {DotString(edge.To)} [ltail=cluster_live, label={label}];");
            }
            else
            {
                // Only the calming steps rank the ladder; the angrier ones run back up beside them.
                var calmer = Index(edge.To) < Index(edge.From);
                dot.AppendLine($"  {DotString(edge.From)} -> {DotString(edge.To)} [label={label}{(calmer ? "" : ", constraint=false")}];");
            }
        }
        dot.AppendLine("}");
        return dot.ToString();
    }

    /// <summary>Mermaid state diagram: bands inside a "during the call" state, endings outside.</summary>
    public string ToMermaid()
    {
        var mermaid = new System.Text.StringBuilder();
        mermaid.AppendLine("stateDiagram-v2");
        mermaid.AppendLine($"  %% {MermaidText(Title)}");
        mermaid.AppendLine($"  state \"during the call\" as {DuringTheCall} {{");
        foreach (var band in Bands)
        {
            mermaid.AppendLine($"    state \"{MermaidText(band.Title)} ({MermaidText(band.Details[0])})\" as {band.Id}");
        }
        mermaid.AppendLine($"    [*] --> {StartBand} : start, anger {StartingAnger}");
        foreach (var edge in Edges.Where(e => e.From != DuringTheCall))
        {
            mermaid.AppendLine($"    {edge.From} --> {edge.To} : {MermaidText(string.Join(" ", edge.Label))}");
        }
        mermaid.AppendLine("  }");
        foreach (var ending in Endings)
        {
            var note = ending.Details.Count == 0 ? "" : $" ({MermaidText(string.Join(", ", ending.Details))})";
            mermaid.AppendLine($"  state \"{MermaidText(ending.Title)}{note}\" as {ending.Id}");
        }
        foreach (var edge in Edges.Where(e => e.From == DuringTheCall))
        {
            mermaid.AppendLine($"  {DuringTheCall} --> {edge.To} : {MermaidText(string.Join(" ", edge.Label))}");
        }
        foreach (var ending in Endings.Where(e => e.Reachable))
        {
            mermaid.AppendLine($"  {ending.Id} --> [*]");
        }
        return mermaid.ToString();
    }

    private int Index(string bandId) => Bands.Select(b => b.Id).ToList().IndexOf(bandId);

    private static (MoodDiagramNode Node, IReadOnlyList<string> Label) Ending(CallOutcome outcome, string title, bool reachable, IReadOnlyList<string> label) =>
        (new MoodDiagramNode(outcome.ToId(), title, reachable ? [] : ["not for this customer"], IsEnding: true, reachable), label);

    /// <summary>The anger range of each band, calmest first, read off the machine's own banding.</summary>
    private static IReadOnlyList<(MoodState Mood, int Min, int Max)> BandRanges() =>
        Enumerable.Range(0, 101)
            .GroupBy(MoodStateIds.FromAnger)
            .Select(g => (g.Key, g.Min(), g.Max()))
            .OrderBy(r => r.Item2)
            .ToArray();

    /// <summary>
    /// Every move that changes this customer's anger, with its points on first use at this level, strongest
    /// first: techniques by the sign of this persona's weight (a persona may dislike a usually helpful move),
    /// call events, and meeting the needs.
    /// </summary>
    private static (IReadOnlyList<string> Calming, IReadOnlyList<string> Inflaming) Moves(PersonaDefinition persona, DifficultyLevel level)
    {
        var moves = TechniqueIds.All.Select(t => (Name: t.ToId(), Points: MoodMachine.Scaled(MoodMachine.WeightOf(persona, t), level)))
            .Concat(new (string, double)[]
            {
                ("silence", MoodTuning.Silence), ("talk over", MoodTuning.TalkOver), ("long hold", MoodTuning.LongHold),
                ("repeated line", MoodTuning.RepeatedLine), ("core need met", MoodTuning.CoreNeedBonus),
            }.Select(e => (Name: e.Item1, Points: MoodMachine.Scaled(e.Item2, level))))
            .Where(m => m.Points != 0)
            .OrderByDescending(m => Math.Abs(m.Points))
            .ThenBy(m => m.Name, StringComparer.Ordinal)
            .ToArray();
        static string Show((string Name, int Points) m) => $"{m.Name} {(m.Points > 0 ? "+" : "−")}{Math.Abs(m.Points).ToString(CultureInfo.InvariantCulture)}";
        return (moves.Where(m => m.Points < 0).Take(MovesPerEdge).Select(Show).ToArray(),
                moves.Where(m => m.Points > 0).Take(MovesPerEdge).Select(Show).ToArray());
    }

    /// <summary>Moves joined into short lines, so a label never runs into its neighbour.</summary>
    private static IEnumerable<string> Wrap(IReadOnlyList<string> moves)
    {
        var line = "";
        for (var i = 0; i < moves.Count; i++)
        {
            var item = moves[i] + (i + 1 < moves.Count ? "," : "");
            if (line.Length > 0 && line.Length + 1 + item.Length > LabelLineLength)
            {
                yield return line;
                line = "";
            }
            line = line.Length == 0 ? item : $"{line} {item}";
        }
        if (line.Length > 0)
        {
            yield return line;
        }
    }

    private static string Times(int n, string what) => $"{n} {what}{(n == 1 ? "" : "s")}";

    private static string DotString(string text) =>
        "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\r", "").Replace("\n", "\\n") + "\"";

    /// <summary>Mermaid has no escaping inside labels: drop the characters that would end or break one.</summary>
    private static string MermaidText(string text) =>
        new(text.Select(c => c switch
        {
            ':' => ',',
            ';' or '"' or '#' or '{' or '}' or '\r' or '\n' => ' ',
            _ => c,
        }).ToArray());
}
