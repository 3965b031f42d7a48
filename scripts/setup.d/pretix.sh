#!/usr/bin/env bash
# Installs pretix (PyPI, version pinned in tests/pretix_server.py) into a cached venv outside the
# repository (~/.cache/forum-kiosk/pretix-VERSION/, or $KIOSK_PRETIX_CACHE) and migrates an empty
# SQLite database there once, for the tests that check in against a real pretix.
# The first run on a machine takes 5-15 minutes; later runs return at once. Needs no root.
set -euo pipefail
cd "$(dirname "$0")/../.."
.venv/bin/python -m tests.pretix_server prepare
