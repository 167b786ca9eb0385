"""Is this person already in the register? Same NIK, or a similar name with a compatible age.

Names are compared after normalising what varies between two writings of one name:
accents, case and spacing, doubled letters, a final ``y`` for ``i`` (Sity, Siti) and the
pre-1972 spelling (Djuariah, Juariah; Soejono, Suyono). Candidates come from the full-text
index (prefixes of each name part, in every spelling) and the NIK index, never from
reading every person.
"""

from __future__ import annotations

import datetime as dt
import difflib
import itertools
import re
import unicodedata
from dataclasses import dataclass

from tipdesk.domain.records import Person, age_of
from tipdesk.services.session import Session
from tipdesk.storage import cases as case_store
from tipdesk.storage import listing as store

SAME_NIK = "same_nik"
SIMILAR_NAME = "similar_name"

# Old spelling (before EYD, 1972) -> today's. "j" was today's "y", but a lone "j" is read
# the old way only in a word that shows another old spelling, as "Djuariah" or "Soejono"
# do: today "Juariah" and "Johana" are written with a "j" of their own.
_OLD_MARKS = re.compile(r"dj|tj|oe|nj|sj|ch")
_OLD_TO_NEW = {"dj": "j", "tj": "c", "oe": "u", "nj": "ny", "sj": "sy", "ch": "kh", "j": "y"}
_OLD_LETTERS = re.compile("|".join(_OLD_TO_NEW))  # "dj" is tried before "j"
_NEW_TO_OLD = {
    "j": ("dj",),
    "c": ("tj",),
    "u": ("oe",),
    "ny": ("nj",),
    "sy": ("sj",),
    "kh": ("ch",),
    "y": ("j",),
}

PART_RATIO = 0.85  # difflib ratio of one name part against another
BIRTH_DATES_WITHIN = dt.timedelta(days=2 * 365 + 1)
AGES_WITHIN = 3
PREFIX = 3  # name parts are looked up by their first letters, this many
HITS = 1000  # full-text hits compared at most


@dataclass(frozen=True)
class DuplicateCandidate:
    person: Person
    case_numbers: tuple[str, ...]
    reasons: tuple[str, ...]  # "same_nik" and/or "similar_name"


def plain_parts(name: str) -> list[str]:
    """Lowercase name parts without accents or punctuation: ``María  Goretti`` ->
    ``["maria", "goretti"]``."""
    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    return re.findall(r"[^\W\d_]+", bare)


def normal_part(part: str) -> str:
    """One plain name part in today's spelling, doubled letters single, final y as i."""
    if _OLD_MARKS.search(part):
        part = _OLD_LETTERS.sub(lambda m: _OLD_TO_NEW[m.group()], part)
    part = re.sub(r"(.)\1+", r"\1", part)
    return re.sub(r"y(?![aeiou])", "i", part)


def normal_name(name: str) -> tuple[str, ...]:
    return tuple(normal_part(p) for p in plain_parts(name))


def _parts_alike(p: str, q: str) -> bool:
    # An initial (Maria G. Bria) stands for any part with that first letter.
    if len(p) == 1 or len(q) == 1:
        return p[0] == q[0]
    # "j" read either way (Johana, Yohana) when comparing, never when normalising.
    return (
        p == q
        or p.replace("j", "y") == q.replace("j", "y")
        or difflib.SequenceMatcher(None, p, q).ratio() >= PART_RATIO
    )


def name_match(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[bool, bool, float]:
    """``(similar, strong, score)`` of two normalised names.

    Strong: the same parts in any order, at least two of them (one given name, shared by
    many, is not enough to match without an age). Similar: every part of the shorter name
    is alike a part of the longer, so a family name may be missing from one of them; a
    one-part name is alike only another one-part name. The score ranks similar names.
    """
    if not a or not b:
        return False, False, 0.0
    score = difflib.SequenceMatcher(None, " ".join(sorted(a)), " ".join(sorted(b))).ratio()
    if sorted(a) == sorted(b):
        return True, len(a) >= 2, 1.0
    shorter, longer = sorted((a, b), key=len)
    if len(shorter) == 1:
        return len(longer) == 1 and _parts_alike(a[0], b[0]), False, score
    similar = all(any(_parts_alike(p, q) for q in longer) for p in shorter)
    return similar, False, score


def ages_compatible(a: Person, b: Person, today: dt.date) -> bool | None:
    """True or False when both ages are known (birth date or estimate), None otherwise."""
    if a.birth_date and b.birth_date:
        return abs(a.birth_date - b.birth_date) <= BIRTH_DATES_WITHIN
    age_a, age_b = age_of(a, today), age_of(b, today)
    if age_a is None or age_b is None:
        return None
    return abs(age_a - age_b) <= AGES_WITHIN


def _old_spellings(head: str) -> set[str]:
    """Every way ``head`` (today's spelling) may have been written, old or new."""
    if not head:
        return {""}
    found = {head[0] + rest for rest in _old_spellings(head[1:])}
    for new, olds in _NEW_TO_OLD.items():
        if head.startswith(new):
            tails = _old_spellings(head[len(new) :])
            found |= {old + rest for old in olds for rest in tails}
    return found


def _prefixes(part: str) -> set[str]:
    """Prefixes under which the index may hold a spelling of this name part."""
    normal = normal_part(part)
    heads = {part[: PREFIX + 1], normal[: PREFIX + 1]}
    heads |= {"y" + h[1:] for h in heads if h.startswith("j")}  # Johana, Yohana
    forms = set()
    for head in heads:
        for form in _old_spellings(head):
            forms.add(form)
            # A letter written double (Anna, Ana) changes a short prefix.
            forms |= {
                form[: i + 1] + form[i] + form[i + 1 :] for i in range(min(PREFIX - 1, len(form)))
            }
    return {f[:PREFIX] for f in forms if len(f[:PREFIX]) >= 2}


def _match_expression(parts: list[str]) -> str | None:
    """FTS5 query on names: every part (or, for three parts or more, any two of them)."""
    groups = []
    for part in parts:
        prefixes = _prefixes(part)
        if prefixes:
            groups.append("(" + " OR ".join(f'"{p}"*' for p in sorted(prefixes)) + ")")
    if not groups:
        return None
    if len(groups) <= 2:
        return "names : (" + " AND ".join(groups) + ")"
    pairs = [f"({a} AND {b})" for a, b in itertools.combinations(groups, 2)]
    return "names : (" + " OR ".join(pairs) + ")"


def find_duplicates(
    session: Session, person: Person, *, limit: int = 10
) -> list[DuplicateCandidate]:
    """Persons who may be ``person``: same NIK first, then the closest names."""
    db, today = session.db, session.today()
    reasons: dict[str, set[str]] = {}
    scores: dict[str, tuple[bool, float]] = {}
    people: dict[str, Person] = {}
    nik = person.nik.strip()
    if nik:
        for other in case_store.persons_with_nik(db, nik):
            if other.id != person.id:
                people[other.id] = other
                reasons.setdefault(other.id, set()).add(SAME_NIK)
    name = normal_name(person.full_name)
    expression = _match_expression(plain_parts(person.full_name))
    if expression:
        for other in store.persons_matching(db, expression, exclude_id=person.id, limit=HITS):
            similar, strong, score = name_match(name, normal_name(other.full_name))
            if not similar:
                continue
            compatible = ages_compatible(person, other, today)
            if compatible or (compatible is None and strong):
                people[other.id] = other
                reasons.setdefault(other.id, set()).add(SIMILAR_NAME)
                scores[other.id] = (strong, score)
    ranked = sorted(
        people,
        key=lambda pid: (
            SAME_NIK not in reasons[pid],
            not scores.get(pid, (False, 0.0))[0],
            -scores.get(pid, (False, 0.0))[1],
            people[pid].register_number,
        ),
    )[: max(0, limit)]
    numbers = store.case_numbers_of(db, ranked)
    return [
        DuplicateCandidate(
            person=people[pid],
            case_numbers=tuple(numbers.get(pid, [])),
            reasons=tuple(x for x in (SAME_NIK, SIMILAR_NAME) if x in reasons[pid]),
        )
        for pid in ranked
    ]
