"""Where the kiosk keeps its files when nobody says otherwise, named by the product (never by argv[0]).

data_folder()       $XDG_DATA_HOME/forum-kiosk (on Linux ~/.local/share/forum-kiosk)
default_db_path()   $KIOSK_DB, else data_folder()/kiosk.sqlite: the app's, the CLI's and sync's
demo_folder()       data_folder()/demo: the demo's roster template, badge video and runs
passes_folder()     data_folder()/passes (demo: demo/passes): PDF passes, kept between runs
demo_video()        the demo's badge video (made by the first ``--demo`` or ``scan --demo``)
"""

from __future__ import annotations

import os
from pathlib import Path

PRODUCT = "forum-kiosk"


def data_folder() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir(PRODUCT, appauthor=False))


def default_db_path() -> Path:
    env = os.environ.get("KIOSK_DB")
    return Path(env) if env else data_folder() / "kiosk.sqlite"


def demo_folder() -> Path:
    return data_folder() / "demo"


def passes_folder(demo: bool = False) -> Path:
    return (demo_folder() if demo else data_folder()) / "passes"


def demo_video() -> Path:
    from kiosk.demo.workspace import VIDEO_NAME

    return demo_folder() / VIDEO_NAME
