"""pretix's check-in rules offline: the parts a real pretix cannot show in the conformance table."""

from __future__ import annotations

from datetime import datetime, timedelta

from kiosk.model import Outcome
from kiosk.pretix.decide import RULES_NOT_CHECKED, CheckinList, EventTimes, Ticket, decide, outcome_of
from kiosk.pretix.rules import Entry, RuleContext, evaluate

DAY = datetime.fromisoformat("2026-12-06T10:00:00+08:00")
TIMES = EventTimes("Asia/Shanghai", DAY.replace(hour=8))
TICKET = Ticket("abc", item=3, variation=1, position_id=1)


def _list(rules: dict) -> CheckinList:
    return CheckinList(1, "door", "door", allow_multiple_entries=True, rules=rules)


def test_a_rule_this_kiosk_cannot_evaluate_admits_with_a_flag_for_the_desk():
    verdict = decide([TICKET], _list({"==": [{"var": "gate"}, 4]}), lambda _: (), TIMES, DAY)
    assert verdict.ok and verdict.flags == (RULES_NOT_CHECKED,)


def test_other_refusals_still_apply_when_the_rules_cannot_be_evaluated():
    unpaid = Ticket("abc", item=3, position_id=1, order_status="n")
    verdict = decide([unpaid], _list({"plugin_rule": [1]}), lambda _: (), TIMES, DAY)
    assert (verdict.reason, verdict.flags) == ("unpaid", ())


def test_entries_today_counts_only_entries_since_midnight_in_the_event_timezone():
    yesterday = Entry("entry", DAY - timedelta(days=1))
    today = Entry("entry", DAY.replace(hour=0, minute=30))
    rule = {"<": [{"var": "entries_today"}, 1]}
    verdict = decide([TICKET], _list(rule), lambda _: (yesterday, today), TIMES, DAY)
    assert verdict.reason == "rules" and outcome_of(verdict) is Outcome.ALREADY_CHECKED_IN
    assert decide([TICKET], _list(rule), lambda _: (yesterday,), TIMES, DAY).ok


def test_a_time_window_refusal_says_too_early_or_too_late():
    opens = {"isAfter": [{"var": "now"}, {"buildTime": ["customtime", "13:30"]}, None]}
    closes = {"isBefore": [{"var": "now"}, {"buildTime": ["date_from"]}, 30]}
    early = decide([TICKET], _list({"and": [opens]}), lambda _: (), TIMES, DAY)
    late = decide([TICKET], _list({"and": [closes]}), lambda _: (), TIMES, DAY)
    assert (outcome_of(early), outcome_of(late)) == (Outcome.TOO_EARLY, Outcome.TOO_LATE)


def test_product_variation_and_weekday_rules_evaluate_like_jsonlogic():
    ctx = RuleContext(DAY, 3, 1, (), "Asia/Shanghai", DAY)
    rule = {"and": [{"inList": [{"var": "product"}, {"objectList": [{"lookup": ["product", "3", "x"]}]}]},
                    {"==": [{"var": "variation"}, 1]}, {"==": [{"var": "now_isoweekday"}, 7]},
                    {"<": [0, {"var": "minutes_since_last_entry"}, 5]}]}  # fmt: skip
    assert evaluate(rule["and"][:3], ctx) == [True, True, True]  # 2026-12-06 is a Sunday
    assert evaluate(rule, ctx) is False  # no entry yet: -1 minutes


def test_exit_is_allowed_and_reentry_follows_the_list():
    once = CheckinList(1, "entrance", "entrance", allow_multiple_entries=False, allow_entry_after_exit=False)
    inside = (Entry("entry", DAY - timedelta(hours=1)),)
    assert decide([TICKET], once, lambda _: inside, TIMES, DAY).reason == "already_redeemed"
    assert decide([TICKET], once, lambda _: inside, TIMES, DAY, kind="exit").ok
    back = (*inside, Entry("exit", DAY - timedelta(minutes=30)))
    assert decide([TICKET], once, lambda _: back, TIMES, DAY).reason == "already_redeemed"
    after_exit = CheckinList(1, "entrance", "entrance", allow_entry_after_exit=True)
    assert decide([TICKET], after_exit, lambda _: back, TIMES, DAY).ok
