"""Commitment attributes (guide §4): the ``attributes`` stage and actor resolution."""

from .actors import resolve_actors, resolve_beneficiaries
from .commitment import CommitmentAttributes, is_conditional, strength_of

__all__ = ["CommitmentAttributes", "is_conditional", "resolve_actors", "resolve_beneficiaries", "strength_of"]
