"""``servanda view``: a static site of a run's output that works opened from disk.

``build_site`` writes ``index.html`` (every document, and who committed to what across
them, from :mod:`servanda.table`), one page per document under ``docs/`` (the text with
each clause shaded by label and each entity marked, the parties and officials, a table of
the commitments, filters), and the one style sheet and script in ``assets/``.
"""

from __future__ import annotations

from .site import SiteSummary, build_site

__all__ = ["SiteSummary", "build_site"]
