"""Headless sub-commands of ``python main.py``. Nothing on these paths imports Qt."""
