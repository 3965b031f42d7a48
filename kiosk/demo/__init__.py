"""The built-in demo and synthetic data: the demo event and roster, sample passes, synthetic badge
images and the badge video that stands in for a camera, and the demo's working folder."""

from kiosk.demo.roster import DEMO_EVENT, generate_roster, setup_demo, write_roster_csv

__all__ = ["DEMO_EVENT", "generate_roster", "setup_demo", "write_roster_csv"]
