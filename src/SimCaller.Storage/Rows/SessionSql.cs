namespace SimCaller.Storage.Rows;

/// <summary>
/// Queries whose text is the same for SQLite and PostgreSQL. The inserts that may meet a taken key use
/// ON CONFLICT ... DO NOTHING, which both engines read alike, so a caller tells "taken" by the row count.
/// </summary>
public static class SessionSql
{
    private const string Columns = """
        SELECT s.id AS Id, s.persona_id AS PersonaId, s.persona_name AS PersonaName, s.difficulty AS Difficulty,
               s.seed AS Seed, s.channel AS Channel, s.trainee AS Trainee, s.external_ref AS ExternalRef,
               s.started_at AS StartedAt, s.ended_at AS EndedAt, s.outcome AS Outcome,
               s.starting_anger AS StartingAnger, s.mood_snapshot AS MoodSnapshot, s.turn_count AS TurnCount,
               t.anger AS Anger, t.mood AS Mood, d.score AS Score, d.token AS DebriefToken,
               s.persona_hash AS PersonaHash, s.rubric_id AS RubricId, s.rubric_hash AS RubricHash,
               s.analyser AS Analyser, s.code AS Code, s.organisation_id AS OrganisationId, s.account_id AS AccountId,
               s.call_token_hash AS CallTokenHash
        """;

    private const string From = """

        FROM sessions s
        LEFT JOIN turns t ON t.session_id = s.id AND t.number = s.turn_count
        LEFT JOIN debriefs d ON d.session_id = s.id
        """;

    /// <summary>Sessions with the anger and mood of their latest turn, their debrief's score and their persona copy; add WHERE / ORDER BY.</summary>
    public const string Select = Columns + ", s.persona_yaml AS PersonaYaml" + From;

    /// <summary><see cref="Select"/> without the persona copy, for listings.</summary>
    public const string SelectListed = Columns + From;

    /// <summary>The ids of sessions for <see cref="SelectListed"/>'s filters (same aliases); add WHERE / ORDER BY / LIMIT.</summary>
    public const string SelectListedIds = "SELECT s.id FROM sessions s LEFT JOIN debriefs d ON d.session_id = s.id";

    /// <summary>Counts sessions for <see cref="SelectListed"/>'s filters (same aliases).</summary>
    public const string CountListed = "SELECT COUNT(*) FROM sessions s LEFT JOIN debriefs d ON d.session_id = s.id";

    public const string InsertSession = """
        INSERT INTO sessions (id, persona_id, persona_name, difficulty, seed, channel, trainee, external_ref,
                              started_at, ended_at, outcome, starting_anger, mood_snapshot, turn_count,
                              persona_hash, persona_yaml, rubric_id, rubric_hash, analyser, code,
                              organisation_id, account_id, call_token_hash)
        VALUES (@Id, @PersonaId, @PersonaName, @Difficulty, @Seed, @Channel, @Trainee, @ExternalRef,
                @StartedAt, @EndedAt, @Outcome, @StartingAnger, @MoodSnapshot, @TurnCount,
                @PersonaHash, @PersonaYaml, @RubricId, @RubricHash, @Analyser, @Code,
                @OrganisationId, @AccountId, @CallTokenHash)
        """;

    /// <summary>Claims an external reference for a session; inserts nothing when another session holds it.</summary>
    public const string ClaimExternalRef = """
        INSERT INTO session_refs (external_ref, session_id) VALUES (@ExternalRef, @Id)
        ON CONFLICT (external_ref) DO NOTHING
        """;

    public const string InsertTurn = """
        INSERT INTO turns (session_id, number, at, speaker, text, anger, mood, techniques, events, mood_snapshot, hold_seconds)
        VALUES (@SessionId, @Number, @At, @Speaker, @Text, @Anger, @Mood, @Techniques, @Events, @MoodSnapshot, @HoldSeconds)
        """;

    public const string SelectTurns = """
        SELECT session_id AS SessionId, number AS Number, at AS At, speaker AS Speaker, text AS Text,
               anger AS Anger, mood AS Mood, techniques AS Techniques, events AS Events,
               mood_snapshot AS MoodSnapshot, hold_seconds AS HoldSeconds
        FROM turns WHERE session_id = @SessionId ORDER BY number
        """;

    /// <summary>Moves an open session on by the turns added; with @EndedAt set it ends it too (@Outcome).</summary>
    public const string AdvanceSession = """
        UPDATE sessions SET mood_snapshot = @MoodSnapshot, turn_count = turn_count + @Added, ended_at = @EndedAt, outcome = @Outcome
        WHERE id = @SessionId AND turn_count = @Expected AND ended_at IS NULL
        """;

    /// <summary>Remembers a turn's result; inserts nothing when the request key is already there.</summary>
    public const string InsertTurnRequest = """
        INSERT INTO turn_requests (session_id, request_key, result) VALUES (@SessionId, @RequestKey, @Result)
        ON CONFLICT (session_id, request_key) DO NOTHING
        """;

    public const string SelectTurnRequest =
        "SELECT result FROM turn_requests WHERE session_id = @SessionId AND request_key = @RequestKey";

    public const string InsertDebrief = """
        INSERT INTO debriefs (session_id, token, created_at, score, document)
        VALUES (@SessionId, @Token, @CreatedAt, @Score, @Json)
        """;

    public const string SelectDebrief = """
        SELECT session_id AS SessionId, token AS Token, created_at AS CreatedAt, score AS Score, document AS Json
        FROM debriefs
        """;

    /// <summary>Stores a session code; inserts nothing when the code is taken.</summary>
    public const string InsertCode = """
        INSERT INTO session_codes (code, persona_id, difficulty, seed, label, created_at, organisation_id)
        VALUES (@Code, @PersonaId, @Difficulty, @Seed, @Label, @CreatedAt, @OrganisationId)
        ON CONFLICT (code) DO NOTHING
        """;

    public const string SelectCode = """
        SELECT code AS Code, persona_id AS PersonaId, difficulty AS Difficulty, seed AS Seed, label AS Label,
               created_at AS CreatedAt, organisation_id AS OrganisationId
        FROM session_codes
        """;
}
