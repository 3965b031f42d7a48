"""Pass layouts as data: the stock and geometry of each pass, read from resources/layouts/*.json."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.errors import KioskError

LAYOUT_DIR = Path(__file__).resolve().parents[2] / "resources" / "layouts"
DEFAULT_LAYOUT = "thermal-80"
LAYOUT_SETTING = "settings.layout"  # the stock the admin picked, shared by the app and the CLI
FONT_ROLES = ("event", "name", "latin", "organization", "title", "heading", "forum", "when", "meta")
ARRANGEMENTS = ("stack", "side")


class LayoutError(KioskError):
    """A layout file is missing or malformed."""


@dataclass(frozen=True, slots=True)
class PassLayout:
    """One stock: its page (a ``height_mm`` of None grows with the content) and its geometry.

    ``printable_width_mm`` is what a raster printer can reach (an 80 mm roll prints 72 mm);
    a raster of this layout is that wide and centred on the paper.
    """

    name: str
    title: dict[str, str]
    width_mm: float
    height_mm: float | None
    min_height_mm: float
    printable_width_mm: float
    margin_mm: float
    dpi: int
    monochrome: bool
    arrangement: str
    band_mm: float
    qr_mm: float
    min_qr_mm: float
    forum_columns: int
    fonts: dict[str, float]
    min_name_pt: float
    min_scale: float
    max_scale: float = 1.0  # a fixed card with room to spare grows its text up to this

    @property
    def grows(self) -> bool:
        return self.height_mm is None

    def title_in(self, language: str) -> str:
        return self.title.get("zh" if language.startswith("zh") else "en", self.name)


def _number(data: dict[str, Any], key: str, where: str, low: float, high: float) -> float:
    value = data.get(key)
    if not isinstance(value, int | float) or isinstance(value, bool) or not low <= value <= high:
        raise LayoutError(f"layout {where}: {key} must be a number between {low} and {high}")
    return float(value)


def parse_layout(data: dict[str, Any], where: str = "?") -> PassLayout:
    """Validate one layout document; every problem is one readable line."""
    try:
        page = data["page"]
        fonts = data["fonts"]
    except (KeyError, TypeError) as exc:
        raise LayoutError(f"layout {where}: missing {exc}") from exc
    width = _number(page, "width_mm", where, 20, 400)
    height = None if page.get("height_mm") is None else _number(page, "height_mm", where, 20, 2000)
    missing = [r for r in FONT_ROLES if r not in fonts]
    if missing:
        raise LayoutError(f"layout {where}: fonts lacks {', '.join(missing)}")
    if data.get("arrangement") not in ARRANGEMENTS:
        raise LayoutError(f"layout {where}: arrangement must be one of {', '.join(ARRANGEMENTS)}")
    layout = PassLayout(
        name=str(data.get("name") or where),
        title=dict(data.get("title") or {}),
        width_mm=width,
        height_mm=height,
        min_height_mm=_number(page, "min_height_mm", where, 10, 2000),
        printable_width_mm=_number(page, "printable_width_mm", where, 10, width),
        margin_mm=_number(page, "margin_mm", where, 0, width / 4),
        dpi=int(_number(data, "dpi", where, 72, 1200)),
        monochrome=bool(data.get("monochrome", False)),
        arrangement=str(data["arrangement"]),
        band_mm=_number(data, "band_mm", where, 0, 50),
        qr_mm=_number(data, "qr_mm", where, 8, 100),
        min_qr_mm=_number(data, "min_qr_mm", where, 8, 100),
        forum_columns=int(_number(data, "forum_columns", where, 1, 4)),
        fonts={r: _number(fonts, r, where, 3, 96) for r in FONT_ROLES},
        min_name_pt=_number(data, "min_name_pt", where, 3, 96),
        min_scale=_number(data, "min_scale", where, 0.1, 1),
        max_scale=_number({"max_scale": 1.0, **data}, "max_scale", where, 1, 2),
    )
    if layout.margin_mm * 2 < width - layout.printable_width_mm:
        raise LayoutError(f"layout {where}: margin_mm is smaller than the unprintable edge")
    return layout


def layout_names(directory: Path = LAYOUT_DIR) -> list[str]:
    return sorted(p.stem for p in directory.glob("*.json"))


def load_layout(name_or_path: str | Path = DEFAULT_LAYOUT, directory: Path = LAYOUT_DIR) -> PassLayout:
    """A bundled layout by name (``thermal-80``), or a JSON file by path."""
    path = Path(name_or_path)
    if path.suffix != ".json":
        path = directory / f"{name_or_path}.json"
    if not path.is_file():
        raise LayoutError(
            f"no pass layout {str(name_or_path)!r}: choose one of {', '.join(layout_names(directory))}"
        )
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise LayoutError(f"layout {path.name}: not readable JSON ({exc})") from exc
    return parse_layout(data, path.stem)
