"""Entity recognition (guide §5–6) and party resolution (guide §4–5).

Stages:

- :class:`EntityRecognizer` (``entities``): states, organisations, institutions and
  officials with document offsets and canonical ids;
- :class:`PartyResolver` (``parties``): the document's parties, and PARTY labels on
  their mentions.
"""

from .parties.resolver import PartyResolver, find_parties
from .recognizer import EntityRecognizer

__all__ = ["EntityRecognizer", "PartyResolver", "find_parties"]
