"""The core schema, as named migrations applied in order and recorded in ``migrations``.

Other components (print queue, sync, badge keys) register their own named
migrations through ``Store.migrate``; a name is applied once, ever.
"""

CORE_MIGRATIONS: list[tuple[str, str]] = [
    (
        "core-0001-roster",
        """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE event (
            id TEXT PRIMARY KEY, name_zh TEXT NOT NULL, name_en TEXT NOT NULL,
            starts_at TEXT NOT NULL, ends_at TEXT NOT NULL, timezone TEXT NOT NULL,
            city TEXT NOT NULL DEFAULT '', theme_zh TEXT NOT NULL DEFAULT '',
            theme_en TEXT NOT NULL DEFAULT '', checkin_opens_hours REAL NOT NULL DEFAULT 24
        );
        CREATE TABLE forums (
            id TEXT PRIMARY KEY, name_zh TEXT NOT NULL, name_en TEXT NOT NULL,
            kind TEXT NOT NULL, hall TEXT NOT NULL, capacity INTEGER,
            starts_at TEXT, ends_at TEXT, position INTEGER NOT NULL
        );
        CREATE TABLE categories (
            id TEXT PRIMARY KEY, name_zh TEXT NOT NULL, name_en TEXT NOT NULL,
            color TEXT NOT NULL, vip INTEGER NOT NULL DEFAULT 0, position INTEGER NOT NULL
        );
        CREATE TABLE delegates (
            id TEXT PRIMARY KEY, code TEXT NOT NULL, name TEXT NOT NULL,
            name_en TEXT NOT NULL DEFAULT '', organization TEXT NOT NULL DEFAULT '',
            title TEXT NOT NULL DEFAULT '', phone TEXT NOT NULL DEFAULT '',
            email TEXT NOT NULL DEFAULT '', category TEXT NOT NULL DEFAULT '',
            forums TEXT NOT NULL DEFAULT '', status TEXT NOT NULL DEFAULT 'active',
            language TEXT NOT NULL DEFAULT '', notes TEXT NOT NULL DEFAULT '{}',
            search TEXT NOT NULL DEFAULT '', updated_at TEXT NOT NULL
        );
        CREATE TABLE badges (
            code TEXT PRIMARY KEY, delegate_id TEXT NOT NULL, serial INTEGER NOT NULL DEFAULT 1,
            status TEXT NOT NULL DEFAULT 'active', kind TEXT NOT NULL DEFAULT 'token',
            issued_at TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX badges_by_delegate ON badges (delegate_id);
        CREATE INDEX delegates_by_category ON delegates (category);
        """,
    ),
    (
        "core-0002-journal",
        """
        CREATE TABLE journal (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            id TEXT NOT NULL UNIQUE, at TEXT NOT NULL, desk TEXT NOT NULL, gate TEXT NOT NULL,
            code TEXT NOT NULL, outcome TEXT NOT NULL, delegate_id TEXT,
            action TEXT NOT NULL, reason TEXT NOT NULL DEFAULT '', voids TEXT,
            rehearsal INTEGER NOT NULL DEFAULT 0, origin TEXT NOT NULL DEFAULT 'local'
        );
        CREATE INDEX journal_by_delegate ON journal (delegate_id, gate);
        CREATE INDEX journal_by_time ON journal (at);
        -- A projection of the journal: the first standing admission of each delegate
        -- at each gate. Rebuilt from the journal at will; kept in step in the same
        -- transaction as every journal append.
        CREATE TABLE admissions (
            gate TEXT NOT NULL, delegate_id TEXT NOT NULL, rehearsal INTEGER NOT NULL,
            checkin_id TEXT NOT NULL, at TEXT NOT NULL, desk TEXT NOT NULL,
            category TEXT NOT NULL DEFAULT '', offline_duplicates INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (gate, delegate_id, rehearsal)
        ) WITHOUT ROWID;
        CREATE INDEX admissions_by_time ON admissions (rehearsal, at);
        """,
    ),
    (
        # Nothing looks delegates up by category (statistics read the admissions), and the
        # index cost a tenth of a 100k-delegate import.
        "core-0003-no-category-index",
        "DROP INDEX IF EXISTS delegates_by_category;",
    ),
    (
        # Search: a trigram full-text index over the delegates' search text, kept in step by
        # triggers in the same transaction as every roster write, and the distinct pairs of
        # characters in that text, which turn a one- or two-character query into the
        # trigrams that can follow it (kiosk/search.py).
        "core-0004-search-index",
        """
        CREATE VIRTUAL TABLE search_index USING fts5(
            search, content='delegates', content_rowid='rowid', tokenize='trigram'
        );
        CREATE TRIGGER delegates_search_insert AFTER INSERT ON delegates BEGIN
            INSERT INTO search_index (rowid, search) VALUES (new.rowid, new.search);
        END;
        CREATE TRIGGER delegates_search_delete AFTER DELETE ON delegates BEGIN
            INSERT INTO search_index (search_index, rowid, search) VALUES ('delete', old.rowid, old.search);
        END;
        CREATE TRIGGER delegates_search_update AFTER UPDATE OF search ON delegates
        WHEN old.search IS NOT new.search BEGIN
            INSERT INTO search_index (search_index, rowid, search) VALUES ('delete', old.rowid, old.search);
            INSERT INTO search_index (rowid, search) VALUES (new.rowid, new.search);
        END;
        INSERT INTO search_index (search_index) VALUES ('rebuild');
        CREATE TABLE search_pairs (pair TEXT PRIMARY KEY) WITHOUT ROWID;
        WITH RECURSIVE n (i) AS (
            SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < (SELECT MAX(length(search)) FROM delegates)
        )
        INSERT OR IGNORE INTO search_pairs SELECT DISTINCT substr(d.search, n.i, 2)
        FROM delegates d JOIN n ON n.i < length(d.search);
        """,
    ),
    (
        # The roster's writer (Roster.write_delegates) keeps the search index a batch at a time:
        # a trigger per row made each row a statement savepoint, at which FTS5 writes out its
        # pending terms (3× the index's cost, and memory growing with a long import). Deleting
        # a delegate still takes its index entry along.
        "core-0005-search-index-by-writer",
        """
        DROP TRIGGER delegates_search_insert;
        DROP TRIGGER delegates_search_update;
        """,
    ),
    (
        # A leaner durable check-in. A plain INTEGER PRIMARY KEY hands out the same rising seq
        # (the journal is never deleted from) without AUTOINCREMENT's sqlite_sequence row, and
        # nothing reads the journal by time or the admissions in time order through an index
        # (statistics sort the entrance's admissions themselves): two B-trees and a counter
        # fewer on every check-in.
        "core-0006-lean-journal",
        """
        CREATE TABLE journal_lean (
            seq INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE, at TEXT NOT NULL, desk TEXT NOT NULL, gate TEXT NOT NULL,
            code TEXT NOT NULL, outcome TEXT NOT NULL, delegate_id TEXT,
            action TEXT NOT NULL, reason TEXT NOT NULL DEFAULT '', voids TEXT,
            rehearsal INTEGER NOT NULL DEFAULT 0, origin TEXT NOT NULL DEFAULT 'local'
        );
        INSERT INTO journal_lean SELECT * FROM journal ORDER BY seq;
        DROP TABLE journal;
        ALTER TABLE journal_lean RENAME TO journal;
        CREATE INDEX journal_by_delegate ON journal (delegate_id, gate);
        DELETE FROM sqlite_sequence WHERE name = 'journal';
        DROP INDEX admissions_by_time;
        """,
    ),
    (
        # How each entry's person was presented (camera, scanner, typed code, desk search,
        # self-service search, override, walk-in) and the volunteer signed in at the desk.
        "core-0007-journal-how",
        """
        ALTER TABLE journal ADD COLUMN how TEXT NOT NULL DEFAULT '';
        ALTER TABLE journal ADD COLUMN operator TEXT NOT NULL DEFAULT '';
        """,
    ),
    (
        # Doors count who is in the room: an admission row is "inside" while the person's
        # last movement at the gate is an admission, not an exit (kiosk/occupancy.py). Rows
        # of people whose latest exit came after their latest standing admission start out.
        "core-0008-occupancy",
        """
        ALTER TABLE admissions ADD COLUMN inside INTEGER NOT NULL DEFAULT 1;
        UPDATE admissions SET inside = 0 WHERE (
            SELECT MAX(x.at) FROM journal x WHERE x.action = 'exit' AND x.delegate_id = admissions.delegate_id
            AND x.gate = admissions.gate AND x.rehearsal = admissions.rehearsal
        ) > (
            SELECT MAX(j.at) FROM journal j WHERE j.action IN ('scan', 'override', 'walkin')
            AND j.outcome = 'admitted' AND j.delegate_id = admissions.delegate_id AND j.gate = admissions.gate
            AND j.rehearsal = admissions.rehearsal AND NOT EXISTS (SELECT 1 FROM journal v WHERE v.voids = j.id)
        );
        """,
    ),
    (
        # The counts a decision shows (admitted today, in the room now) kept per gate by
        # triggers on the admissions, whatever writes them, in the same transaction: a
        # decision reads one row instead of summing every admission at its gate, which grew
        # with the day (a main entrance with 100,000 admissions summed them on every scan).
        "core-0009-gate-counts",
        """
        CREATE TABLE gate_counts (
            gate TEXT NOT NULL, rehearsal INTEGER NOT NULL, admitted INTEGER NOT NULL,
            present INTEGER NOT NULL, duplicates INTEGER NOT NULL, PRIMARY KEY (gate, rehearsal)
        ) WITHOUT ROWID;
        INSERT INTO gate_counts SELECT gate, rehearsal, COUNT(*), SUM(inside), SUM(offline_duplicates)
            FROM admissions GROUP BY gate, rehearsal;
        CREATE TRIGGER admissions_counted AFTER INSERT ON admissions BEGIN
            INSERT INTO gate_counts VALUES (NEW.gate, NEW.rehearsal, 1, NEW.inside, NEW.offline_duplicates)
            ON CONFLICT DO UPDATE SET admitted = admitted + 1, present = present + excluded.present,
            duplicates = duplicates + excluded.duplicates;
        END;
        CREATE TRIGGER admissions_recounted AFTER UPDATE OF inside, offline_duplicates ON admissions BEGIN
            UPDATE gate_counts SET present = present + NEW.inside - OLD.inside,
            duplicates = duplicates + NEW.offline_duplicates - OLD.offline_duplicates
            WHERE gate = NEW.gate AND rehearsal = NEW.rehearsal;
        END;
        CREATE TRIGGER admissions_uncounted AFTER DELETE ON admissions BEGIN
            UPDATE gate_counts SET admitted = admitted - 1, present = present - OLD.inside,
            duplicates = duplicates - OLD.offline_duplicates WHERE gate = OLD.gate AND rehearsal = OLD.rehearsal;
        END;
        """,
    ),
]
