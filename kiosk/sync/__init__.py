"""Sync with the hub: roster delta pull, journal push (an outbox), other desks' check-ins pull.

See docs/sync.md. ``SyncWorker`` runs it in the background; ``sync_once`` is one pass.
"""
