"""pretix's check-in rules (JsonLogic), evaluated offline over what the kiosk knows.

Supported: ``and or ! !! if == != === !== < > <= >=`` (and the three-argument ``<``/``<=``),
``var`` of ``now product variation now_isoweekday entries_number entries_today entries_days
minutes_since_last_entry minutes_since_first_entry entry_status``, ``buildTime`` (``custom
customtime date_from date_to date_admission``), ``isAfter isBefore`` with tolerance, ``inList
objectList lookup`` and ``entries_since entries_before entries_days_since entries_days_before``.
Anything else (``gate``, plugin operators) raises ``UnsupportedRule``: the caller decides what
that means (see docs/pretix.md).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo


class UnsupportedRule(Exception):
    """The rules use something this kiosk cannot evaluate offline."""


@dataclass(frozen=True, slots=True)
class Entry:
    type: str  # entry | exit
    at: datetime


@dataclass(frozen=True, slots=True)
class RuleContext:
    now: datetime
    product: int
    variation: int | None
    entries: tuple[Entry, ...]  # this ticket's check-ins on this list, any order
    timezone: str
    date_from: datetime
    date_to: datetime | None = None
    date_admission: datetime | None = None

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def _entries(self) -> list[datetime]:
        return sorted(e.at for e in self.entries if e.type == "entry")

    def count_since(self, cutoff: datetime) -> int:
        return sum(1 for at in self._entries() if at >= cutoff)

    def count_before(self, cutoff: datetime) -> int:
        return sum(1 for at in self._entries() if at < cutoff)

    def days(self, keep: Callable[[datetime], bool] = lambda _: True) -> int:
        return len({at.astimezone(self.zone).date() for at in self._entries() if keep(at)})

    def var(self, name: str) -> Any:
        entries = self._entries()
        if name == "now":
            return self.now
        if name == "product":
            return self.product
        if name == "variation":
            return self.variation
        if name == "now_isoweekday":
            return self.now.astimezone(self.zone).isoweekday()
        if name == "entries_number":
            return len(entries)
        if name == "entries_today":
            midnight = self.now.astimezone(self.zone).replace(hour=0, minute=0, second=0, microsecond=0)
            return self.count_since(midnight)
        if name == "entries_days":
            return self.days()
        if name in ("minutes_since_last_entry", "minutes_since_first_entry"):
            if not entries:
                return -1
            at = entries[-1] if name == "minutes_since_last_entry" else entries[0]
            return (self.now - at).total_seconds() // 60
        if name == "entry_status":
            ordered = sorted(self.entries, key=lambda e: e.at)
            return "present" if ordered and ordered[-1].type == "entry" else "absent"
        raise UnsupportedRule(f"variable {name!r}")

    def build_time(self, kind: str, value: str | None = None) -> datetime:
        if kind == "custom" and value:
            return _parse(value, self.zone)
        if kind == "customtime" and value:
            t = datetime.strptime(value[:8], "%H:%M:%S" if len(value) >= 8 else "%H:%M").time()
            return self.now.astimezone(self.zone).replace(hour=t.hour, minute=t.minute, second=t.second,
                                                          microsecond=0)  # fmt: skip
        if kind == "date_from":
            return self.date_from
        if kind == "date_to":
            return self.date_to or self.date_from
        if kind == "date_admission":
            return self.date_admission or self.date_from
        raise UnsupportedRule(f"buildTime {kind!r}")


def _parse(text: str, zone: ZoneInfo) -> datetime:
    value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return value if value.tzinfo else value.replace(tzinfo=zone)


def _before(t1: datetime, t2: datetime, tolerance: object = None) -> bool:
    return t1 < t2 + timedelta(minutes=float(tolerance)) if tolerance else t1 < t2  # type: ignore[arg-type]


def _compare(op: str, values: list[Any]) -> bool:
    check = {"<": lambda a, b: a < b, "<=": lambda a, b: a <= b, ">": lambda a, b: a > b,
             ">=": lambda a, b: a >= b}[op]  # fmt: skip
    if len(values) == 3 and op in ("<", "<="):
        return check(values[0], values[1]) and check(values[1], values[2])
    return check(values[0], values[1])


def evaluate(rule: Any, ctx: RuleContext) -> Any:
    """The value of a JsonLogic rule; raises UnsupportedRule for what is not supported."""
    if isinstance(rule, list):
        return [evaluate(r, ctx) for r in rule]
    if not isinstance(rule, dict) or not rule:
        return rule
    if len(rule) != 1:
        raise UnsupportedRule("a rule object with several operators")
    ((op, raw),) = rule.items()
    args = raw if isinstance(raw, list) else [raw]
    if op == "and":
        return all(bool(evaluate(a, ctx)) for a in args)  # short-circuits like JsonLogic's truthiness
    if op == "or":
        return any(bool(evaluate(a, ctx)) for a in args)
    if op == "if":
        for i in range(0, len(args) - 1, 2):
            if evaluate(args[i], ctx):
                return evaluate(args[i + 1], ctx)
        return evaluate(args[-1], ctx) if len(args) % 2 else None
    values = [evaluate(a, ctx) for a in args]
    if op == "var":
        return ctx.var(str(values[0]))
    if op == "!":
        return not values[0]
    if op == "!!":
        return bool(values[0])
    if op in ("==", "==="):
        return values[0] == values[1]
    if op in ("!=", "!=="):
        return values[0] != values[1]
    if op in ("<", "<=", ">", ">="):
        return _compare(op, values)
    if op == "objectList":
        return values
    if op == "lookup":
        return int(values[1])
    if op == "inList":
        return values[0] in values[1]
    if op == "buildTime":
        return ctx.build_time(*values[:2])
    if op == "isBefore":
        return _before(values[0], values[1], values[2] if len(values) > 2 else None)
    if op == "isAfter":
        return _before(values[1], values[0], values[2] if len(values) > 2 else None)
    if op == "entries_since":
        return ctx.count_since(values[0])
    if op == "entries_before":
        return ctx.count_before(values[0])
    if op == "entries_days_since":
        return ctx.days(lambda at: at >= values[0])
    if op == "entries_days_before":
        return ctx.days(lambda at: at < values[0])
    raise UnsupportedRule(f"operator {op!r}")


def failed_kind(rules: Any, ctx: RuleContext) -> str:
    """What a failing rule is about, for the kiosk's outcome: ``too_early``, ``too_late``,
    ``entries`` or ``other`` (the first failing part of a top-level ``and``)."""
    parts = rules.get("and") if isinstance(rules, dict) else None
    for part in parts if isinstance(parts, list) else [rules]:
        if evaluate(part, ctx):
            continue
        text = str(part)
        if "entries" in text or "minutes_since" in text:
            return "entries"
        if "isAfter" in text:
            return "too_early"
        if "isBefore" in text:
            return "too_late"
        return "other"
    return "other"
