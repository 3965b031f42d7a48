"""The self-service screen in every state a guest sees, for the screenshots (any window size).

``GUEST_SHOTS`` names them; ``shoot(shooter)`` walks them in order on a real window and returns
the PNGs. Names carry the size unless it is the standard 1280x800 (``selfservice-idle-zh.png``,
``selfservice-idle-1080x1920-zh.png``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kiosk.app.flow import Mode, State
from kiosk.app.intake import CodeSource
from kiosk.names import syllables

GUEST_SHOTS = ("selfservice-idle", "selfservice-admitted", "selfservice-reprinted", "selfservice-done", "selfservice-refused",
               "selfservice-unknown", "selfservice-search", "selfservice-confirm", "selfservice-desk",
               "selfservice-other-language")  # fmt: skip
# The three outcome looks, for the colour-blind check: welcome, done, see staff.
LOOK_SHOTS = {"welcome": "selfservice-admitted", "done": "selfservice-done", "staff": "selfservice-refused"}


def _screen(shooter: Any) -> Any:
    return shooter.window.screens[Mode.SELFSERVICE]


def _hold(shooter: Any) -> None:
    """Keep the result up while it is photographed (a welcome leaves after 3 s)."""
    _screen(shooter).dismiss_timer.stop()


def shoot(shooter: Any) -> list[Path]:
    flow = shooter.context.app.flow
    screen = _screen(shooter)
    shots = [shooter.save("selfservice-idle")]
    guest = shooter.pick(lambda d: d.active and d.name_en == "" and shooter.forum.id in d.forums
                   and len(d.forums) >= 2)  # fmt: skip
    shooter.decide(guest.code)
    _hold(shooter)
    shots.append(shooter.save("selfservice-admitted"))
    shooter.decide(guest.code)  # the pass did not come out: the re-scan reprints it, once
    _hold(shooter)
    shots.append(shooter.save("selfservice-reprinted"))
    shooter.decide(guest.code)
    _hold(shooter)
    shots.append(shooter.save("selfservice-done"))
    refused = shooter.pick(lambda d: not d.active)
    shooter.decide(refused.code)
    _hold(shooter)
    shots.append(shooter.save("selfservice-refused"))
    shooter.decide("NO-SUCH-BADGE")
    _hold(shooter)
    shots.append(shooter.save("selfservice-unknown"))
    flow.fire("reset", "screenshot")
    flow.fire("search", "screenshot")
    searched = shooter.pick(lambda d: d.active and len(d.name) == 3 and d.phone != "")
    parts = syllables(searched.name)
    screen.search.type_text(parts[0] + parts[1][:1])
    shooter.wait(lambda: screen.search.results.count() > 0)
    assert flow.state is State.SEARCH
    shots.append(shooter.save("selfservice-search"))
    screen.search.picked.emit(searched)
    wrong = "0000" if not searched.phone.endswith("0000") else "1111"
    screen.confirm.confirmed.emit(wrong)
    for digit in searched.phone[-4:-2]:
        screen.confirm.keypad.typed.emit(digit)
    shots.append(shooter.save("selfservice-confirm"))
    screen.confirm.entered = ""
    screen.confirm.confirmed.emit(wrong)
    screen.confirm.confirmed.emit(wrong)
    assert flow.state is State.SEND_TO_DESK
    _hold(shooter)
    shots.append(shooter.save("selfservice-desk"))
    flow.fire("reset", "screenshot")
    screen.language_toggle.click()
    shots.append(shooter.save("selfservice-other-language"))
    flow.fire("reset", "screenshot")
    return shots


__all__ = ["CodeSource", "GUEST_SHOTS", "LOOK_SHOTS", "shoot"]
