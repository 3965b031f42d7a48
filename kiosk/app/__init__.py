"""The application layer: what the screens drive, with no Qt (see docs/architecture.md)."""
