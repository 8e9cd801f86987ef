"""Which of the states and organisations a document names are its parties.

Evidence is read in the order a treaty analyst would trust it, and the first source
that names at least two parties decides:

1. the preamble's definition ("Ukraine and the Republic of Albania (hereinafter
   referred to as “the Participants”)");
2. an opening list of names ("The Republic of Finland and the Republic of Estonia,",
   "Turkey and Estonia establish a free trade area");
3. the title ("AGREEMENT BETWEEN THE REPUBLIC OF INDIA AND THE REPUBLIC OF SINGAPORE");
4. an operative formula ("We, the Minister of Defence of A, … of B … declare");
5. the signature blocks ("For the Republic of Albania:");
6. in news, the headline or first sentence about an instrument ("Косово, Албанія та
   Хорватія підписали тристоронню декларацію");
7. "between X and Y" phrases anywhere in the text;
8. failing all these, the states the text names most often.

States named inside an institution ("For the Ministry of Defence of the Republic of
Albania") count as evidence: the ministry acts for the state. Where the definition or
the title joins a name that holds no known state or organisation ("між … та Північним
інвестиційним банком"), that party gets a coined id (coined.py).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Optional

from ...records import Document
from ...stages import Stage
from ..columns import column_signatures
from ..latin_names import add_latin_originals
from ..uk.titles import FOREIGN_LOCAL_TITLE
from .affiliations import (
    BY_CONSENT,
    head_signing_the_bodys_act,
    institutions_for,
    officials_acting_for,
    officials_by_side,
    officials_of_party_bodies,
    officials_of_the_local_party,
    private_company_staff,
    signatories_of_header_parties,
    staff_of_the_institutions_act,
)
from .instrument import (
    from_agreeing_lead_in,
    from_definition,
    from_in_person_formula,
    from_member_states,
    from_named_list,
    from_operative_formula,
    from_parts,
    from_party_list,
    from_signatories,
    from_signatures,
    from_title,
)
from .issuers import (
    from_court_ruling,
    from_issuer,
    from_organ_act_text,
    from_organisation_act,
    from_statement_author,
    from_submission,
)
from .mentions import (
    LOCAL_BODY_SUFFIXES,
    MIN_PARTIES,
    MentionIndex,
    add_bare_body_mentions,
    add_coined_mentions,
    add_head_noun_mentions,
    as_parties,
    is_org,
    is_state_id,
    one_body_coined_once,
    unique_ids,
)
from .opening import ukrainian_report
from .reports import from_between, from_cities_between, from_frequency, from_news_instrument, from_twinning
from .signings import from_signing_sentence, from_signing_sides, further_signings

# Evidence that lists the parties one by one, to which the formula may add the bloc and the other side.
LISTING_SOURCES = ("definition", "named-list", "party-list")


class PartyResolver(Stage):
    """Stage: ``Document.parties`` (sorted ids) and PARTY labels on their mentions; the
    officials of a state's own act, where nothing else gives their affiliation, are that
    state's."""

    name = "parties"
    requires = frozenset({"entities", "clauses"})
    provides = frozenset({"parties"})

    @property
    def version(self) -> str:
        return "party-evidence-178"

    def process(self, doc: Document) -> Document:
        mentions = MentionIndex(doc)
        parties, source = find_parties(doc, mentions)
        parties = one_body_coined_once(parties, mentions)
        doc.parties = sorted(parties)
        doc.meta["parties_source"] = source
        add_coined_mentions(doc, [c for c in mentions.coined if c.id in parties])
        for body in [p for p in parties if p.endswith(LOCAL_BODY_SUFFIXES)]:
            add_bare_body_mentions(doc, body)  # "облдержадміністрації": the party administration
        institutions = institutions_for(doc, parties)  # one lookup for the three rules that ask
        # before the local titles: "За Місто Тарту / Мер / …"
        signatories_of_header_parties(doc, parties, institutions)
        officials_of_the_local_party(doc, parties)
        head_signing_the_bodys_act(doc, parties, source)
        staff_of_the_institutions_act(doc, parties, source)
        for ent in doc.entities:
            if ent.label in ("STATE", "ORG", "PARTY") and ent.id:
                ent.label = "PARTY" if ent.id in parties else ("ORG" if is_org(ent) else "STATE")
            elif (
                ent.label == "OFFICIAL"
                and ent.affiliation is None
                and source == "issuer"
                and len(parties) == 1
                and not (BY_CONSENT.search(ent.role or "") and not is_state_id(parties[0]))
                and not FOREIGN_LOCAL_TITLE.search(ent.role or "")
            ):
                # a state's own act names its officials ("Заступник Голови В. М. Сисюк"); a member
                # "(за згодою)" of a local body's act is named from outside that body, and a
                # foreign city's mayor ("на запрошення мера міста Кошице") is its guest
                ent.affiliation = parties[0]
        # before the rules that place officials: "Від Союзу документ підписав …" names the side
        add_head_noun_mentions(doc, [p for p in parties if not is_state_id(p)])
        officials_of_party_bodies(doc, [p for p in parties if not is_state_id(p)])
        officials_acting_for(doc, parties, institutions)
        officials_by_side(doc, parties, institutions)
        column_signatures(doc, institutions)  # last: read down its columns, a block undoes what reading across gave
        private_company_staff(doc, parties)
        add_latin_originals(doc)  # after every rule that places an official: it copies theirs
        return doc


def find_parties(doc: Document, mentions: Optional[MentionIndex] = None) -> tuple[list[str], str]:
    """The party ids and the name of the evidence that gave them; the parties whose ids
    were coined are in ``mentions.coined``."""
    mentions = mentions or MentionIndex(doc)
    sources: Sequence[tuple[str, Callable[[Document, MentionIndex], list[str]]]] = (
        ("in-person", from_in_person_formula),
        ("definition", from_definition),
        ("named-list", from_named_list),
        ("signatories", from_signatories),
        ("party-list", from_party_list),
        ("title", from_title),
        ("operative-formula", from_operative_formula),
        ("parts", from_parts),
        ("signatures", from_signatures),
        ("signing-sides", from_signing_sides),
        ("twinning", from_twinning),
        ("news-instrument", from_news_instrument),
        ("signing-sentence", from_signing_sentence),
        ("between", from_between),
        ("cities-between", from_cities_between),
        ("frequency", from_frequency),
    )
    for name, single_author in SINGLE_AUTHOR_SOURCES:
        found = single_author(doc, mentions)
        if found or (found is not None and name in DECIDED_WHEN_EMPTY):
            return found, name
    if ukrainian_report(doc):
        # a Ukrainian report: who met or signed, as its opening says, before any list
        first = ("definition", "named-list", "signing-sides", "twinning", "news-instrument")
        sources = sorted(sources, key=lambda source: first.index(source[0]) if source[0] in first else len(first))
    for name, source in sources:
        ids = as_parties(source(doc, mentions))
        if len(ids) >= MIN_PARTIES:
            wider = as_parties(from_agreeing_lead_in(doc, mentions))
            if name not in STRONG_SOURCES and set(ids) < set(wider):
                # a title or the most-named states may be two of three participants ("Foreign
                # Secretary and the foreign ministers of Ukraine and Poland"); the lead-in that
                # says who agreed names all of them
                return wider, "agreeing-lead-in"
            if name in REPORT_SOURCES:
                further = further_signings(doc, mentions, ids)
                if further:
                    # (the Commission that signs a further instrument for the EU is the EU)
                    return as_parties(ids + further), f"{name}+further-signings"
            if name in LISTING_SOURCES:
                sides = from_parts(doc, mentions, members_only=True)
                if sides and not set(sides) <= set(ids):
                    # "THE KINGDOM OF BELGIUM, …, hereinafter referred to as the Member States":
                    # the list names the member states, the formula the Community and the other side
                    return unique_ids(ids + sides), f"{name}+parts"
            return ids, name
    return [], "none"


# Texts with one author or about one act decide by it, before any list: an organ's own act, a
# decree's issuer, a statement's author, the members a body stands for, a submission, a court's
# ruling, an organisation's act. A submission or a ruling that names no party (None: no such
# text) still decides: its parties are none.
SINGLE_AUTHOR_SOURCES: Sequence[tuple[str, Callable[[Document, MentionIndex], Optional[list[str]]]]] = (
    ("organ-act-text", lambda doc, _: from_organ_act_text(doc)),
    ("issuer", from_issuer),
    ("statement-author", from_statement_author),
    ("member-states", from_member_states),
    ("submission", from_submission),
    ("court-ruling", from_court_ruling),
    ("organisation-act", from_organisation_act),
)
DECIDED_WHEN_EMPTY = ("submission", "court-ruling")
# Evidence that names the parties as such: never widened by an opening lead-in.
STRONG_SOURCES = ("issuer", "definition", "named-list", "signatories", "party-list", "signatures")
# Sources that read a report's opening: a report may go on to further instruments.
REPORT_SOURCES = ("news-instrument", "signing-sentence", "signing-sides")
