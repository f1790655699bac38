using SimCaller.Core.Calls;
using SimCaller.Core.Techniques;
using SimCaller.Evaluation.Rubrics;

namespace SimCaller.Evaluation.Debriefs;

/// <summary>
/// Turns a finished (or abandoned) call into a <see cref="Debrief"/> scored against a rubric.
/// Deterministic: the same transcript and rubric always give the same debrief.
/// </summary>
public sealed class DebriefBuilder
{
    // Score = criteria (the craft) + outcome (did it work) + anger curve (how the customer ended up).
    internal const double CriteriaShare = 0.6;
    private const double OutcomeShare = 0.3;
    private const double AngerShare = 0.1;

    private readonly Rubric _rubric;

    public DebriefBuilder(Rubric rubric)
    {
        ArgumentNullException.ThrowIfNull(rubric);
        _rubric = rubric;
    }

    public Debrief Build(CallTranscript transcript)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        transcript = Sanitized(transcript);
        var facts = new CallFacts(transcript);
        var active = _rubric.ActiveCriteria(transcript.DisabledCriteria, transcript.EnabledCriteria);
        var criteria = active.Select(c => CriterionScorer.Score(c, facts)).ToArray();

        return new Debrief(
            transcript.SessionId ?? "",
            transcript.PersonaId ?? "",
            transcript.PersonaName ?? "",
            transcript.Difficulty ?? "",
            transcript.Seed,
            transcript.StartedAt,
            transcript.Outcome,
            OverallScore(facts, criteria),
            _rubric.Id,
            criteria,
            KeyMomentFinder.Find(facts),
            Timeline(facts),
            SuggestionWriter.Write(facts, active),
            Stats(facts))
        {
            MissingNeedParts = (transcript.MissingNeedParts ?? []).Where(p => !string.IsNullOrWhiteSpace(p)).ToArray(),
            Transcript = Lines(facts),
            PersonaHash = transcript.PersonaHash,
            RubricHash = transcript.RubricHash,
            Code = transcript.Code,
            Channel = transcript.Channel,
        };
    }

    // Transcripts come from storage and other processes: read missing text or labels as empty, never crash.
    private static CallTranscript Sanitized(CallTranscript transcript) => transcript with
    {
        Turns = (transcript.Turns ?? []).Where(t => t is not null).Select(t => t with
        {
            Text = t.Text ?? "",
            Mood = t.Mood ?? "",
            Techniques = (t.Techniques ?? []).Where(m => m is not null).Select(m => m with { Evidence = m.Evidence ?? "" }).ToArray(),
        }).ToArray(),
    };

    private static int OverallScore(CallFacts facts, IReadOnlyList<CriterionResult> criteria)
    {
        var totalWeight = criteria.Sum(c => c.Weight);
        var craft = totalWeight > 0 ? criteria.Sum(c => c.Weight * c.Score) / totalWeight : 0;
        var escalationScore = criteria.FirstOrDefault(c => c.Id == CriterionIds.Escalation)?.Score ?? 50;
        var outcome = facts.Outcome switch
        {
            CallOutcome.Resolved => 100,
            CallOutcome.Escalated => escalationScore >= 70 ? 75 : 40,
            CallOutcome.EndedByAgent => facts.First(Technique.Boundary) is not null ? 65 : 15,
            CallOutcome.TimeLimit => 35,
            CallOutcome.InProgress => 30,
            CallOutcome.Abandoned => 20,
            CallOutcome.HungUp => 0,
            _ => 0,
        };
        var anger = facts.Moves.Count == 0
            ? 0
            : Math.Clamp(50 + facts.Transcript.StartingAnger - facts.Transcript.FinalAnger, 0, 100);
        var score = CriteriaShare * craft + OutcomeShare * outcome + AngerShare * anger;
        return (int)Math.Round(Math.Clamp(score, 0, 100), MidpointRounding.AwayFromZero);
    }

    private static IReadOnlyList<TimelinePoint> Timeline(CallFacts facts) =>
        facts.Transcript.Turns
            .Select(t => new TimelinePoint(t.Number, t.Seconds(facts.Transcript.StartedAt),
                t.Speaker == Speaker.Trainee ? "trainee" : "customer", t.Anger, t.Mood ?? ""))
            .ToArray();

    private static IReadOnlyList<DebriefTurn> Lines(CallFacts facts) =>
        facts.Transcript.Turns
            .Select(t => new DebriefTurn(t.Number, t.Seconds(facts.Transcript.StartedAt),
                t.Speaker == Speaker.Trainee ? "trainee" : "customer", t.Text, t.Anger, t.Mood,
                t.Techniques.Select(m => m.Technique).Distinct().Order().Select(x => x.ToId()).ToArray(),
                t.Events.ToIds()))
            .ToArray();

    private static DebriefStats Stats(CallFacts facts)
    {
        var transcript = facts.Transcript;
        static int Words(string? text) => string.IsNullOrWhiteSpace(text) ? 0 : text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        var traineeWords = transcript.TraineeTurns.Sum(t => Words(t.Text));
        var allWords = transcript.Turns.Sum(t => Words(t.Text));
        var end = transcript.EndedAt ?? (transcript.Turns.Count > 0 ? transcript.Turns[^1].At : transcript.StartedAt);
        return new DebriefStats(
            transcript.Turns.Count,
            facts.Moves.Count,
            allWords == 0 ? 0 : Math.Round((double)traineeWords / allWords, 3),
            facts.First(Technique.Empathy)?.Seconds,
            facts.AllUses(Technique.Cliche).Count,
            facts.Moves.Sum(m => m.Techniques.Count(t => t.IsHarmful())),
            transcript.StartingAnger,
            transcript.FinalAnger,
            facts.PeakAnger,
            Math.Max(0, (end - transcript.StartedAt).TotalSeconds));
    }
}
