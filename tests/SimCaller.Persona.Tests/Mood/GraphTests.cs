using SimCaller.Persona.Mood;
using static SimCaller.Persona.Tests.Mood.Script;

namespace SimCaller.Persona.Tests.Mood;

public class GraphTests
{
    private static readonly MoodMachine Machine = MoodMachine.Create(Load("abusive-caller"), "standard", 1);

    [Fact]
    public void Dot_export_is_a_digraph_with_every_state()
    {
        var dot = Machine.ToDot();

        Assert.StartsWith("digraph", dot.TrimStart());
        foreach (var state in new[] { "Calm", "Annoyed", "Frustrated", "Angry", "Furious", "Resolved", "HungUp", "Escalated", "EndedByAgent", "TimeLimit", "Abandoned" })
        {
            Assert.Contains(state, dot);
        }
    }

    [Fact]
    public void Mermaid_export_is_a_state_diagram_with_every_state()
    {
        var mermaid = Machine.ToMermaid();

        Assert.Contains("stateDiagram", mermaid);
        foreach (var state in new[] { "Calm", "Furious", "Resolved", "HungUp", "EndedByAgent" })
        {
            Assert.Contains(state, mermaid);
        }
    }
}
