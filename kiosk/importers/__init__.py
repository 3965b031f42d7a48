"""Roster and event files in, validated rows out, applied in one transaction."""
