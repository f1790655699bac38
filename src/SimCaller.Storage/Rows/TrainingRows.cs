using SimCaller.Training;

namespace SimCaller.Storage.Rows;

/// <summary>A row of the score_overrides table.</summary>
public sealed class OverrideRow
{
    public string Id { get; set; } = "";
    public string SessionId { get; set; } = "";
    public string OrganisationId { get; set; } = "";
    public string Criterion { get; set; } = "";
    public long OldScore { get; set; }
    public long NewScore { get; set; }
    public string Reason { get; set; } = "";
    public string ReviewerId { get; set; } = "";
    public string ReviewerEmail { get; set; } = "";
    public string CreatedAt { get; set; } = "";

    public static OverrideRow From(StoredOverride o) => new()
    {
        Id = o.Id, SessionId = o.SessionId, OrganisationId = o.OrganisationId, Criterion = o.Criterion, OldScore = o.OldScore, NewScore = o.NewScore,
        Reason = o.Reason, ReviewerId = o.ReviewerId, ReviewerEmail = o.ReviewerEmail, CreatedAt = RowMapping.FormatTime(o.CreatedAt),
    };

    public StoredOverride ToOverride() => new(Id, SessionId, OrganisationId, Criterion, (int)OldScore, (int)NewScore, Reason, ReviewerId, ReviewerEmail,
        RowMapping.ParseTime(CreatedAt));
}

/// <summary>A row of the assignments table, with one of its trainees when joined.</summary>
public sealed class AssignmentRow
{
    public string Id { get; set; } = "";
    public string OrganisationId { get; set; } = "";
    public string PersonaId { get; set; } = "";
    public string Difficulty { get; set; } = "";
    public string DueAt { get; set; } = "";
    public long Attempts { get; set; }
    public string? GroupName { get; set; }
    public string CreatedBy { get; set; } = "";
    public string CreatedAt { get; set; } = "";
    public string? AccountId { get; set; }

    public static AssignmentRow From(Assignment a) => new()
    {
        Id = a.Id, OrganisationId = a.OrganisationId, PersonaId = a.PersonaId, Difficulty = a.Difficulty, DueAt = RowMapping.FormatTime(a.DueAt),
        Attempts = a.Attempts, GroupName = a.Group, CreatedBy = a.CreatedBy, CreatedAt = RowMapping.FormatTime(a.CreatedAt),
    };

    public Assignment ToAssignment() => new(Id, OrganisationId, PersonaId, Difficulty, RowMapping.ParseTime(DueAt), (int)Attempts, GroupName, CreatedBy,
        RowMapping.ParseTime(CreatedAt));
}

/// <summary>A finished call counted towards an assignment.</summary>
public sealed class AssignmentAttemptRow
{
    public string AccountId { get; set; } = "";
    public string SessionId { get; set; } = "";
    public string StartedAt { get; set; } = "";
    public double? Score { get; set; }
}
