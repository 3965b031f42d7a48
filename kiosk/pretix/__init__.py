"""pretix as the registration system: connect, mirror its roster, decide offline like pretix, upload.

See docs/pretix.md. No Qt here; ``kiosk.cli.pretix`` holds the sub-commands.
"""
