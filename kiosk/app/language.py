"""The two operator languages and how any spelling of them is read."""

from __future__ import annotations


def normalize_language(code: str) -> str:
    """zh, zh-CN, zh_CN -> zh_CN; anything else -> en."""
    return "zh_CN" if (code or "").lower().replace("-", "_").startswith("zh") else "en"
