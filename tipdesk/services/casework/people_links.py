"""One person across districts (issue 23): a province finds persons of two offices who
may be one, a supervisor there decides, and the decision is a link ("same person"),
never a merge of records two offices own. The link travels to both offices, which see
only the other office and its case number.

The province's check matches as the local duplicate check does (``duplicates``: same
NIK, or a similar name with a compatible birth date or age) but compares only persons
of two different offices. A full :func:`scan` cannot ask the search index once per
person (a million questions), so it reads the persons a page at a time and compares
them within blocks: persons with one NIK, and persons whose names share a blocking key
(:func:`blocking_keys`). :func:`note_new_persons` asks the indexes for the few persons
a batch brings, as the local check does.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
from array import array
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from tipdesk.domain import records as r
from tipdesk.domain.errors import NotFound, PersonLinkRefused, Problem, ValidationFailed
from tipdesk.domain.validation import validate
from tipdesk.runtime.progress import CancelCheck, Progress, stop_if_cancelled
from tipdesk.services.access import audit, permissions
from tipdesk.services.casework import duplicates
from tipdesk.services.casework.duplicates import (
    PREFIX,
    SAME_NIK,
    SIMILAR_NAME,
    ages_compatible,
    name_match,
    normal_part,
    plain_parts,
)
from tipdesk.services.session import Session, utc_now
from tipdesk.storage import listing, rows
from tipdesk.storage import people_links as store

PAGE = 50_000  # persons read at a time by a scan
# Days between two persons' (estimated) birth dates beyond which no age is compatible:
# more than BIRTH_DATES_WITHIN, and than AGES_WITHIN whole years with a year's rounding.
BIRTH_WINDOW = (duplicates.AGES_WITHIN + 2) * 366
_NAME_PAIRS_KEPT = 200_000  # name comparisons remembered during a scan
# Letters of an unlink's reason, spaces not counted: as transfers.MIN_REASON (not imported:
# the import of a batch, which calls note_new_persons, is what transfers build on).
MIN_REASON = 10
# Similar-name candidates of one person at most, as many as the local check lists: a
# name without its family name ("Maria Goreti") is alike thousands at a province.
PER_PERSON = 10
_WORDS_KEPT = 500_000  # words of names worked out once during a scan
_HEADS_KEPT = 200_000  # names' blocks worked out once during a scan, by their heads
_ENTRY_BITS = 24  # a person's position (up to 8 million) and one bit: own block or not
_ENTRY_MASK = (1 << _ENTRY_BITS) - 1
_HASH_MASK = (1 << 38) - 1  # of a block key's hash (two keys sharing one: more compared)
_SORTED_PARTS = 8  # the blocks are sorted an eighth at a time (memory)
_MOST_PARTS = 5  # a longer name is put in the blocks of at most this many of its parts


@dataclass(frozen=True)
class LinkView:
    """A link as one side sees it: the other person's office and case number only."""

    link: r.PersonLink
    other_person_id: str
    other_office_code: str
    other_office_name: str
    other_case_number: str


@dataclass(frozen=True)
class CandidateSide:
    """One person of a candidate pair, as the province holds them."""

    person: r.Person
    office_code: str
    office_name: str
    case_numbers: tuple[str, ...]  # live cases, oldest first


@dataclass(frozen=True)
class CandidatePair:
    """Two persons of two offices who may be one: why, and how alike their names are."""

    a: CandidateSide
    b: CandidateSide
    reasons: tuple[str, ...]  # same_nik and/or similar_name
    score: float  # 0..1, how alike the names are (1: the same parts)
    found_at: str


def _view(session: Session, link: r.PersonLink, person_id: str) -> LinkView:
    here_is_a = link.person_a == person_id
    other_office = link.office_b if here_is_a else link.office_a
    office = rows.get(session.db, r.Office, other_office)
    return LinkView(
        link,
        link.person_b if here_is_a else link.person_a,
        office.code if office else "",
        office.name if office else "",
        link.case_number_b if here_is_a else link.case_number_a,
    )


def links_of_person(session: Session, person_id: str) -> list[LinkView]:
    """The live links that name the person, each seen from the person's side."""
    return [
        _view(session, link, person_id) for link in store.links_of_person(session.db, person_id)
    ]


def list_links(session: Session) -> list[LinkView]:
    """Live links, oldest first: at a province every one, seen from person a; at a
    district those naming its persons, seen from its side (the other office and its
    case number only)."""
    permissions.require(session, "view_own_cases")
    if session.office.level == "province":
        return [_view(session, link, link.person_a) for link in store.live_links(session.db)]
    own = session.office.id
    return [
        _view(session, link, link.person_a if link.office_a == own else link.person_b)
        for link in store.live_links(session.db, own)
    ]


def office_codes(session: Session) -> dict[str, str]:
    """Each office's code by id (as the links name offices)."""
    return {o.id: o.code for o in rows.select(session.db, r.Office, "1 = 1")}


# --- finding candidates -----------------------------------------------------------------


def _province_only(session: Session) -> None:
    permissions.require(session, "link_persons")
    if session.office.level != "province":
        raise PersonLinkRefused(reason="province_only")


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)


def _key_part(part: str) -> str:
    # "j" read either way (Johana, Yohana), as duplicates._parts_alike compares
    return part[:PREFIX].replace("j", "y")


def blocking_keys(name: tuple[str, ...]) -> list[tuple[str, bool]]:
    """The blocks a normalised name (``duplicates.normal_name``) is compared within, each
    with whether it is the name's own block (True) or one of a shorter name it may be.

    A key is the sorted first PREFIX letters of parts (spellings folded by
    ``normal_part``, "j" as "y"; an initial is its letter). The name's own block holds
    all of its parts; it is also put in the block of every fewer (two or more) of its
    parts, where the names that lack the rest have theirs: ``name_match`` finds a name
    similar to a longer one when each of its parts is alike a part of the longer. A
    one-part name is alike only another one-part name: it has a block of its own kind.
    Not found so: a part one office wrote whole and the other as an initial, or began
    otherwise (the first letters differ past what ``normal_part`` folds)."""
    if len(name) == 1:
        return _keys_of(("1 " + _key_part(name[0]),))
    return _keys_of(tuple(sorted(_key_part(part) for part in name)))


def _keys_of(heads: tuple[str, ...]) -> list[tuple[str, bool]]:
    """The blocks of a name by its sorted heads (see ``blocking_keys``)."""
    if len(heads) == 1:
        return [(heads[0], True)] if heads[0].startswith("1 ") else []
    keys = {" ".join(heads): True}
    for size in range(2, min(len(heads), _MOST_PARTS)):
        for some in itertools.combinations(heads, size):
            keys.setdefault(" ".join(some), False)
    return list(keys.items())


class _Persons:
    """What a scan compares of each live person, in compact arrays (a million of them):
    by position, in row-number order."""

    def __init__(self, today: dt.date) -> None:
        self.today = today
        self.rowids = array("q")
        self.offices = array("H")
        self.births = array("i")  # date ordinal, 0 unknown
        self.ages = array("h")  # estimated age, -1 unknown
        self.names: list[tuple[str, ...]] = []
        self.similar = array("H")  # similar-name candidates found of each
        # Each block a person is in, as one number: the key's hash, then the position
        # and whether it is the person's own block (blocks sorted, never a dict of lists:
        # most keys have one person, and a million small lists weigh a gigabyte).
        self.memberships = array("q")
        self._office_numbers: dict[str, int] = {}
        self._words: dict[str, tuple[str, ...]] = {}
        self._keys: dict[tuple[str, ...], list[int]] = {}
        self._names: dict[tuple[str, ...], tuple[str, ...]] = {}

    def add(self, rowid: int, origin: str, full_name: str, birth: str | None, age) -> None:
        words = self._words
        normal: list[str] = []
        # A name's parts, word by word: plain_parts finds no part across a space, and
        # the same words come back all the time (a name is worked out once).
        for word in full_name.split():
            held = words.get(word)
            if held is None:
                if len(words) > _WORDS_KEPT:
                    words.clear()
                held = words[word] = tuple(normal_part(p) for p in plain_parts(word))
            normal.extend(held)
        name = tuple(normal)
        name = self._names.setdefault(name, name)  # one tuple per name: memory
        at = len(self.names)
        self.rowids.append(rowid)
        self.offices.append(self._office_numbers.setdefault(origin, len(self._office_numbers)))
        self.births.append(dt.date.fromisoformat(birth).toordinal() if birth else 0)
        self.ages.append(age if age is not None and not birth else -1)
        self.names.append(name)
        self.similar.append(0)
        if name:
            if len(name) == 1:
                heads: tuple[str, ...] = ("1 " + _key_part(name[0]),)
            else:
                heads = tuple(sorted(_key_part(part) for part in name))
            keys = self._keys.get(heads)
            if keys is None:
                if len(self._keys) > _HEADS_KEPT:
                    self._keys.clear()
                keys = self._keys[heads] = [
                    (hash(key) & _HASH_MASK) << _ENTRY_BITS | whole
                    for key, whole in _keys_of(heads)
                ]
            for key in keys:
                self.memberships.append(key | at << 1)

    def blocks(self) -> Iterator[list[int]]:
        """The members (position << 1 | own block) of each block of two or more, a part
        of the keys' hashes at a time (a block is a run of one hash, sorted)."""
        memberships = self.memberships
        for part in range(_SORTED_PARTS):
            chosen = sorted(m for m in memberships if (m >> _ENTRY_BITS) % _SORTED_PARTS == part)
            for _key, run in itertools.groupby(chosen, key=lambda m: m >> _ENTRY_BITS):
                members = [m & _ENTRY_MASK for m in run]
                if len(members) > 1:
                    yield members

    def at_rowid(self, rowid: int) -> int | None:
        at = bisect_left(self.rowids, rowid)
        return at if at < len(self.rowids) and self.rowids[at] == rowid else None

    def person(self, at: int) -> r.Person:
        birth = self.births[at]
        return r.Person(
            birth_date=dt.date.fromordinal(birth) if birth else None,
            estimated_age=self.ages[at] if self.ages[at] >= 0 else None,
        )

    def born_about(self, at: int) -> float | None:
        """The birth date's ordinal, or its estimate from the age; None if unknown."""
        if self.births[at]:
            return float(self.births[at])
        if self.ages[at] >= 0:
            return self.today.toordinal() - (self.ages[at] + 0.5) * 365.25
        return None


class _Found:
    """Pairs found, by row numbers (a < b): reasons and name score."""

    def __init__(self) -> None:
        self.pairs: dict[tuple[int, int], tuple[set[str], float]] = {}

    def add(self, a: int, b: int, reason: str, score: float) -> None:
        key = (a, b) if a < b else (b, a)
        held = self.pairs.get(key)
        if held is None:
            self.pairs[key] = ({reason}, score)
        else:
            held[0].add(reason)
            self.pairs[key] = (held[0], max(held[1], score))

    def has(self, a: int, b: int, reason: str) -> bool:
        held = self.pairs.get((a, b) if a < b else (b, a))
        return held is not None and reason in held[0]


class _Letters:
    """A bound of ``duplicates._parts_alike`` that is cheap to ask: the letters two parts
    share (difflib's quick_ratio, an upper bound of the ratio it compares with
    PART_RATIO), "j" counted as "y" as it reads them; an initial, its first letter. Never
    False for two parts it finds alike; ``name_match`` decides the pairs it lets by."""

    def __init__(self) -> None:
        self._counts: dict[str, Counter[str]] = {}

    def _of(self, part: str) -> Counter[str]:
        held = self._counts.get(part)
        if held is None:
            if len(self._counts) > _WORDS_KEPT:
                self._counts.clear()
            held = self._counts[part] = Counter(part.replace("j", "y"))
        return held

    def may_be_alike(self, p: str, q: str) -> bool:
        if len(p) == 1 or len(q) == 1:
            return p[0] == q[0]
        if p == q:
            return True
        shared = sum((self._of(p) & self._of(q)).values())
        return 2 * shared >= duplicates.PART_RATIO * (len(p) + len(q))

    def names_may_be_alike(self, a: tuple[str, ...], b: tuple[str, ...]) -> bool:
        """Each part of the shorter name may be alike a part of the longer (what
        ``name_match`` needs of a similar name)."""
        shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
        return all(any(self.may_be_alike(p, q) for q in longer) for p in shorter)


def _compare_block(
    people: _Persons,
    members: Sequence[int],
    found: _Found,
    match,
    letters: _Letters,
    today: dt.date,
) -> None:
    """Pairs of persons of two offices within one block that may be one person: the
    block's own names with each other, and with the longer names put in the block
    (``blocking_keys``); two longer names meet in a block of their own."""
    offices, names, rowids = people.offices, people.names, people.rowids
    counts = people.similar
    own = [entry >> 1 for entry in members if entry & 1]
    if not own or len({offices[entry >> 1] for entry in members}) < 2:
        return
    longer = [entry >> 1 for entry in members if not entry & 1]
    made: dict[int, r.Person] = {}

    def person(at: int) -> r.Person:
        held = made.get(at)
        if held is None:
            held = made[at] = people.person(at)
        return held

    def full(at: int, other: int) -> bool:
        return counts[at] >= PER_PERSON or counts[other] >= PER_PERSON

    def add(at: int, other: int, score: float) -> None:
        found.add(rowids[at], rowids[other], SIMILAR_NAME, score)
        counts[at] += 1
        counts[other] += 1

    def compare(at: int, other: int) -> None:
        if offices[at] == offices[other] or full(at, other):
            return
        if found.has(rowids[at], rowids[other], SIMILAR_NAME):
            return
        if not ages_compatible(person(at), person(other), today):
            return
        if not letters.names_may_be_alike(names[at], names[other]):
            return
        similar, _strong, score = match(names[at], names[other])
        if similar:
            add(at, other, score)

    # Both ages known: compatible ages first (a window over the birth dates), then names.
    known = sorted((born, at) for at in own if (born := people.born_about(at)) is not None)
    for i, (born, at) in enumerate(known):
        for later_born, other in itertools.islice(known, i + 1, None):
            if later_born - born > BIRTH_WINDOW:
                break
            compare(at, other)
    if longer and known:
        others = sorted((born, at) for at in longer if (born := people.born_about(at)) is not None)
        births = [born for born, _at in others]
        for born, at in known:
            start = bisect_left(births, born - BIRTH_WINDOW)
            for later_born, other in itertools.islice(others, start, None):
                if later_born - born > BIRTH_WINDOW:
                    break
                compare(at, other)
    # An age unknown: a strong match only, the same parts in any order (so the same
    # block, of the name's own), two parts at least.
    if len(known) < len(own):
        by_name: dict[tuple[str, ...], list[int]] = {}
        for at in own:
            if len(names[at]) >= 2:
                by_name.setdefault(tuple(sorted(names[at])), []).append(at)
        for at in own:
            if people.born_about(at) is not None:
                continue
            for other in by_name.get(tuple(sorted(names[at])), ()):
                if other == at or offices[at] == offices[other] or full(at, other):
                    continue
                if not found.has(rowids[at], rowids[other], SIMILAR_NAME):
                    add(at, other, 1.0)


def scan(
    session: Session, *, progress: Progress | None = None, cancelled: CancelCheck | None = None
) -> int:
    """Find again every pair of persons of two offices who may be one, and make them the
    review list (in one transaction; cancelled, the list is as it was). Pairs linked or
    found to be two people are left out. Returns how many pairs the list holds."""
    _province_only(session)
    db, today = session.db, session.today()
    total = store.count_live_persons(db)
    steps = 2 * total or 1
    people = _Persons(today)
    last = 0
    while True:
        stop_if_cancelled(cancelled)
        page = store.persons_page(db, last, PAGE)
        if not page:
            break
        for rowid, origin, full_name, birth, age in page:
            people.add(rowid, origin, full_name, birth, age)
        last = page[-1][0]
        if progress:
            progress(min(len(people.names), total), steps)

    found = _Found()
    match = functools.lru_cache(maxsize=_NAME_PAIRS_KEPT)(name_match)
    letters = _Letters()
    # Same NIK: the index groups them; names compared for the score (and the reason).
    for _nik, group in itertools.groupby(store.shared_niks(db), key=lambda row: row[0]):
        same = [at for _n, rowid, _o in group if (at := people.at_rowid(rowid)) is not None]
        for at, other in itertools.combinations(same, 2):
            if people.offices[at] == people.offices[other]:
                continue
            similar, strong, score = match(people.names[at], people.names[other])
            found.add(people.rowids[at], people.rowids[other], SAME_NIK, score)
            compatible = ages_compatible(people.person(at), people.person(other), today)
            if similar and (compatible or (compatible is None and strong)):
                found.add(people.rowids[at], people.rowids[other], SIMILAR_NAME, score)
    compared, entries = 0, len(people.memberships)
    for n, members in enumerate(people.blocks()):
        _compare_block(people, members, found, match, letters, today)
        compared += len(members)
        if n % 2000 == 0:
            stop_if_cancelled(cancelled)
            if progress:
                progress(total + compared * total // max(1, entries), steps)
    stop_if_cancelled(cancelled)
    pairs = _by_id(session, found)
    stop_if_cancelled(cancelled)
    with session.write() as db:
        store.replace_candidates(db, pairs, utc_now())
    if progress:
        progress(steps, steps)
    return len(pairs)


def _by_id(session: Session, found: _Found) -> list[tuple[str, str, list[str], float]]:
    """The pairs found as (a, b, reasons, score) by person id (a < b), without those
    linked or dismissed."""
    db = session.db
    ids = store.ids_of_rowids(db, {rowid for pair in found.pairs for rowid in pair})
    left_out = store.linked_pairs(db) | store.dismissed_pairs(db)
    pairs = []
    for (a, b), (reasons, score) in found.pairs.items():
        pair = _pair(ids[a], ids[b])
        if pair not in left_out:
            ordered = [x for x in (SAME_NIK, SIMILAR_NAME) if x in reasons]
            pairs.append((*pair, ordered, round(score, 4)))
    return pairs


def note_new_persons(session: Session, person_ids: Sequence[str]) -> int:
    """Add to the review list the persons of other offices who may be the persons just
    taken in (a province's import calls it inside its transaction): the local duplicate
    check's matches, through the NIK and search indexes. Returns how many pairs."""
    if session.office.level != "province":
        raise PersonLinkRefused(reason="province_only")
    db = session.db
    new = store.persons_by_id(db, person_ids)
    pairs = []
    for person in new.values():
        if person.deleted:
            continue
        name = duplicates.normal_name(person.full_name)
        for match in duplicates.find_duplicates(session, person, limit=duplicates.HITS):
            other = match.person
            if other.origin == person.origin:
                continue
            a, b = _pair(person.id, other.id)
            if store.is_dismissed(db, a, b) or store.live_link_between(db, a, b):
                continue
            score = name_match(name, duplicates.normal_name(other.full_name))[2]
            pairs.append((a, b, list(match.reasons), round(score, 4)))
    with db.atomic():
        store.add_candidates(db, pairs, utc_now())
    return len(pairs)


def count_candidates(session: Session) -> int:
    _province_only(session)
    return store.count_candidates(session.db)


def candidates(session: Session, *, limit: int = -1, offset: int = 0) -> list[CandidatePair]:
    """The review list, best first (same NIK, then the closest names): both persons as
    the province holds them, their offices and case numbers."""
    _province_only(session)
    db = session.db
    found = store.candidate_rows(db, limit=limit, offset=offset)
    ids = [pid for row in found for pid in (row["person_a"], row["person_b"])]
    persons = store.persons_by_id(db, ids)
    numbers = listing.case_numbers_of(db, ids)
    offices = {o.id: o for o in rows.select(db, r.Office, "1 = 1")}

    def side(person_id: str) -> CandidateSide:
        person = persons[person_id]
        office = offices.get(person.origin)
        return CandidateSide(
            person,
            office.code if office else "",
            office.name if office else "",
            tuple(numbers.get(person_id, [])),
        )

    return [
        CandidatePair(
            side(row["person_a"]),
            side(row["person_b"]),
            tuple(row["reasons"]),
            row["score"],
            row["found_at"],
        )
        for row in found
        if row["person_a"] in persons and row["person_b"] in persons
    ]


# --- decisions --------------------------------------------------------------------------


def person_id_of(session: Session, number: str) -> str:
    """The person of a case number or a register number (or a person id)."""
    found = store.person_id_by_number(session.db, number.strip())
    if found is None and rows.get(session.db, r.Person, number.strip()) is not None:
        found = number.strip()
    if found is None:
        raise NotFound(what="case", key=number)
    return found


def _two_live_persons(session: Session, a: str, b: str) -> tuple[r.Person, r.Person]:
    if a == b:
        raise PersonLinkRefused(reason="same_person")
    persons = store.persons_by_id(session.db, [a, b])
    if a not in persons or b not in persons or persons[a].deleted or persons[b].deleted:
        raise PersonLinkRefused(reason="not_live")
    return persons[a], persons[b]


def _codes(session: Session, *office_ids: str) -> list[str]:
    found = []
    for office_id in office_ids:
        office = rows.get(session.db, r.Office, office_id)
        found.append(office.code if office else "")
    return found


def _latest_case_number(session: Session, person_id: str) -> str:
    numbers = listing.case_numbers_of(session.db, [person_id]).get(person_id, [])
    return numbers[-1] if numbers else ""


def link(session: Session, person_a: str, person_b: str, note: str = "") -> r.PersonLink:
    """Record that two persons of two offices are one ("same person"): a link, which
    travels to both offices; the pair leaves the review list."""
    _province_only(session)
    a, b = _pair(person_a, person_b)
    first, second = _two_live_persons(session, a, b)
    if first.origin == second.origin:
        raise PersonLinkRefused(reason="same_office")
    db = session.db
    if store.live_link_between(db, a, b) is not None:
        raise PersonLinkRefused(reason="already_linked")
    held = store.candidate(db, a, b)
    today = session.today()
    made = r.PersonLink(
        person_a=a,
        person_b=b,
        office_a=first.origin,
        office_b=second.origin,
        case_number_a=_latest_case_number(session, a),
        case_number_b=_latest_case_number(session, b),
        reasons=list(held["reasons"]) if held else [],
        linked_on=today,
        linked_by=session.user.username,
        note=note.strip(),
    )
    errors = [p for p in validate(made, today=today) if p.severity == "error"]
    if errors:
        raise ValidationFailed(errors)
    with session.write() as db:
        made.id, made.origin = session.new_id(), session.office.id
        rows.insert(db, made, session.stamp)
        store.remove_candidate(db, a, b)
        audit.record(
            session,
            "persons_linked",
            entity="person_links",
            record_id=made.id,
            detail={"offices": _codes(session, made.office_a, made.office_b)},
        )
    return made


def unlink(session: Session, link_id: str, reason: str) -> r.PersonLink:
    """Remove a link (it travels as a deletion), with a reason."""
    _province_only(session)
    found = rows.get(session.db, r.PersonLink, link_id)
    if found is None or found.deleted:
        raise NotFound(what="person_link", key=link_id)
    if not reason.strip():
        raise ValidationFailed([Problem("reason", "required")])
    if len(reason.replace(" ", "")) < MIN_REASON:
        raise ValidationFailed(
            [Problem("reason", "too_short", params={"minimum": str(MIN_REASON)})]
        )
    with session.write() as db:
        rows.soft_delete(db, found, session.stamp)
        # The reason is asked for, not kept: it is free text about two persons.
        audit.record(
            session,
            "persons_unlinked",
            entity="person_links",
            record_id=found.id,
            detail={"offices": _codes(session, found.office_a, found.office_b)},
        )
    return found


def dismiss(session: Session, person_a: str, person_b: str) -> None:
    """Record that two persons are two people: the pair leaves the review list and is
    not proposed again."""
    _province_only(session)
    a, b = _pair(person_a, person_b)
    first, second = _two_live_persons(session, a, b)
    with session.write() as db:
        store.dismiss(db, a, b, at=utc_now(), by=session.user.username)
        store.remove_candidate(db, a, b)
        audit.record(
            session,
            "duplicates_dismissed",
            entity="persons",
            detail={"offices": _codes(session, first.origin, second.origin)},
        )
