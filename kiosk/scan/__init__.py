"""Scanning: frame sources, QR decoding, one decision per presentation, USB scanners.

No Qt here; the UI subscribes to ``ScanPipeline.results``.
"""
