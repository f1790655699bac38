using SimCaller.Core.Calls;
using SimCaller.Core.Techniques;

namespace SimCaller.Practice;

/// <summary>
/// The LLM judge's part in a call: after the call it labels the trainee's turns again for the debrief,
/// all turns at once. It never runs during a live turn (the local analyser drives the customer's mood),
/// and the stored turns keep the labels that moved the mood. Switched on by Evaluation:Judge:Enabled.
/// </summary>
public sealed class DebriefJudge
{
    private readonly ITurnAnalyzer _judge;

    public DebriefJudge(ITurnAnalyzer judge)
    {
        ArgumentNullException.ThrowIfNull(judge);
        _judge = judge;
    }

    /// <summary>The judge's version, as stored with the debrief's session.</summary>
    public string Version => _judge.Version;

    /// <summary>The turns with the judge's labels on the trainee's words; everything else as it was.</summary>
    public async Task<IReadOnlyList<TranscriptTurn>> RelabelAsync(
        IReadOnlyList<TranscriptTurn> turns, IReadOnlyList<string>? scenarioKeywords, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turns);
        var labelled = turns.Select((turn, i) =>
        {
            if (turn.Speaker != Speaker.Trainee || string.IsNullOrWhiteSpace(turn.Text))
            {
                return Task.FromResult(turn);
            }
            var previousCustomer = turns.Take(i).LastOrDefault(t => t.Speaker == Speaker.Customer)?.Text;
            return RelabelAsync(turn, new AnalysisContext(previousCustomer, scenarioKeywords), cancellationToken);
        });
        return await Task.WhenAll(labelled);
    }

    private async Task<TranscriptTurn> RelabelAsync(TranscriptTurn turn, AnalysisContext context, CancellationToken cancellationToken)
    {
        var analysis = await _judge.AnalyzeAsync(turn.Text, context, cancellationToken);
        return turn with { Techniques = analysis.Matches };
    }
}
