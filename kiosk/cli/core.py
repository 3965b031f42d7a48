"""Core sub-commands: event, roster, checkin, search, stats, export, void, rehearsal."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk.cli.badges import register_event_trust
from kiosk.cli.common import add_clock, add_db, clock_from, print_json, store_from
from kiosk.errors import KioskError, NoEventError
from kiosk.messages import explain
from kiosk.model import Decision, Delegate, How

if TYPE_CHECKING:
    from kiosk.importers.apply import ImportReport


def delegate_json(delegate: Delegate | None) -> dict[str, Any] | None:
    return delegate.to_json() if delegate else None


def decision_json(decision: Decision, timezone: str) -> dict[str, Any]:
    first = decision.first_checkin
    return {
        "outcome": str(decision.outcome),
        "message": explain(decision, "en", timezone),
        "delegate": delegate_json(decision.delegate),
        "checkin_id": decision.checkin_id,
        "first_checkin": first.to_json() if first else None,
        "reentry": decision.reentry,
        "via_signature": decision.via_signature,
        "gate": decision.gate,
        "reason": decision.reason,
        "flags": list(decision.flags),
        "code_kind": str(decision.code_kind) if decision.code_kind else None,
    }


def _event_import(args: argparse.Namespace) -> int:
    from kiosk.importers.event import import_event

    event, forums, categories = import_event(store_from(args, create=True), args.file)
    print(f"event {event.id}: {len(forums)} forums, {len(categories)} categories")
    return 0


def _roster_import(args: argparse.Namespace) -> int:
    from kiosk.importers.apply import import_roster

    store = store_from(args)
    if store.roster.event() is None:
        raise NoEventError()  # else every row would be refused for an unknown category
    report = import_roster(store, args.file, replace=args.replace, dry_run=args.dry_run)
    return print_import_report(report, args.json, shown=PREVIEW_ROWS if args.dry_run else None)


PREVIEW_ROWS = 20  # rejected rows and warnings a --dry-run lists


def print_import_report(report: ImportReport, as_json: bool, shown: int | None = None) -> int:
    """A roster import's report, as JSON or as lines with the rejected rows and the warnings (the
    first ``shown`` of each); returns the exit code (a dry run's: the one the import would have)."""
    if as_json:
        print_json(report.to_json())
        return report.exit_code
    if report.error:
        print(f"error: {report.error}", file=sys.stderr)
        return report.exit_code
    verbs = ("would import", "update", "cancel") if report.dry_run else ("imported", "updated", "revoked")
    counts = [
        f"{verbs[0]} {report.imported}",
        f"{verbs[1]} {report.updated}",
        f"unchanged {report.unchanged}",
    ]
    if report.revoked or report.dry_run:
        counts.append(f"{verbs[2]} {report.revoked}")
    counts.append(f"rejected {len(report.rejected)}")
    if report.warnings:
        counts.append(f"warnings {len(report.warnings)}")
    print("preview, nothing was written: " * report.dry_run + ", ".join(counts))
    for kind, rows in (("", report.rejected), ("warning: ", report.warnings)):
        for row in rows[:shown]:
            where = f"line {row.line}" if row.line else "file"
            print(f"  {where}: {kind}{row.message} ({row.reason})")
        if shown is not None and len(rows) > shown:
            print(f"  … {len(rows) - shown} more {'warnings' if kind else 'rejected rows'}")
    return report.exit_code


def _service(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from kiosk.service import CheckinService

    store = store_from(args)
    event = store.roster.event()
    clock = clock_from(args, event.timezone if event else "Asia/Shanghai")
    return CheckinService(store, clock, desk=getattr(args, "desk", None) or "cli", gate=args.gate)


def _checkin(args: argparse.Namespace) -> int:
    service = _service(args)
    decision = service.check_in(args.code, How.TYPED)
    if args.json:
        print_json(decision_json(decision, service.event.timezone))
    else:
        who = decision.delegate.name if decision.delegate else "-"
        print(f"{decision.outcome}: {who} — {explain(decision, 'en', service.event.timezone)}")
    return 0 if decision.admitted else 1


def _search(args: argparse.Namespace) -> int:
    from kiosk.search import SearchIndex

    found = SearchIndex(store_from(args)).search(args.query, limit=args.limit)
    if args.json:
        print_json([d.to_json() for d in found])
    else:
        for d in found:
            print(f"{d.id}\t{d.name}\t{d.name_en}\t{d.organization}\t{d.category}")
    return 0


def _stats(args: argparse.Namespace) -> int:
    from kiosk.stats import compute
    from kiosk.store.health import ensure_intact

    store = store_from(args)
    ensure_intact(store)  # a report from a damaged file would look whole and be wrong
    stats = compute(store)
    if args.json:
        print_json(stats.to_json())
        return 0
    print("admitted per gate:", ", ".join(f"{g} {n}" for g, n in stats.by_gate.items()) or "none")
    for forum, value in stats.by_forum.items():
        print(
            f"  {forum}: {value['admitted']} admitted, {value['inside']} in the room / {value['capacity'] or '-'}"
        )
    print("per category:", ", ".join(f"{c} {n}" for c, n in stats.by_category.items()) or "none")
    print("entrance, by how:", ", ".join(f"{h} {n}" for h, n in stats.by_how.items()) or "none")
    for bucket in stats.per_10_min:
        print(f"  {bucket['start']}  {bucket['admitted']}")
    return 0


def _export(args: argparse.Namespace) -> int:
    from kiosk.export import export_journal

    count = export_journal(store_from(args), args.file)
    print(f"exported {count} journal entries to {args.file}")
    return 0


def _void(args: argparse.Namespace) -> int:
    if not args.reason.strip():
        raise KioskError("a void needs a reason (--reason)")
    service = _service(args)
    changes = service.void(args.checkin_id, args.reason)
    assert changes.entry is not None
    print(f"voided {args.checkin_id} ({changes.entry.id})")
    return 0


def _rehearsal(args: argparse.Namespace) -> int:
    store = store_from(args)
    if args.state is not None:
        store.set_rehearsal(args.state == "on")
    print(f"rehearsal {'on' if store.rehearsal else 'off'}")
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    event = subparsers.add_parser("event", help="the event, its forums and categories")
    event_sub = event.add_subparsers(dest="event_command", metavar="ACTION", required=True)
    p = event_sub.add_parser("import", help="install an event file (JSON)")
    p.add_argument("file", type=Path, help="the event file, e.g. resources/demo_event.json")
    add_db(p)
    p.set_defaults(func=_event_import)
    register_event_trust(event_sub)

    roster = subparsers.add_parser("roster", help="the delegates")
    roster_sub = roster.add_subparsers(dest="roster_command", metavar="ACTION", required=True)
    p = roster_sub.add_parser("import", help="import a roster file (CSV in UTF-8/GBK, or XLSX)")
    p.add_argument("file", type=Path, help="CSV (UTF-8, UTF-8 with BOM or GBK) or XLSX, one delegate a row")
    p.add_argument("--replace", action="store_true", help="the file is the whole roster: revoke the rest")
    p.add_argument("--dry-run", action="store_true", help="preview: count what the import would change and "
                   "list the first rejected rows and warnings; write nothing")  # fmt: skip
    p.add_argument("--json", action="store_true", help="print the report as one JSON object")
    add_db(p)
    p.set_defaults(func=_roster_import)

    p = subparsers.add_parser(
        "checkin",
        help="decide on one code, as if scanned (exit 0 admitted, 1 refused, 2 usage or input error)",
        epilog="exit codes: 0 admitted, 1 refused (the outcome says why), 2 usage or input error",
    )
    p.add_argument("code", help="the badge code (opaque token or signed code)")
    p.add_argument("--gate", default="entrance", help="entrance (default) or a forum id")
    p.add_argument("--desk", default="cli", help="desk name written to the journal (default cli)")
    p.add_argument("--json", action="store_true", help="print the decision as one JSON object")
    add_db(p)
    add_clock(p)
    p.set_defaults(func=_checkin)

    p = subparsers.add_parser("search", help="find delegates by name, pinyin, initials, org, phone tail")
    p.add_argument("query", help="a name, pinyin, initials, organisation or the last 4 phone digits")
    p.add_argument("--limit", type=int, default=20, help="at most this many delegates (default 20)")
    p.add_argument("--json", action="store_true", help="print the delegates as one JSON list")
    add_db(p)
    p.set_defaults(func=_search)

    p = subparsers.add_parser("stats", help="arrivals per gate, forum, category, 10 minutes")
    p.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    add_db(p)
    p.set_defaults(func=_stats)

    p = subparsers.add_parser("export", help="export the journal to FILE.csv or FILE.xlsx")
    p.add_argument("file", type=Path, help="FILE.csv (UTF-8 with BOM) or FILE.xlsx, in an existing folder")
    add_db(p)
    p.set_defaults(func=_export)

    p = subparsers.add_parser("void", help="cancel a check-in made by mistake")
    p.add_argument("checkin_id", help="the checkin_id of an admission (checkin --json prints it)")
    p.add_argument("--reason", required=True, help="why, written to the journal")
    p.add_argument("--gate", default="entrance", help="entrance (default) or a forum id")
    p.add_argument("--desk", default="cli", help="desk name written to the journal (default cli)")
    add_db(p)
    add_clock(p)
    p.set_defaults(func=_void)

    p = subparsers.add_parser("rehearsal", help="rehearsal mode: check-ins that never count")
    p.add_argument("state", nargs="?", choices=["on", "off"], help="turn it on or off (default: say which)")
    add_db(p)
    p.set_defaults(func=_rehearsal)
