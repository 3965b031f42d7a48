"""The check-in service on a real SQLite file: journal, history, void, reissue, rehearsal."""

import stat
import uuid
from pathlib import Path

import pytest

from kiosk.clock import FixedClock
from kiosk.importers.apply import ImportReport, apply_delegates
from kiosk.model import Action, CheckIn, Delegate, Outcome
from kiosk.service import CheckinService
from kiosk.stats import compute
from kiosk.store import Store
from tests.conftest import at

ZHANG = Delegate(
    "D1", "ZW0001", "张伟", organization="西安交通大学", category="scientist", forums=("p1", "main")
)
LI = Delegate("D2", "LN0002", "李娜", category="press", forums=("p1",))


@pytest.fixture
def store(event_store: Store) -> Store:
    apply_delegates(event_store, [(2, ZHANG), (3, LI)], ImportReport(), replace=False)
    return event_store


def service(store: Store, when: str = "2023-12-06T08:30", gate: str = "entrance", desk: str = "desk-1"):
    return CheckinService(store, FixedClock(at(when)), desk=desk, gate=gate)


def test_database_file_is_owner_only(tmp_path: Path):
    Store(tmp_path / "new.sqlite")
    assert stat.S_IMODE((tmp_path / "new.sqlite").stat().st_mode) == 0o600


def test_every_decision_is_in_the_journal_refusals_included(store: Store):
    desk = service(store)
    outcomes = [desk.check_in(c).outcome for c in ("ZW0001", "ZW0001", "garbage")]
    assert outcomes == [Outcome.ADMITTED, Outcome.ALREADY_CHECKED_IN, Outcome.UNKNOWN_BADGE]
    rows = store.query("SELECT outcome, desk, gate FROM journal ORDER BY seq")
    assert [r[0] for r in rows] == ["admitted", "already_checked_in", "unknown_badge"]
    assert {(r[1], r[2]) for r in rows} == {("desk-1", "entrance")}


def test_code_is_trimmed_before_lookup(store: Store):
    assert service(store).check_in("  ZW0001\r\n").outcome is Outcome.ADMITTED


def test_already_checked_in_at_another_desk_says_which_desk(store: Store):
    service(store, desk="desk-1").check_in("ZW0001")
    decision = service(store, "2023-12-06T09:00", desk="desk-7").check_in("ZW0001")
    assert decision.outcome is Outcome.ALREADY_CHECKED_IN
    assert decision.first_checkin is not None and decision.first_checkin.desk == "desk-1"


def test_void_lets_the_delegate_check_in_again(store: Store):
    desk = service(store)
    first = desk.check_in("ZW0001")
    assert first.checkin_id is not None
    desk.void(first.checkin_id, "scanned the wrong badge")
    assert desk.check_in("ZW0001").outcome is Outcome.ADMITTED
    voids = store.query("SELECT reason, voids FROM journal WHERE action = 'void'")
    assert [tuple(v) for v in voids] == [("scanned the wrong badge", first.checkin_id)]


def test_reissued_badge_supersedes_the_old_code(store: Store):
    desk = service(store)
    fresh = desk.reissue("D1", "lost badge").delegate
    assert fresh is not None and fresh.code != "ZW0001"
    assert desk.check_in("ZW0001").outcome is Outcome.REVOKED
    assert desk.check_in(fresh.code).outcome is Outcome.ADMITTED


def test_forum_full_counts_distinct_delegates_and_reentry_does_not_count_twice(store: Store):
    store.conn.execute("UPDATE forums SET capacity = 1 WHERE id = 'p1'")
    store.roster.changed()
    door = service(store, "2023-12-06T14:00", gate="p1")
    assert door.check_in("ZW0001").outcome is Outcome.ADMITTED
    again = door.check_in("ZW0001")
    assert again.outcome is Outcome.ADMITTED and again.reentry
    assert door.check_in("LN0002").outcome is Outcome.FORUM_FULL


def test_rehearsal_check_ins_never_count_for_the_real_event(store: Store):
    store.set_rehearsal(True)
    desk = service(store)
    assert desk.check_in("ZW0001").outcome is Outcome.ADMITTED
    assert desk.check_in("ZW0001").outcome is Outcome.ALREADY_CHECKED_IN
    assert store.query_one("SELECT rehearsal FROM journal LIMIT 1")[0] == 1
    store.set_rehearsal(False)
    assert compute(store).by_gate == {}
    assert desk.check_in("ZW0001").outcome is Outcome.ADMITTED


def test_override_admits_a_refused_delegate_with_the_reason_journalled(store: Store):
    door = service(store, "2023-12-06T14:00", gate="main")
    assert door.check_in("LN0002").outcome is Outcome.NOT_REGISTERED
    decision = door.override("LN0002", "speaker's guest").decision
    assert decision is not None and decision.admitted
    row = store.query_one("SELECT action, reason FROM journal WHERE id = ?", (decision.checkin_id,))
    assert tuple(row) == ("override", "speaker's guest")


def test_journal_append_is_idempotent_by_uuid(store: Store):
    entry = CheckIn(
        str(uuid.uuid4()), at("2023-12-06T08:00"), "hub", "entrance", "ZW0001", Outcome.ADMITTED, "D1"
    )
    assert store.journal.append(entry) is True
    assert store.journal.append(entry) is False
    assert store.journal.count() == 1


def test_offline_duplicates_keep_both_entries_and_count_the_person_once(store: Store):
    service(store, "2023-12-06T08:40", desk="desk-1").check_in("ZW0001")
    remote = CheckIn(str(uuid.uuid4()), at("2023-12-06T08:35"), "desk-2", "entrance", "ZW0001",
                     Outcome.ADMITTED, "D1", Action.SCAN, origin="desk-2")  # fmt: skip
    store.journal.append(remote, category="scientist")
    stats = compute(store)
    assert stats.by_gate == {"entrance": 1} and stats.offline_duplicates == 1
    assert store.journal.count() == 2
    history = store.journal.history("D1", "entrance", False)
    assert history.first_admission is not None and history.first_admission.desk == "desk-2"


def test_walkin_gets_a_new_code_and_is_admitted(store: Store):
    decision = (
        service(store)
        .register_walkin(Delegate("", "", "王芳", organization="新华社", category="press"))
        .decision
    )
    assert decision is not None and decision.admitted and decision.delegate is not None
    assert store.roster.lookup(decision.delegate.code) is not None


def test_migrations_are_named_and_applied_once(tmp_path: Path):
    store = Store(tmp_path / "m.sqlite")
    names = [r[0] for r in store.query("SELECT name FROM migrations ORDER BY name")]
    assert names == ["core-0001-roster", "core-0002-journal", "core-0003-no-category-index",
                     "core-0004-search-index", "core-0005-search-index-by-writer",
                     "core-0006-lean-journal", "core-0007-journal-how", "core-0008-occupancy",
                     "core-0009-gate-counts"]  # fmt: skip
    store.close()
    assert Store(tmp_path / "m.sqlite").migrate([("core-0001-roster", "CREATE TABLE boom (x)")]) == []


def test_the_lean_journal_keeps_every_entry_its_seq_and_its_idempotency(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    import kiosk.store.db
    import kiosk.store.journal
    from kiosk.importers.event import import_event
    from kiosk.store.schema import CORE_MIGRATIONS
    from tests.conftest import DEMO_EVENT

    path = tmp_path / "old.sqlite"
    with monkeypatch.context() as m:  # a store as it was before core-0006-lean-journal
        # (with the admissions' later column, which today's check-in writes)
        m.setattr(kiosk.store.db, "CORE_MIGRATIONS", CORE_MIGRATIONS[:5] + CORE_MIGRATIONS[7:])
        m.setattr(kiosk.store.journal, "COLUMNS", kiosk.store.journal.COLUMNS[:12])  # before core-0007
        old = Store(path)
        import_event(old, DEMO_EVENT)
        apply_delegates(old, [(2, ZHANG), (3, LI)], ImportReport(), replace=False)
        first = [service(old).check_in(c) for c in ("ZW0001", "LN0002", "ZW0001")]
        before = old.query("SELECT * FROM journal ORDER BY seq")
        old.close()
    store = Store(path)
    kept = [
        tuple(r)[:13] for r in store.query("SELECT * FROM journal ORDER BY seq")
    ]  # seq and the old columns
    assert kept == [tuple(r) for r in before]
    journal = store.query_one("SELECT sql FROM sqlite_master WHERE name = 'journal'")
    indexes = {r[0] for r in store.query("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert "AUTOINCREMENT" not in journal[0] and not indexes & {"journal_by_time", "admissions_by_time"}
    assert service(store).check_in("ZW0001").outcome is Outcome.ALREADY_CHECKED_IN
    assert [s for s, _ in store.journal.since(0)] == [1, 2, 3, 4]
    assert store.journal.append(store.journal.get(first[0].checkin_id)) is False


def test_a_store_from_before_occupancy_counts_out_who_left_through_a_pretix_exit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    import kiosk.store.db
    from kiosk.store.schema import CORE_MIGRATIONS

    path = tmp_path / "old.sqlite"
    with monkeypatch.context() as m:
        m.setattr(kiosk.store.db, "CORE_MIGRATIONS", CORE_MIGRATIONS[:7])
        old = Store(path)
        with old.transaction() as conn:
            for id_, at_, delegate, action in (("a", "09:00", "D1", "scan"), ("b", "09:00", "D2", "scan"),
                                               ("x", "10:00", "D1", "exit")):  # fmt: skip
                conn.execute(
                    "INSERT INTO journal (id, at, desk, gate, code, outcome, delegate_id, action) "
                    "VALUES (?, ?, 'd', 'p1', ?, 'admitted', ?, ?)",
                    (id_, f"2023-12-06T{at_}:00+08:00", delegate, delegate, action),
                )
            conn.execute(
                "INSERT INTO admissions VALUES ('p1', 'D1', 0, 'a', '2023-12-06T09:00:00+08:00', 'd', '', 0)"
            )
            conn.execute(
                "INSERT INTO admissions VALUES ('p1', 'D2', 0, 'b', '2023-12-06T09:00:00+08:00', 'd', '', 0)"
            )
        old.close()
    store = Store(path)
    count = store.journal.gate_count("p1", rehearsal=False)
    assert (count.admitted, count.inside) == (2, 1)


def test_stats_count_per_gate_forum_category_and_ten_minutes(store: Store):
    service(store, "2023-12-06T08:31").check_in("ZW0001")
    service(store, "2023-12-06T08:52").check_in("LN0002")
    service(store, "2023-12-06T14:00", gate="p1").check_in("LN0002")
    stats = compute(store).to_json()
    assert stats["by_gate"] == {"entrance": 2, "p1": 1}
    assert stats["by_forum"]["p1"] == {"admitted": 1, "inside": 1, "capacity": 400}
    assert stats["by_category"] == {"scientist": 1, "press": 1}
    assert [b["admitted"] for b in stats["per_10_min"]] == [1, 0, 1]


def test_code_typed_with_caps_lock_on_is_read_in_upper_case(store: Store):
    assert service(store).check_in("zw0001").outcome is Outcome.ADMITTED
