"""Telling a damaged UTF-8 file from a GBK one, so neither becomes mojibake.

A UTF-8 file with one stray byte does not decode as UTF-8, but it does decode as GB18030, which
accepts almost any byte sequence: 张伟 would be stored as 寮犱紵 without a word. A file that
declares UTF-8 (a BOM), or whose characters beyond ASCII are overwhelmingly valid UTF-8, is
UTF-8 with damage: it is refused with the lines of the bad bytes. Read in 1 MB chunks.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from kiosk.errors import RosterFileError

SHOWN_LINES = 10
UTF8_EVIDENCE = 5  # valid non-ASCII UTF-8 characters per bad byte that make a file UTF-8


def refuse_damaged_utf8(path: Path, declared: bool) -> None:
    """Raise RosterFileError naming the lines with invalid UTF-8 when the file is UTF-8 with
    damage (``declared``: it starts with a UTF-8 BOM); return when it is some other encoding."""
    decoder = codecs.getincrementaldecoder("utf-8")(errors="surrogateescape")
    good = bad = 0
    line = 1
    lines: list[int] = []
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            text = decoder.decode(chunk)
            for piece_number, piece in enumerate(text.split("\n")):
                if piece_number:
                    line += 1
                if piece.isascii():
                    continue
                errors = sum(1 for c in piece if "\udc80" <= c <= "\udcff")
                good += sum(1 for c in piece if ord(c) > 0x7F) - errors
                if errors:
                    bad += errors
                    if not lines or lines[-1] != line:
                        lines.append(line)
    if not bad or not (declared or good >= UTF8_EVIDENCE * bad):
        return
    shown = ", ".join(str(n) for n in lines[:SHOWN_LINES]) + (" …" if len(lines) > SHOWN_LINES else "")
    why = "starts as UTF-8 (a byte-order mark)" if declared else "is UTF-8"
    raise RosterFileError(
        f"{path.name} {why} but has bytes that are not UTF-8 on line{'s' * (len(lines) > 1)} {shown}: "
        "fix them, or save the file again as UTF-8"
    )
