"""The quick run (``bash scripts/test -m "not slow"``) still holds the core tests of every area."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import ROOT

# One core file per area: store and service, rules, importers, the kiosk's screens, the hub.
CORE = {
    "store": "tests/test_checkin_service.py",
    "rules": "tests/test_rules.py",
    "importers": "tests/test_roster_import.py",
    "ui": "tests/test_ui_flow.py",
    "hub": "tests/test_hub_api.py",
}
MILLION = "tests/test_search.py::test_a_million_delegates_are_searched_as_six_are"


def collected(marks: str, *paths: str) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "--collect-only", "-q", "-m", marks, *paths],
        capture_output=True, text=True, timeout=600, cwd=ROOT,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    return [line for line in result.stdout.splitlines() if "::" in line]


@pytest.mark.slow  # a pytest of its own: collecting takes seconds
def test_the_quick_run_keeps_the_core_tests_of_every_area_and_leaves_out_the_million_row_ones() -> None:
    quick = collected("not slow", *CORE.values(), "tests/test_search.py")
    for area, path in CORE.items():
        assert sum(test.startswith(path + "::") for test in quick) >= 5, (
            f"the quick run lost the {area} tests"
        )
    assert MILLION not in quick
    assert MILLION in collected("slow", "tests/test_search.py")
