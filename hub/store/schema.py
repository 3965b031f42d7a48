"""The hub's one schema, for SQLite and PostgreSQL alike, as named migrations.

Only types and syntax both databases share. Change cursors are plain BIGINT
columns numbered from ``hub_counters`` inside the writing transaction (whose
row lock also makes writers commit in cursor order, so a reader that has seen
cursor N has seen everything up to N).
"""

MIGRATIONS: list[tuple[str, str]] = [
    (
        "hub-0001-base",
        """
        CREATE TABLE hub_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE hub_counters (name TEXT PRIMARY KEY, value BIGINT NOT NULL);
        INSERT INTO hub_counters (name, value) VALUES ('roster', 0);
        INSERT INTO hub_counters (name, value) VALUES ('checkins', 0);
        CREATE TABLE hub_event (
            id TEXT PRIMARY KEY, body TEXT NOT NULL, updated_at TEXT NOT NULL
        );
        CREATE TABLE hub_keys (
            key_id TEXT PRIMARY KEY, event_id TEXT NOT NULL, pem TEXT NOT NULL, added_at TEXT NOT NULL
        );
        CREATE TABLE hub_delegates (
            id TEXT PRIMARY KEY, code TEXT NOT NULL, status TEXT NOT NULL,
            body TEXT NOT NULL, rev BIGINT NOT NULL, updated_at TEXT NOT NULL
        );
        CREATE INDEX hub_delegates_by_rev ON hub_delegates (rev);
        CREATE UNIQUE INDEX hub_delegates_by_code ON hub_delegates (code);
        CREATE TABLE hub_checkins (
            seq BIGINT PRIMARY KEY, id TEXT NOT NULL UNIQUE, origin TEXT NOT NULL,
            at TEXT NOT NULL, desk TEXT NOT NULL, gate TEXT NOT NULL, code TEXT NOT NULL,
            outcome TEXT NOT NULL, delegate_id TEXT, action TEXT NOT NULL,
            reason TEXT NOT NULL, voids TEXT, rehearsal INTEGER NOT NULL,
            received_at TEXT NOT NULL
        );
        CREATE INDEX hub_checkins_by_delegate ON hub_checkins (delegate_id, gate);
        CREATE TABLE hub_tokens (
            id TEXT PRIMARY KEY, desk TEXT NOT NULL, admin INTEGER NOT NULL,
            hash TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL, revoked_at TEXT
        );
        CREATE INDEX hub_tokens_by_desk ON hub_tokens (desk)
        """,
    ),
    (
        "hub-0002-desk-health",
        """
        CREATE TABLE hub_desks (
            desk TEXT PRIMARY KEY, report TEXT NOT NULL, state TEXT NOT NULL,
            received_at TEXT NOT NULL, backlog_ok_at TEXT NOT NULL
        );
        CREATE TABLE hub_desk_changes (
            id BIGINT PRIMARY KEY, desk TEXT NOT NULL, at TEXT NOT NULL, state TEXT NOT NULL
        );
        CREATE INDEX hub_desk_changes_by_desk ON hub_desk_changes (desk, id);
        INSERT INTO hub_counters (name, value) VALUES ('desk_changes', 0);
        CREATE TABLE hub_login_codes (
            hash TEXT PRIMARY KEY, expires_at TEXT NOT NULL, used_at TEXT
        )
        """,
    ),
    (
        "hub-0003-dashboard-sessions",
        """
        CREATE TABLE hub_sessions (
            hash TEXT PRIMARY KEY, who TEXT NOT NULL, token_id TEXT,
            created_at BIGINT NOT NULL, expires_at BIGINT NOT NULL
        );
        CREATE INDEX hub_sessions_by_expiry ON hub_sessions (expires_at)
        """,
    ),
    (
        "hub-0004-journal-how",
        """
        ALTER TABLE hub_checkins ADD COLUMN how TEXT NOT NULL DEFAULT '';
        ALTER TABLE hub_checkins ADD COLUMN operator TEXT NOT NULL DEFAULT ''
        """,
    ),
    (
        # What a desk token may do beyond check-ins: "walkin", "reissue" (comma-separated).
        "hub-0005-token-capabilities",
        "ALTER TABLE hub_tokens ADD COLUMN can TEXT NOT NULL DEFAULT ''",
    ),
    (
        # One-time enrolment codes (hub enrol): only their hash, the desk they make a token for.
        "hub-0006-enrolments",
        """
        CREATE TABLE hub_enrolments (
            hash TEXT PRIMARY KEY, desk TEXT NOT NULL, expires_at TEXT NOT NULL, used_at TEXT
        )
        """,
    ),
    (
        # What the token an enrolment code makes may do (hub enrol --can), as hub_tokens.can.
        "hub-0007-enrolment-capabilities",
        "ALTER TABLE hub_enrolments ADD COLUMN can TEXT NOT NULL DEFAULT ''",
    ),
    (
        # The event a desk token is for ('' until the hub has one; admin tokens stay '').
        "hub-0008-token-event",
        "ALTER TABLE hub_tokens ADD COLUMN event TEXT NOT NULL DEFAULT ''",
    ),
]
