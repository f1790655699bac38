using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using SimCaller.Core.Calls;
using SimCaller.Persona.Definitions;
using SimCaller.Persona.Mood;
using static SimCaller.Persona.Tests.Mood.Script;

namespace SimCaller.Persona.Tests.Mood;

/// <summary>The mood diagram trainers read: one node per band and ending, edges carrying this persona's numbers.</summary>
public class GraphTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static readonly string[] Endings =
        Enum.GetValues<CallOutcome>().Where(o => o != CallOutcome.InProgress).Select(o => o.ToId()).ToArray();

    public static TheoryData<string> ShippedPersonas() =>
        new(Directory.GetFiles(RepoPaths.Personas, "*.yaml").Select(f => Path.GetFileNameWithoutExtension(f)!));

    [Theory]
    [MemberData(nameof(ShippedPersonas))]
    public void Svg_is_well_formed_with_one_node_per_band_and_per_ending(string personaId)
    {
        var svg = XDocument.Parse(MoodDiagram.For(Load(personaId), null).ToSvg());

        Assert.Equal(Svg + "svg", svg.Root!.Name);
        Assert.Equal(MoodStateIds.AllIds.Order(), Nodes(svg, "band").Order());
        Assert.Equal(Endings.Order(), Nodes(svg, "ending").Order());
        // No leftovers of the old export: no per-trigger diamonds, one "during the call" box.
        Assert.Single(svg.Descendants(Svg + "g"), g => (string?)g.Attribute("class") == "container");
        Assert.DoesNotContain("band of new anger", svg.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Edge_labels_carry_this_personas_weights_and_thresholds()
    {
        var persona = Load("stressed-traveler");
        persona.Weights["empathy"] = -23;
        persona.Weights["rude"] = 31;
        persona.Needs.AngerFloor = 65;
        persona.Needs.ResolvedBelow = 17;
        persona.Patience.MaxTurns = 41;
        var level = persona.ResolveDifficulty("hard");

        var diagram = MoodDiagram.For(persona, "hard");
        var svg = XDocument.Parse(diagram.ToSvg());

        var calming = Label(svg, "furious", "angry");
        var inflaming = Label(svg, "calm", "annoyed");
        Assert.Contains($"empathy −{Points(23, level.CalmingFactor)}", calming);
        Assert.Contains($"rude +{Points(31, level.InflamingFactor)}", inflaming);
        Assert.Contains("anger ≥ 20", inflaming);
        // The floor (65 plus the level's offset) holds anger up until the core need is met.
        var floor = Math.Clamp(65 + level.FloorOffset, 0, 100);
        var gate = MoodStateIds.FromAnger(floor);
        Assert.Contains($"floor {floor}", Node(svg, gate.ToId()));
        Assert.Contains("core need is met", Label(svg, gate.ToId(), ((MoodState)((int)gate - 1)).ToId()));
        Assert.True(floor < 80, "the test needs a floor below the furious band");
        Assert.DoesNotContain("core need is met", Label(svg, "furious", "angry"));
        Assert.Contains("anger ≤ 17", Label(svg, MoodDiagram.DuringTheCall, "resolved"));
        Assert.Contains("41 turns", Label(svg, MoodDiagram.DuringTheCall, "time_limit"));
        Assert.Contains($"start: anger {diagram.StartingAnger}", diagram.ToDot());
    }

    [Fact]
    public void Two_personas_with_different_weights_get_different_labels()
    {
        var traveller = MoodDiagram.For(Load("stressed-traveler"), "standard");
        var abusive = MoodDiagram.For(Load("abusive-caller"), "standard");

        Assert.NotEqual(Labels(traveller, "furious", "angry"), Labels(abusive, "furious", "angry"));
        Assert.NotEqual(Labels(traveller, "calm", "annoyed"), Labels(abusive, "calm", "annoyed"));
    }

    [Fact]
    public void Ended_by_agent_is_drawn_but_unreachable_for_a_customer_who_is_never_abusive()
    {
        var polite = MoodDiagram.For(Load("stressed-traveler"), null);
        var abusive = MoodDiagram.For(Load("abusive-caller"), null);

        Assert.False(polite.Endings.Single(e => e.Id == "ended_by_agent").Reachable);
        Assert.DoesNotContain(polite.Edges, e => e.To == "ended_by_agent");
        Assert.Contains(abusive.Edges, e => e.To == "ended_by_agent");
    }

    [Fact]
    public void Text_from_the_persona_file_is_escaped()
    {
        var persona = Load("stressed-traveler");
        persona.Name = "Tom & <Jerry> \"Q\"";

        var diagram = MoodDiagram.For(persona, null);
        var svg = XDocument.Parse(diagram.ToSvg());

        Assert.Equal(diagram.Title, svg.Root!.Element(Svg + "title")!.Value);
        Assert.Contains("Tom & <Jerry> \"Q\"", diagram.Title);
        Assert.Contains("Tom & <Jerry> \\\"Q\\\"", diagram.ToDot());
        Assert.DoesNotContain("\"Q\"", diagram.ToMermaid(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ShippedPersonas))]
    public void Edge_labels_do_not_overlap_each_other_or_the_nodes(string personaId)
    {
        var svg = XDocument.Parse(MoodDiagram.For(Load(personaId), null).ToSvg());

        // Each label's box from its position and lines, at a generous 7.5 px a character for 12 px text.
        var labels = svg.Descendants(Svg + "text").Where(t => (string?)t.Attribute("class") == "edge-label").Select(t =>
        {
            var lines = t.Elements(Svg + "tspan").Select(s => s.Value).ToArray();
            var x = Number(t, "x");
            var y = Number(t, "y");
            return new Box(x, y - 12, x + lines.Max(l => l.Length) * 7.5, y + (lines.Length - 1) * 15 + 4);
        }).ToArray();
        var nodes = svg.Descendants(Svg + "g").Where(g => ((string?)g.Attribute("class"))?.StartsWith("node", StringComparison.Ordinal) == true)
            .Select(g => g.Element(Svg + "rect")!)
            .Select(r => new Box(Number(r, "x"), Number(r, "y"), Number(r, "x") + Number(r, "width"), Number(r, "y") + Number(r, "height")))
            .ToArray();

        Assert.Equal(4 * 2 + Endings.Length - (Load(personaId).Behaviours.Abusive ? 0 : 1), labels.Length);
        for (var i = 0; i < labels.Length; i++)
        {
            for (var j = i + 1; j < labels.Length; j++)
            {
                Assert.False(labels[i].Overlaps(labels[j]), $"labels {labels[i]} and {labels[j]} overlap");
            }
            Assert.All(nodes, n => Assert.False(labels[i].Overlaps(n), $"label {labels[i]} overlaps node {n}"));
        }
    }

    [Fact]
    public void Mermaid_export_is_a_valid_state_diagram_with_every_band_and_ending()
    {
        var mermaid = MoodDiagram.For(Load("abusive-caller"), "standard").ToMermaid();
        var lines = mermaid.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()).ToArray();

        Assert.Equal("stateDiagram-v2", lines[0]);
        var declared = lines.Select(l => Regex.Match(l, "^state \"[^\"]+\" as ([a-z_]+)( \\{)?$")).Where(m => m.Success).Select(m => m.Groups[1].Value).ToHashSet();
        Assert.Superset(MoodStateIds.AllIds.Concat(Endings).ToHashSet(), declared);
        foreach (var line in lines.Skip(1).Where(l => !l.StartsWith("state ", StringComparison.Ordinal) && !l.StartsWith("%%", StringComparison.Ordinal) && l != "}"))
        {
            var transition = Regex.Match(line, @"^(\[\*\]|[a-z_]+) --> (\[\*\]|[a-z_]+)( : [^:;#""{}]+)?$");
            Assert.True(transition.Success, $"not a Mermaid transition: {line}");
            foreach (var end in new[] { transition.Groups[1].Value, transition.Groups[2].Value }.Where(e => e != "[*]"))
            {
                Assert.Contains(end, declared);
            }
        }
        Assert.Equal(lines.Count(l => l.EndsWith('{')), lines.Count(l => l == "}"));
    }

    [Fact]
    public void Dot_export_declares_every_band_and_ending_once()
    {
        var dot = MoodDiagram.For(Load("abusive-caller"), "standard").ToDot();

        Assert.StartsWith("digraph", dot.TrimStart());
        foreach (var id in MoodStateIds.AllIds.Concat(Endings))
        {
            Assert.Single(Regex.Matches(dot, $"^\\s*\"{id}\" \\[label=", RegexOptions.Multiline));
        }
        Assert.Equal(dot.Count(c => c == '{'), dot.Count(c => c == '}'));
    }

    private static IEnumerable<string> Nodes(XDocument svg, string kind) =>
        svg.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == $"node {kind}").Select(g => (string)g.Attribute("data-id")!);

    private static string Node(XDocument svg, string id) =>
        svg.Descendants(Svg + "g").Single(g => (string?)g.Attribute("data-id") == id).Value;

    private static string Label(XDocument svg, string from, string to) =>
        string.Join("\n", svg.Descendants(Svg + "g")
            .Single(g => (string?)g.Attribute("class") == "edge" && (string?)g.Attribute("data-from") == from && (string?)g.Attribute("data-to") == to)
            .Descendants(Svg + "tspan").Select(t => t.Value));

    private static string Labels(MoodDiagram diagram, string from, string to) =>
        string.Join("\n", diagram.Edges.Single(e => e.From == from && e.To == to).Label);

    private static int Points(double weight, double factor) => (int)Math.Round(weight * factor, MidpointRounding.AwayFromZero);

    private static double Number(XElement element, string attribute) => double.Parse((string)element.Attribute(attribute)!, CultureInfo.InvariantCulture);

    private sealed record Box(double Left, double Top, double Right, double Bottom)
    {
        public bool Overlaps(Box other) => Left < other.Right && other.Left < Right && Top < other.Bottom && other.Top < Bottom;
    }
}
