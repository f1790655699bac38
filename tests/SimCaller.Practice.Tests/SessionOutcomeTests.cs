using SimCaller.Core.Calls;

namespace SimCaller.Practice.Tests;

/// <summary>What a trainee notices about whole calls: good technique calms the customer and scores higher.</summary>
public class SessionOutcomeTests
{
    private static readonly int[] Seeds = [3, 17, 101];

    public static TheoryData<string> Personas() => new(Scripts.Skilful.Keys);

    [Theory]
    [MemberData(nameof(Personas))]
    public async Task Skilful_calls_end_calmer_and_score_clearly_higher_than_rude_ones(string personaId)
    {
        using var harness = new PracticeHarness();
        var good = new List<(int Anger, double Score, CallOutcome Outcome)>();
        var rude = new List<(int Anger, double Score, CallOutcome Outcome)>();
        foreach (var seed in Seeds)
        {
            foreach (var script in Scripts.Skilful[personaId])
            {
                good.Add(await PlayAsync(harness, personaId, seed, script));
            }
            foreach (var script in Scripts.Rude[personaId])
            {
                rude.Add(await PlayAsync(harness, personaId, seed, script));
            }
        }

        Assert.True(good.Max(g => g.Anger) < rude.Min(r => r.Anger),
            $"good angers {string.Join(",", good.Select(g => g.Anger))} vs rude {string.Join(",", rude.Select(r => r.Anger))}");
        Assert.True(good.Average(g => g.Score) >= rude.Average(r => r.Score) + 20,
            $"good scores {string.Join(",", good.Select(g => g.Score))} vs rude {string.Join(",", rude.Select(r => r.Score))}");
        Assert.True(good.Count(g => g.Outcome == CallOutcome.Resolved) * 3 >= good.Count * 2,
            $"good outcomes: {string.Join(",", good.Select(g => g.Outcome.ToId()))}");
        Assert.True(rude.Count(r => r.Outcome == CallOutcome.HungUp) * 3 >= rude.Count * 2,
            $"rude outcomes: {string.Join(",", rude.Select(r => r.Outcome.ToId()))}");
    }

    private static async Task<(int, double, CallOutcome)> PlayAsync(PracticeHarness harness, string personaId, int seed, string[] script)
    {
        var (_, ended) = await harness.PlayAsync(personaId, seed, script);
        var transcript = await harness.Service.GetTranscriptAsync(ended.SessionId);
        return (transcript.FinalAnger, ended.Debrief.Score, ended.Outcome);
    }
}
