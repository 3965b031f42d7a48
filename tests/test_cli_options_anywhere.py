"""Every global option works before or after the sub-command, for every sub-command that has it:
``-v`` everywhere, ``--db`` wherever a command opens the kiosk's database (the hub's commands
take the hub's own file under that name, so a kiosk --db before ``hub`` is not theirs)."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path

import pytest

from main import build_parser


def leaves(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], argparse.ArgumentParser]]:  # fmt: skip
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not subs and path:
        yield path, parser
    for action in subs:
        for name, sub in action.choices.items():
            yield from leaves(sub, (*path, name))


def positionals(parser: argparse.ArgumentParser) -> list[str]:
    """A value for each required positional argument (its first choice when it has choices)."""
    values = []
    for action in parser._actions:
        if action.option_strings or isinstance(action, argparse._SubParsersAction):
            continue
        if action.nargs in ("?", "*"):
            continue
        count = action.nargs if isinstance(action.nargs, int) else 1
        values += [str(next(iter(action.choices))) if action.choices else "x.csv"] * count
    return values


def required_options(parser: argparse.ArgumentParser) -> list[str]:
    values: list[str] = []
    for action in parser._actions:
        if action.option_strings and action.required:
            values += [action.option_strings[0], str(next(iter(action.choices))) if action.choices else "x"]
    return values


PARSER = build_parser()
COMMANDS = [(path, sub) for path, sub in leaves(PARSER)]
WITH_DB = [(p, s) for p, s in COMMANDS if "--db" in s._option_string_actions and p[0] != "hub"]


def parse(args: list[str]) -> argparse.Namespace:
    return PARSER.parse_args(args)


@pytest.mark.parametrize(("path", "sub"), WITH_DB, ids=[" ".join(p) for p, _ in WITH_DB])
def test_db_before_or_after_the_sub_command_is_the_commands_database(path, sub) -> None:  # type: ignore[no-untyped-def]
    rest = [*positionals(sub), *required_options(sub)]
    before = parse(["--db", "before.sqlite", *path, *rest])
    after = parse([*path, *rest, "--db", "after.sqlite"])
    assert (before.db, after.db) == (Path("before.sqlite"), Path("after.sqlite"))


@pytest.mark.parametrize(("path", "sub"), COMMANDS, ids=[" ".join(p) for p, _ in COMMANDS])
def test_verbose_before_or_after_any_sub_command(path, sub) -> None:  # type: ignore[no-untyped-def]
    rest = [*positionals(sub), *required_options(sub)]
    assert parse(["-v", *path, *rest]).verbose and parse([*path, *rest, "-v"]).verbose
    assert not parse([*path, *rest]).verbose


def test_every_kiosk_command_that_opens_the_database_is_covered() -> None:
    names = {" ".join(p) for p, _ in WITH_DB}
    assert {"stats", "export", "checkin", "screenshots", "roster import"} <= names


def test_the_apps_camera_index_opens_that_device(event_store) -> None:  # type: ignore[no-untyped-def]
    """``main.py --camera 2``: the app opens camera device 2 (an index, not a file named "2")."""
    import threading

    from kiosk.app.kiosk_app import KioskApp

    opened: list[object] = []
    seen = threading.Event()

    def opener(device: object) -> None:
        opened.append(device)
        seen.set()
        return None  # no such camera here: the source keeps retrying

    args = parse(["--camera", "2", "--db", str(event_store.path)])
    assert (args.camera, args.command) == ("2", None)  # the app, not a sub-command
    app = KioskApp(event_store)
    app.start_camera(args.camera, opener=opener)
    try:
        assert seen.wait(60) and opened[0] == 2
    finally:
        app.close()
