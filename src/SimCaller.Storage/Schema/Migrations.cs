namespace SimCaller.Storage.Schema;

/// <summary>
/// The schema, as ordered steps. Plain SQL types (TEXT, INTEGER, DOUBLE PRECISION) so the same steps
/// suit SQLite and PostgreSQL (where REAL would be single precision); times are ISO-8601 UTC text,
/// which sorts in time order. Never edit a shipped step: add a new one.
/// </summary>
public static class Migrations
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "sessions, turns, idempotent turn requests", """
            CREATE TABLE sessions (
                id TEXT PRIMARY KEY,
                persona_id TEXT NOT NULL,
                persona_name TEXT NOT NULL,
                difficulty TEXT NOT NULL,
                seed INTEGER NOT NULL,
                channel TEXT NOT NULL,
                trainee TEXT NULL,
                external_ref TEXT NULL,
                started_at TEXT NOT NULL,
                ended_at TEXT NULL,
                outcome TEXT NOT NULL,
                starting_anger INTEGER NOT NULL,
                mood_snapshot TEXT NOT NULL,
                turn_count INTEGER NOT NULL
            );
            CREATE INDEX ix_sessions_started_at ON sessions (started_at);
            CREATE INDEX ix_sessions_external_ref ON sessions (external_ref);
            CREATE TABLE turns (
                session_id TEXT NOT NULL REFERENCES sessions (id),
                number INTEGER NOT NULL,
                at TEXT NOT NULL,
                speaker TEXT NOT NULL,
                text TEXT NOT NULL,
                anger INTEGER NOT NULL,
                mood TEXT NOT NULL,
                techniques TEXT NOT NULL,
                events INTEGER NOT NULL,
                PRIMARY KEY (session_id, number)
            );
            CREATE TABLE turn_requests (
                session_id TEXT NOT NULL REFERENCES sessions (id),
                request_key TEXT NOT NULL,
                result TEXT NOT NULL,
                PRIMARY KEY (session_id, request_key)
            );
            """),
        new(2, "debriefs and session codes", """
            CREATE TABLE debriefs (
                session_id TEXT PRIMARY KEY REFERENCES sessions (id),
                token TEXT NOT NULL UNIQUE,
                created_at TEXT NOT NULL,
                score DOUBLE PRECISION NOT NULL,
                document TEXT NOT NULL
            );
            CREATE TABLE session_codes (
                code TEXT PRIMARY KEY,
                persona_id TEXT NOT NULL,
                difficulty TEXT NOT NULL,
                seed INTEGER NOT NULL,
                label TEXT NULL,
                created_at TEXT NOT NULL
            );
            CREATE INDEX ix_session_codes_created_at ON session_codes (created_at);
            """),
        // A table of its own rather than a unique index on sessions.external_ref: databases written before
        // this step may hold two sessions for one CallSid (a retried webhook), and must still migrate. Each
        // reference already in use is given to its latest session, the one lookups have always returned.
        new(3, "one session per external reference", """
            CREATE TABLE session_refs (
                external_ref TEXT PRIMARY KEY,
                session_id TEXT NOT NULL REFERENCES sessions (id)
            );
            INSERT INTO session_refs (external_ref, session_id)
            SELECT s.external_ref, s.id FROM sessions s
            WHERE s.external_ref IS NOT NULL AND NOT EXISTS (
                SELECT 1 FROM sessions o
                WHERE o.external_ref = s.external_ref
                  AND (o.started_at > s.started_at OR (o.started_at = s.started_at AND o.id > s.id)));
            """),
        new(4, "what a session was played against; the mood snapshot and hold of every turn", """
            ALTER TABLE sessions ADD COLUMN persona_hash TEXT NULL;
            ALTER TABLE sessions ADD COLUMN persona_yaml TEXT NULL;
            ALTER TABLE sessions ADD COLUMN rubric_id TEXT NULL;
            ALTER TABLE sessions ADD COLUMN rubric_hash TEXT NULL;
            ALTER TABLE sessions ADD COLUMN analyser TEXT NULL;
            ALTER TABLE sessions ADD COLUMN code TEXT NULL;
            ALTER TABLE turns ADD COLUMN mood_snapshot TEXT NULL;
            ALTER TABLE turns ADD COLUMN hold_seconds DOUBLE PRECISION NULL;
            CREATE INDEX ix_sessions_persona_id ON sessions (persona_id);
            CREATE INDEX ix_sessions_code ON sessions (code);
            CREATE INDEX ix_sessions_trainee ON sessions (trainee);
            """),
        // Everything stored before organisations existed belongs to the default organisation, through the
        // column default. Emails are unique across the deployment because sign-in is by email alone.
        // The listing indexes hold every column the session filters and counts read: a session row carries
        // its persona file, so counting 10,000 of them from the table read a page per row (0.4 s); from
        // these indexes it takes a few milliseconds.
        new(5, "organisations, accounts, bearer tokens; the organisation and starter of every session and code", """
            CREATE TABLE organisations (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL UNIQUE,
                created_at TEXT NOT NULL
            );
            INSERT INTO organisations (id, name, created_at) VALUES ('default', 'Default', '2026-01-01T00:00:00.0000000Z');
            CREATE TABLE accounts (
                id TEXT PRIMARY KEY,
                organisation_id TEXT NOT NULL REFERENCES organisations (id),
                email TEXT NOT NULL UNIQUE,
                role TEXT NOT NULL,
                active INTEGER NOT NULL,
                password_hash TEXT NOT NULL,
                failed_sign_ins INTEGER NOT NULL,
                locked_until TEXT NULL,
                security_stamp TEXT NOT NULL,
                created_at TEXT NOT NULL
            );
            CREATE INDEX ix_accounts_organisation_id ON accounts (organisation_id);
            CREATE TABLE access_tokens (
                token_hash TEXT PRIMARY KEY,
                account_id TEXT NOT NULL REFERENCES accounts (id),
                created_at TEXT NOT NULL,
                expires_at TEXT NOT NULL
            );
            CREATE INDEX ix_access_tokens_account_id ON access_tokens (account_id);
            ALTER TABLE sessions ADD COLUMN organisation_id TEXT NOT NULL DEFAULT 'default';
            ALTER TABLE sessions ADD COLUMN account_id TEXT NULL;
            ALTER TABLE sessions ADD COLUMN call_token_hash TEXT NULL;
            ALTER TABLE session_codes ADD COLUMN organisation_id TEXT NOT NULL DEFAULT 'default';
            CREATE INDEX ix_sessions_listing ON sessions (organisation_id, started_at, id, persona_id, difficulty, outcome, account_id, trainee, code);
            CREATE INDEX ix_sessions_account_id ON sessions (account_id);
            CREATE INDEX ix_debriefs_score ON debriefs (session_id, score);
            """),
        // Hiring campaigns and their candidates (invite tokens only as hashes), each candidate's calls with the
        // numbers the comparison shows, trainers' score overrides, and assignments with their trainees.
        new(6, "campaigns, candidates and their attempts; score overrides; assignments", """
            CREATE TABLE campaigns (
                id TEXT PRIMARY KEY,
                organisation_id TEXT NOT NULL REFERENCES organisations (id),
                name TEXT NOT NULL,
                persona_id TEXT NOT NULL,
                difficulty TEXT NOT NULL,
                seed INTEGER NOT NULL,
                rubric_id TEXT NOT NULL,
                rubric_hash TEXT NOT NULL,
                max_attempts INTEGER NOT NULL,
                expires_at TEXT NOT NULL,
                show_results INTEGER NOT NULL,
                created_by TEXT NOT NULL,
                created_at TEXT NOT NULL
            );
            CREATE INDEX ix_campaigns_organisation_id ON campaigns (organisation_id, created_at);
            CREATE TABLE candidates (
                id TEXT PRIMARY KEY,
                campaign_id TEXT NOT NULL REFERENCES campaigns (id),
                organisation_id TEXT NOT NULL,
                name TEXT NOT NULL,
                token_hash TEXT NOT NULL UNIQUE,
                attempts_used INTEGER NOT NULL,
                created_at TEXT NOT NULL
            );
            CREATE INDEX ix_candidates_campaign_id ON candidates (campaign_id);
            CREATE INDEX ix_candidates_created_at ON candidates (created_at);
            CREATE TABLE campaign_attempts (
                session_id TEXT PRIMARY KEY REFERENCES sessions (id),
                campaign_id TEXT NOT NULL REFERENCES campaigns (id),
                candidate_id TEXT NOT NULL REFERENCES candidates (id),
                started_at TEXT NOT NULL,
                summary TEXT NULL
            );
            CREATE INDEX ix_campaign_attempts_campaign_id ON campaign_attempts (campaign_id);
            CREATE INDEX ix_campaign_attempts_candidate_id ON campaign_attempts (candidate_id);
            CREATE TABLE score_overrides (
                id TEXT PRIMARY KEY,
                session_id TEXT NOT NULL REFERENCES sessions (id),
                organisation_id TEXT NOT NULL,
                criterion TEXT NOT NULL,
                old_score INTEGER NOT NULL,
                new_score INTEGER NOT NULL,
                reason TEXT NOT NULL,
                reviewer_id TEXT NOT NULL,
                reviewer_email TEXT NOT NULL,
                created_at TEXT NOT NULL
            );
            CREATE INDEX ix_score_overrides_session_id ON score_overrides (session_id, created_at);
            CREATE TABLE assignments (
                id TEXT PRIMARY KEY,
                organisation_id TEXT NOT NULL REFERENCES organisations (id),
                persona_id TEXT NOT NULL,
                difficulty TEXT NOT NULL,
                due_at TEXT NOT NULL,
                attempts INTEGER NOT NULL,
                group_name TEXT NULL,
                created_by TEXT NOT NULL,
                created_at TEXT NOT NULL
            );
            CREATE INDEX ix_assignments_organisation_id ON assignments (organisation_id, due_at);
            CREATE TABLE assignment_trainees (
                assignment_id TEXT NOT NULL REFERENCES assignments (id),
                account_id TEXT NOT NULL REFERENCES accounts (id),
                PRIMARY KEY (assignment_id, account_id)
            );
            CREATE INDEX ix_assignment_trainees_account_id ON assignment_trainees (account_id);
            CREATE INDEX ix_sessions_account_persona ON sessions (account_id, persona_id, started_at);
            CREATE INDEX ix_sessions_organisation_listed ON sessions (organisation_id, started_at, id);
            """),
    ];
}
