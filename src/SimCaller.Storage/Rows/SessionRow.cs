using SimCaller.Core.Calls;
using SimCaller.Practice;
using SimCaller.Practice.Storage;

namespace SimCaller.Storage.Rows;

/// <summary>A session row joined with its latest turn and its debrief (see <see cref="SessionSql.Select"/>).</summary>
public sealed class SessionRow
{
    public string Id { get; set; } = "";
    public string PersonaId { get; set; } = "";
    public string PersonaName { get; set; } = "";
    public string Difficulty { get; set; } = "";
    public int Seed { get; set; }
    public string Channel { get; set; } = "";
    public string? Trainee { get; set; }
    public string? ExternalRef { get; set; }
    public string StartedAt { get; set; } = "";
    public string? EndedAt { get; set; }
    public string Outcome { get; set; } = "";
    public int StartingAnger { get; set; }
    public string MoodSnapshot { get; set; } = "";
    public int TurnCount { get; set; }
    public int? Anger { get; set; }
    public string? Mood { get; set; }
    public double? Score { get; set; }
    public string? DebriefToken { get; set; }
    public string? PersonaHash { get; set; }
    public string? PersonaYaml { get; set; }
    public string? RubricId { get; set; }
    public string? RubricHash { get; set; }
    public string? Analyser { get; set; }
    public string? Code { get; set; }
    public string OrganisationId { get; set; } = Organisations.DefaultId;
    public string? AccountId { get; set; }
    public string? CallTokenHash { get; set; }

    public static SessionRow From(SessionRecord session) => new()
    {
        Id = session.Id,
        PersonaId = session.PersonaId,
        PersonaName = session.PersonaName,
        Difficulty = session.Difficulty,
        Seed = session.Seed,
        Channel = session.Channel,
        Trainee = session.Trainee,
        ExternalRef = session.ExternalRef,
        StartedAt = RowMapping.FormatTime(session.StartedAt),
        EndedAt = session.EndedAt is { } ended ? RowMapping.FormatTime(ended) : null,
        Outcome = session.Outcome.ToId(),
        StartingAnger = session.StartingAnger,
        MoodSnapshot = session.MoodSnapshot,
        TurnCount = session.TurnCount,
        PersonaHash = session.PersonaHash,
        PersonaYaml = session.PersonaYaml,
        RubricId = session.RubricId,
        RubricHash = session.RubricHash,
        Analyser = session.Analyser,
        Code = session.Code,
        OrganisationId = session.OrganisationId,
        AccountId = session.AccountId,
        CallTokenHash = session.CallTokenHash,
    };

    public SessionRecord ToRecord() => new(
        Id,
        PersonaId,
        PersonaName,
        Difficulty,
        Seed,
        Channel,
        Trainee,
        ExternalRef,
        RowMapping.ParseTime(StartedAt),
        EndedAt is null ? null : RowMapping.ParseTime(EndedAt),
        RowMapping.ParseOutcome(Outcome),
        StartingAnger,
        MoodSnapshot,
        TurnCount,
        Anger ?? StartingAnger,
        Mood ?? "",
        Score,
        DebriefToken,
        PersonaHash,
        PersonaYaml,
        RubricId,
        RubricHash,
        Analyser,
        Code,
        OrganisationId,
        AccountId,
        CallTokenHash);
}
