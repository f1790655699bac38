using SimCaller.Core.Calls;
using SimCaller.Core.Techniques;
using SimCaller.Evaluation.Analysis;

namespace SimCaller.Evaluation.Tests.Support;

/// <summary>
/// Builds a transcript from script lines ("C: ..." customer, "T: ..." trainee). Trainee turns are
/// labelled by the rule-based analyser and the anger moves plausibly with what they did: helpful
/// moves calm, harmful ones inflame, a repeated line irritates. Turns are 15 seconds apart.
/// </summary>
public static class CallScript
{
    private static readonly RuleBasedAnalyzer Analyzer = new();
    public static readonly DateTimeOffset Start = new(2026, 3, 14, 9, 30, 0, TimeSpan.Zero);

    public static CallTranscript Build(
        string personaId,
        CallOutcome outcome,
        int startingAnger,
        IEnumerable<string> lines,
        IReadOnlyList<string>? enabledCriteria = null,
        IReadOnlyList<string>? keywords = null,
        CallScenario? scenario = null,
        string? personaName = null)
    {
        var turns = new List<TranscriptTurn>();
        var anger = startingAnger;
        var said = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        string? lastCustomer = null;
        foreach (var raw in lines)
        {
            var speaker = raw.StartsWith("T:", StringComparison.Ordinal) ? Speaker.Trainee
                : raw.StartsWith("C:", StringComparison.Ordinal) ? Speaker.Customer
                : throw new ArgumentException($"script line must start with 'C:' or 'T:': {raw}");
            var text = raw[2..].Trim();
            IReadOnlyList<TechniqueMatch> techniques = [];
            if (speaker == Speaker.Trainee)
            {
                techniques = Analyzer.Analyze(text, new AnalysisContext(lastCustomer, keywords)).Matches;
                var repeat = !said.Add(text);
                var delta = repeat ? 5 : techniques.Sum(m => m.Technique.IsHelpful() ? -7 : 12);
                if (techniques.Count == 0)
                {
                    delta = 2;
                }
                anger = Math.Clamp(anger + delta, 0, 100);
            }
            else
            {
                lastCustomer = text;
            }
            turns.Add(new TranscriptTurn(turns.Count + 1, Start.AddSeconds(15 * (turns.Count + 1)), speaker, text, anger, Mood(anger), techniques));
        }
        var persona = personaName ?? personaId switch
        {
            "stressed-traveler" => "Dana Whitfield",
            "abusive-caller" => "Rick Malone",
            "off-topic-ranter" => "Maureen Pike",
            _ => personaId,
        };
        return new CallTranscript($"s-{personaId}-{turns.Count}", personaId, persona, "standard", 7, Start,
            Start.AddSeconds(15 * (turns.Count + 1)), outcome, startingAnger, turns,
            ScenarioKeywords: keywords, EnabledCriteria: enabledCriteria, Scenario: scenario);
    }

    public static string Mood(int anger) => anger switch
    {
        < 20 => "calm",
        < 40 => "annoyed",
        < 60 => "frustrated",
        < 80 => "angry",
        _ => "furious",
    };
}
