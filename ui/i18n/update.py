"""Regenerate resources/i18n/zh_CN.ts and en.ts from the source, filled from the glossaries.

    python -m ui.i18n.update          # rewrite the .ts files, list untranslated strings
    python -m ui.i18n.update --check  # exit 1 if any string has no translation

pyside6-lupdate collects every ``tr("...")`` / ``translate(ctx, "...")`` in ui/**/*.py;
each message is then filled from ``resources/i18n/glossary/*.tsv`` (lines
``English source<TAB>中文翻译``, ``\\n`` for a line break). For en the translation is
the source itself. Each engineer keeps the glossary file of their own modules.
"""

from __future__ import annotations

import argparse
import logging
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
I18N = ROOT / "resources" / "i18n"
GLOSSARY = I18N / "glossary"
LANGUAGES = ("zh_CN", "en")

log = logging.getLogger(__name__)


def lupdate() -> str:
    local = Path(sys.executable).parent / "pyside6-lupdate"
    return str(local) if local.exists() else (shutil.which("pyside6-lupdate") or "pyside6-lupdate")


def sources() -> list[Path]:
    return sorted(p for p in (ROOT / "ui").rglob("*.py") if "__pycache__" not in p.parts)


def load_glossary(folder: Path = GLOSSARY) -> dict[str, str]:
    glossary: dict[str, str] = {}
    for path in sorted(folder.glob("*.tsv")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip() or line.startswith("#"):
                continue
            if "\t" not in line:
                log.warning("%s:%d: no TAB between source and translation", path.name, number)
                continue
            source, translation = line.split("\t", 1)
            glossary[source.replace("\\n", "\n")] = translation.strip().replace("\\n", "\n")
    return glossary


def collect(target: Path) -> None:
    """Run lupdate over the ui sources into ``target`` (a .ts file)."""
    with tempfile.NamedTemporaryFile("w", suffix=".lst", delete=False) as listing:
        listing.write("\n".join(str(p) for p in sources()))
    try:
        subprocess.run([lupdate(), "-silent", "-no-obsolete", "-locations", "none", f"@{listing.name}",
                        "-ts", str(target)], check=True)  # fmt: skip
    finally:
        Path(listing.name).unlink(missing_ok=True)


def fill(ts: Path, language: str, glossary: dict[str, str]) -> list[tuple[str, str]]:
    """Fill every message of ``ts`` in place; returns the (context, source) left untranslated."""
    tree = ET.parse(ts)
    root = tree.getroot()
    root.set("language", language)
    missing = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            if translation is None:
                translation = ET.SubElement(message, "translation")
            text = source if language == "en" else glossary.get(source)
            if text:
                translation.text = text
                translation.attrib.pop("type", None)
            else:
                translation.text = None
                translation.set("type", "unfinished")
                missing.append((name, source))
    ET.indent(tree)
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return missing


def update(out_dir: Path = I18N) -> dict[str, list[tuple[str, str]]]:
    glossary = load_glossary()
    out_dir.mkdir(parents=True, exist_ok=True)
    report = {}
    for language in LANGUAGES:
        ts = out_dir / f"{language}.ts"
        ts.unlink(missing_ok=True)  # regenerate from scratch: no stale messages
        collect(ts)
        report[language] = fill(ts, language, glossary)
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="do not rewrite; fail on untranslated strings")
    args = parser.parse_args(argv)
    if args.check:
        with tempfile.TemporaryDirectory() as tmp:
            report = update(Path(tmp))
    else:
        report = update()
    bad = 0
    for language, missing in report.items():
        for context, source in missing:
            sys.stdout.write(f"{language}: untranslated [{context}] {source!r}\n")
        bad += len(missing)
    sys.stdout.write(f"{bad} untranslated string(s)\n")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
