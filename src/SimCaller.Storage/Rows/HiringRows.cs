using System.Text.Json;
using SimCaller.Hiring;

namespace SimCaller.Storage.Rows;

/// <summary>A row of the campaigns table.</summary>
public sealed class CampaignRow
{
    public string Id { get; set; } = "";
    public string OrganisationId { get; set; } = "";
    public string Name { get; set; } = "";
    public string PersonaId { get; set; } = "";
    public string Difficulty { get; set; } = "";
    public long Seed { get; set; }
    public string RubricId { get; set; } = "";
    public string RubricHash { get; set; } = "";
    public long MaxAttempts { get; set; }
    public string ExpiresAt { get; set; } = "";
    public long ShowResults { get; set; }
    public string CreatedBy { get; set; } = "";
    public string CreatedAt { get; set; } = "";

    public static CampaignRow From(Campaign c) => new()
    {
        Id = c.Id, OrganisationId = c.OrganisationId, Name = c.Name, PersonaId = c.PersonaId, Difficulty = c.Difficulty, Seed = c.Seed,
        RubricId = c.RubricId, RubricHash = c.RubricHash, MaxAttempts = c.MaxAttempts, ExpiresAt = RowMapping.FormatTime(c.ExpiresAt),
        ShowResults = c.ShowResults ? 1 : 0, CreatedBy = c.CreatedBy, CreatedAt = RowMapping.FormatTime(c.CreatedAt),
    };

    public Campaign ToCampaign() => new(Id, OrganisationId, Name, PersonaId, Difficulty, (int)Seed, RubricId, RubricHash, (int)MaxAttempts,
        RowMapping.ParseTime(ExpiresAt), ShowResults != 0, CreatedBy, RowMapping.ParseTime(CreatedAt));
}

/// <summary>A row of the candidates table.</summary>
public sealed class CandidateRow
{
    public string Id { get; set; } = "";
    public string CampaignId { get; set; } = "";
    public string OrganisationId { get; set; } = "";
    public string Name { get; set; } = "";
    public string TokenHash { get; set; } = "";
    public long AttemptsUsed { get; set; }
    public string CreatedAt { get; set; } = "";

    public static CandidateRow From(Candidate c) => new()
    {
        Id = c.Id, CampaignId = c.CampaignId, OrganisationId = c.OrganisationId, Name = c.Name, TokenHash = c.TokenHash,
        AttemptsUsed = c.AttemptsUsed, CreatedAt = RowMapping.FormatTime(c.CreatedAt),
    };

    public Candidate ToCandidate() => new(Id, CampaignId, OrganisationId, Name, TokenHash, (int)AttemptsUsed, RowMapping.ParseTime(CreatedAt));
}

/// <summary>An attempt joined with whether its session has ended.</summary>
public sealed class AttemptRow
{
    public string SessionId { get; set; } = "";
    public string CandidateId { get; set; } = "";
    public string StartedAt { get; set; } = "";
    public string? EndedAt { get; set; }
    public string? Summary { get; set; }

    public CandidateAttempt ToAttempt() => new(SessionId, CandidateId, RowMapping.ParseTime(StartedAt), EndedAt is not null,
        Summary is null ? null : JsonSerializer.Deserialize<AttemptSummary>(Summary, HiringSql.Json));
}

/// <summary>Campaign queries, the same text for SQLite and PostgreSQL.</summary>
public static class HiringSql
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public const string SelectCampaign = """
        SELECT id AS Id, organisation_id AS OrganisationId, name AS Name, persona_id AS PersonaId, difficulty AS Difficulty, seed AS Seed,
               rubric_id AS RubricId, rubric_hash AS RubricHash, max_attempts AS MaxAttempts, expires_at AS ExpiresAt,
               show_results AS ShowResults, created_by AS CreatedBy, created_at AS CreatedAt
        FROM campaigns
        """;

    public const string InsertCampaign = """
        INSERT INTO campaigns (id, organisation_id, name, persona_id, difficulty, seed, rubric_id, rubric_hash, max_attempts, expires_at,
                               show_results, created_by, created_at)
        VALUES (@Id, @OrganisationId, @Name, @PersonaId, @Difficulty, @Seed, @RubricId, @RubricHash, @MaxAttempts, @ExpiresAt,
                @ShowResults, @CreatedBy, @CreatedAt)
        """;

    public const string SelectCandidate = """
        SELECT id AS Id, campaign_id AS CampaignId, organisation_id AS OrganisationId, name AS Name, token_hash AS TokenHash,
               attempts_used AS AttemptsUsed, created_at AS CreatedAt
        FROM candidates
        """;

    public const string InsertCandidate = """
        INSERT INTO candidates (id, campaign_id, organisation_id, name, token_hash, attempts_used, created_at)
        VALUES (@Id, @CampaignId, @OrganisationId, @Name, @TokenHash, @AttemptsUsed, @CreatedAt)
        """;

    public const string SelectAttempts = """
        SELECT a.session_id AS SessionId, a.candidate_id AS CandidateId, a.started_at AS StartedAt, s.ended_at AS EndedAt, a.summary AS Summary
        FROM campaign_attempts a JOIN sessions s ON s.id = a.session_id
        WHERE a.campaign_id = @CampaignId
        """;
}
