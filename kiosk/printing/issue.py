"""A delegate's pass as the check-in service sees the event now: the one way passes are built."""

from __future__ import annotations

from kiosk.model import Delegate
from kiosk.printing.content import PassContent, build_content
from kiosk.service import CheckinService


def pass_content(service: CheckinService, delegate: Delegate, language: str, code: str = "") -> PassContent:
    """The pass of ``delegate`` issued now at this desk; ``language`` is the kiosk's (zh | en)."""
    return build_content(
        delegate, service.event, service.forums, service.categories, service.clock.now(), service.desk,
        language, code or delegate.code,
    )  # fmt: skip
