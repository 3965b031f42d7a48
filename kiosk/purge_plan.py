"""What the purge does with every text column of the kiosk's tables: one declaration.

Each column is ``BLANK`` (personal: emptied; free text typed by people counts, since it may
name someone), ``KEEP`` (ids, codes, times, states: what the statistics need) or ``REBUILT``
(derived from blanked columns and rebuilt after them); the tables in ``DELETED`` lose all
their rows. ``meta`` is a key/value table: the keys
in ``PERSONAL_META`` are emptied. A column missing here stops the purge (``unclassified``)
and fails ``tests/test_purge_files.py``, so a new table cannot be forgotten.
"""

from __future__ import annotations

from typing import Final

from kiosk.model import DELEGATE_FIELDS, PERSONAL_FIELDS

BLANK: Final = "blank"
KEEP: Final = "keep"
REBUILT: Final = "rebuilt"
KEYED: Final = "keyed"  # meta.value: by key, see PERSONAL_META

# Delegates' columns: the personal ones as the model declares them, plus the search text.
_PERSONAL_DELEGATE = (*PERSONAL_FIELDS, "search")
_OTHER_DELEGATE = (*(name for name in DELEGATE_FIELDS if name not in PERSONAL_FIELDS), "updated_at")

COLUMNS: dict[str, dict[str, str]] = {
    "migrations": {"name": KEEP, "applied_at": KEEP},
    "meta": {"key": KEEP, "value": KEYED},
    "event": dict.fromkeys(
        ("id", "name_zh", "name_en", "starts_at", "ends_at", "timezone", "city", "theme_zh", "theme_en"), KEEP
    ),  # fmt: skip
    "forums": dict.fromkeys(("id", "name_zh", "name_en", "kind", "hall", "starts_at", "ends_at"), KEEP),
    "categories": dict.fromkeys(("id", "name_zh", "name_en", "color"), KEEP),
    "delegates": dict.fromkeys(_PERSONAL_DELEGATE, BLANK) | dict.fromkeys(_OTHER_DELEGATE, KEEP),
    "badges": dict.fromkeys(("code", "delegate_id", "status", "kind", "issued_at"), KEEP),
    "admissions": dict.fromkeys(("gate", "delegate_id", "checkin_id", "at", "desk", "category"), KEEP),
    "gate_counts": {"gate": KEEP},
    "journal": dict.fromkeys(("reason", "operator"), BLANK)
    | dict.fromkeys(
        ("id", "at", "desk", "gate", "code", "outcome", "delegate_id", "action", "voids", "origin", "how"),
        KEEP,
    ),  # fmt: skip
    "search_pairs": {"pair": REBUILT},
    "trusted_keys": dict.fromkeys(("key_id", "event_id", "added_at"), KEEP),
    "pretix_positions": dict.fromkeys(
        ("order_code", "delegate_id", "secret", "order_status", "valid_from", "valid_until"), KEEP
    ),  # fmt: skip
    "pretix_secrets": {"secret": KEEP},
    "pretix_checkins": {"type": KEEP, "at": KEEP},
    "pretix_revoked": {"secret": KEEP},
    "pretix_blocked": {"secret": KEEP},
    "pretix_uploads": {"checkin_id": KEEP, "status": KEEP, "reason": BLANK, "answered_at": KEEP},
}
# Tables whose rows all go: the print queue holds each pass's content (name, organisation) and
# the reprint reasons; nothing counts from it once the event is over.
DELETED = ("print_jobs", "print_log")
PERSONAL_META = ("settings.operator",)  # a volunteer's name
EMPTY = {"notes": "{}"}  # what a blanked column holds, where "" would not parse


def is_text(declared_type: str) -> bool:
    """SQLite's affinity rule: a declared type with CHAR, CLOB or TEXT (or none) holds text."""
    kind = declared_type.upper()
    return not kind or any(word in kind for word in ("CHAR", "CLOB", "TEXT"))


def skipped(table: str) -> bool:
    """SQLite's own tables and the search index's (rebuilt from the blanked delegates)."""
    return table.startswith("sqlite_") or table == "search_index" or table.startswith("search_index_")
