"""What the desktop app lists: cases and referrals a page at a time, the dashboard, the
workers to assign, and a case's history.

Sorting, filtering and paging happen in SQL (``storage/listing.py``), so a list over a
large register costs one page, not the register.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from tipdesk.domain import records as r
from tipdesk.domain import row_check
from tipdesk.domain.clock import parse_rev
from tipdesk.domain.errors import NotFound
from tipdesk.domain.validation import CLOSED_STATUSES
from tipdesk.domain.vocab import CASE_STATUS
from tipdesk.services.access import permissions
from tipdesk.services.session import Session
from tipdesk.storage import cases as case_store
from tipdesk.storage import journey as journey_store
from tipdesk.storage import listing as store
from tipdesk.storage import local, rows, search


@dataclass(frozen=True)
class CaseFilter:
    text: str = ""  # free text, FTS (names, aliases, numbers, places, notes)
    statuses: tuple[str, ...] = ()  # case status codes; () = all
    worker: str = ""  # assigned_to username; "" = all
    exploitation_type: str = ""  # one exploitation code; "" = all
    opened_from: dt.date | None = None  # inclusive
    opened_to: dt.date | None = None  # inclusive
    office: str = ""  # id of the office the case came from; "" = all


SORT_KEYS: tuple[str, ...] = (
    "case_number",
    "register_number",
    "name",
    "sex",
    "age",
    "exploitation",
    "status",
    "worker",
    "updated_at",
    "follow_up_on",
    "office",
    "person",
)
# Blank values (no sex, age or follow-up date) sort first ascending and last descending.
# "person": a person's cases together, the first opened first (persons by name).

OPEN_STATUSES: tuple[str, ...] = tuple(c for c in CASE_STATUS.codes() if c not in CLOSED_STATUSES)


@dataclass(frozen=True)
class CaseRow:
    rid: int
    case_number: str
    register_number: str
    full_name: str
    initials: str  # records.initials(full_name)
    sex: str  # code
    age: int | None  # age today (birth date, else estimated age)
    exploitation_types: tuple[str, ...]
    status: str
    assigned_to: str
    updated_at: str  # ISO UTC of the case row
    follow_up_on: dt.date | None
    office_code: str = ""  # code of the office the case came from (cases.origin)
    person_id: str = ""
    # Fields of the row whose stored value cannot be read (they show blank) or is out of
    # bounds, for the list to mark the case (records.unreadable_fields).
    unreadable: tuple[str, ...] = ()


def _scoped(session: Session, flt: CaseFilter) -> store.CaseQuery:
    """The filter as a query limited to what the user may list: a case worker their own
    cases; an analyst every case but no free-text search (it would probe names)."""
    if permissions.allowed(session, "view_deidentified"):
        if flt.text:
            permissions.require(session, "search_cases")
        return _query(flt, **_incident(session, flt.text))
    permissions.require(session, "view_own_cases")
    return _query(flt, owner=permissions.owner_filter(session), **_incident(session, flt.text))


def incident_of(session: Session, text: str) -> str:
    """The id of the incident whose number ``text`` is (``kup-kj-2026-0001`` too), or "":
    a search for an incident's number lists the cases that name it."""
    number = text.strip().upper()
    if "-" not in number or " " in number:
        return ""
    incident = journey_store.incident_by_number(session.db, number)
    return incident.id if incident is not None else ""


def _incident(session: Session, text: str) -> dict[str, Any]:
    incident = incident_of(session, text)
    return {"incident": incident, "match": None} if incident else {}


def _deidentified(row: CaseRow) -> CaseRow:
    return dataclasses.replace(row, full_name="", initials="", register_number="", person_id="")


def _tiers(query: store.CaseQuery, flt: CaseFilter) -> list[store.CaseQuery]:
    """The query as the list shows it: the exact hits of a search, then the cases it finds
    only by forgiving spelling (Lidia for "lidya"), each part in the order asked for."""
    fuzzy = search.fuzzy_only(flt.text) if query.match else None
    if fuzzy is None:
        return [query]
    return [query, dataclasses.replace(query, match=fuzzy)]


def _query(flt: CaseFilter, **extra: Any) -> store.CaseQuery:
    extra.setdefault("match", search.match_expression(flt.text) if flt.text else None)
    return store.CaseQuery(
        statuses=tuple(flt.statuses),
        worker=flt.worker,
        exploitation_type=flt.exploitation_type,
        opened_from=flt.opened_from,
        opened_to=flt.opened_to,
        office=flt.office,
        **extra,
    )


def _case_row(row: dict, today: dt.date) -> CaseRow:
    values, unreadable = search.read_list_row(row)
    birth = values["birth_date"]
    age = r.age_on(birth, today) if birth else values["estimated_age"]
    return CaseRow(
        rid=row["rid"],
        case_number=values["case_number"],
        register_number=values["register_number"],
        full_name=values["full_name"],
        initials=r.initials(values["full_name"]),
        sex=values["sex"] or "",
        age=age,
        exploitation_types=tuple(values["exploitation_types"]),
        status=values["status"] or "",
        assigned_to=values["assigned_to"],
        updated_at=row["updated_at"],
        follow_up_on=values["follow_up_on"],
        office_code=row.get("office_code") or "",
        person_id=row.get("person_id") or "",
        unreadable=unreadable,
    )


def _page(
    session: Session,
    query: store.CaseQuery,
    *,
    sort: str,
    descending: bool,
    offset: int,
    limit: int,
    today: dt.date | None = None,
) -> list[CaseRow]:
    if limit <= 0:
        return []
    today = today or session.today()
    rids = store.case_page(
        session.db,
        query,
        sort=sort,
        descending=descending,
        offset=max(0, offset),
        limit=limit,
        today=today,
    )
    return [_case_row(row, today) for row in store.case_rows(session.db, rids)]


def count_cases(session: Session, flt: CaseFilter, *, at_most: int | None = None) -> int:
    """How many cases ``list_cases`` lists; with ``at_most``, counting stops there (a
    count of ``at_most`` means "at least that many": a province's list counts its first
    page's worth of a million cases in milliseconds, not all of them)."""
    total = 0
    for query in _tiers(_scoped(session, flt), flt):
        left = None if at_most is None else at_most - total
        if left is not None and left <= 0:
            break
        total += store.count_cases(session.db, query, at_most=left)
    return total


def _tiered_page(
    session: Session,
    flt: CaseFilter,
    query: store.CaseQuery,
    *,
    sort: str,
    descending: bool,
    offset: int,
    limit: int,
) -> list[CaseRow]:
    """A page across the tiers of a search: exact hits, then the forgiving ones."""
    tiers = _tiers(query, flt)
    if len(tiers) == 1:
        return _page(session, query, sort=sort, descending=descending, offset=offset, limit=limit)
    found: list[CaseRow] = []
    offset = max(0, offset)
    for i, tier in enumerate(tiers):
        if len(found) >= limit:
            break
        page = _page(
            session, tier, sort=sort, descending=descending, offset=offset, limit=limit - len(found)
        )
        found += page
        if i + 1 < len(tiers):
            # the next tier starts where this one's rows run out
            offset = 0 if page else max(0, offset - store.count_cases(session.db, tier))
    return found


def list_cases(
    session: Session,
    flt: CaseFilter,
    *,
    sort: str = "updated_at",
    descending: bool = True,
    offset: int = 0,
    limit: int = 100,
) -> list[CaseRow]:
    """One page of live cases; ties in the sort key are ordered by ``rid`` (sex and age:
    by person, then ``rid``); a search lists its exact hits, then those it finds only by
    forgiving spelling. A case worker lists their own cases; an analyst's rows carry no
    name or register number (and cannot be sorted by them, nor grouped by person)."""
    if sort not in SORT_KEYS:
        raise ValueError(f"unknown sort key: {sort}")
    query = _scoped(session, flt)
    if not permissions.allowed(session, "view_own_cases"):
        if sort in ("name", "register_number", "person"):
            sort = "case_number"
        return [
            _deidentified(row)
            for row in _tiered_page(
                session, flt, query, sort=sort, descending=descending, offset=offset, limit=limit
            )
        ]
    return _tiered_page(
        session, flt, query, sort=sort, descending=descending, offset=offset, limit=limit
    )


def rows_of(session: Session, rids: list[int]) -> list[CaseRow]:
    """List rows of the given cases (from a report's figure), in the order given; with no
    name, initials or register number for anyone who may not see every case (an analyst:
    reports are not for case workers)."""
    today = session.today()
    found = [_case_row(row, today) for row in store.case_rows(session.db, rids)]
    if permissions.allowed(session, "view_all_cases"):
        return found
    return [_deidentified(row) for row in found]


@dataclass(frozen=True)
class CaseOffice:
    id: str
    code: str
    name: str
    level: str


def list_case_offices(session: Session) -> list[CaseOffice]:
    """The offices that live cases of this register came from, by code: in a province's
    register its districts (and itself, for cases it opened)."""
    return [
        CaseOffice(id=row["id"], code=row["code"], name=row["name"], level=row["level"])
        for row in store.offices_with_cases(session.db)
    ]


# --- Referrals -----------------------------------------------------------------------------


@dataclass(frozen=True)
class ReferralRow:
    id: str
    case_number: str
    full_name: str
    provider_name: str
    status: str
    urgency: str
    letter_date: dt.date | None
    follow_up_on: dt.date | None
    unreadable: tuple[str, ...] = ()  # as CaseRow.unreadable
    letter_number: str = ""  # the issued letter's number ("" for a draft)


def _referral_text(text: str) -> dict[str, str | None]:
    """Case number or person name through the search index; provider name as typed."""
    text = text.strip()
    if not text:
        return {}
    match = search.match_expression(text)
    return {
        "match": f"{{names numbers}} : ({match})" if match else None,
        "provider_like": store.like_pattern(text),
    }


_REFERRAL_FIELDS = {
    "full_name": r.fields_of(r.Person)["full_name"],
    **{
        name: r.fields_of(r.Referral)[name]
        for name in ("status", "urgency", "letter_number", "letter_date", "follow_up_on")
    },
}


def _referral_row(row: dict) -> ReferralRow:
    values: dict[str, Any] = {}
    unreadable = []
    for name, f in _REFERRAL_FIELDS.items():
        values[name], bad = rows.read_value(f, row[name])
        if bad:
            unreadable.append(name)
    return ReferralRow(
        id=row["id"],
        case_number=row["case_number"],
        full_name=values["full_name"],
        provider_name=row["provider_name"],
        status=values["status"] or "",
        urgency=values["urgency"] or "",
        letter_date=values["letter_date"],
        follow_up_on=values["follow_up_on"],
        unreadable=tuple(unreadable),
        letter_number=values["letter_number"] or "",
    )


def count_referrals(session: Session, *, statuses: tuple[str, ...] = (), text: str = "") -> int:
    permissions.require(session, "view_own_cases")
    found = _referral_text(text)
    return store.count_referrals(
        session.db,
        statuses=statuses,
        owner=permissions.owner_filter(session),
        match=found.get("match"),
        provider_like=found.get("provider_like"),
    )


def list_referrals(
    session: Session,
    *,
    statuses: tuple[str, ...] = (),
    text: str = "",
    offset: int = 0,
    limit: int = 200,
) -> list[ReferralRow]:
    """Referrals of live cases, newest first; ``text`` matches case number, person name or
    provider name."""
    permissions.require(session, "view_own_cases")
    if limit <= 0:
        return []
    found = store.referral_page(
        session.db,
        statuses=statuses,
        offset=max(0, offset),
        limit=limit,
        owner=permissions.owner_filter(session),
        **_referral_text(text),
    )
    return [_referral_row(row) for row in found]


# --- Dashboard -----------------------------------------------------------------------------


# Home counts each bucket up to this many; past it a card says "1,000+": at province
# scale an exact count of 245,000 late follow-ups costs more than it tells.
COUNT_CAP = 1000


@dataclass(frozen=True)
class Dashboard:
    my_open: list[CaseRow]  # not closed, assigned to session.user
    follow_ups_this_week: list[CaseRow]  # follow_up_on from today to today+6, not closed
    overdue: list[CaseRow]  # follow_up_on before today, not closed
    awaiting_reply: list[ReferralRow]  # referrals with status "sent"
    opened_this_month: list[CaseRow]  # opened_on in today's month
    # sent or accepted referrals to follow up by today+6 (overdue ones included)
    referral_follow_ups: list[ReferralRow] = dataclasses.field(default_factory=list)
    # How many each bucket holds in all (its list shows at most ``limit`` of them), up
    # to COUNT_CAP: a count of COUNT_CAP means "at least that many".
    counts: dict[str, int] = dataclasses.field(default_factory=dict)


def dashboard(session: Session, *, today: dt.date | None = None, limit: int = 50) -> Dashboard:
    """The start screen's buckets, at most ``limit`` rows each: my open cases most recently
    changed first; follow-ups and overdue ones by date, earliest first; referrals awaiting
    a reply by follow-up date (none last); this month's new cases, newest first."""
    permissions.require(session, "view_own_cases")
    owner = permissions.owner_filter(session)
    today = today or session.today()
    month_start = today.replace(day=1)
    next_month = (month_start + dt.timedelta(days=32)).replace(day=1)

    def cases(sort: str = "follow_up_on", descending: bool = False, **query: Any) -> list[CaseRow]:
        return _page(
            session,
            store.CaseQuery(owner=owner, **query),
            sort=sort,
            descending=descending,
            offset=0,
            limit=limit,
            today=today,
        )

    week_end = today + dt.timedelta(days=6)
    queries: dict[str, tuple[str, bool, dict[str, Any]]] = {
        "my_open": (
            "updated_at",
            True,
            {"statuses": OPEN_STATUSES, "worker": session.user.username},
        ),
        "follow_ups_this_week": (
            "follow_up_on",
            False,
            {"statuses": OPEN_STATUSES, "follow_up_from": today, "follow_up_to": week_end},
        ),
        "overdue": (
            "follow_up_on",
            False,
            {"statuses": OPEN_STATUSES, "follow_up_to": today - dt.timedelta(days=1)},
        ),
        "opened_this_month": (
            "opened_on",
            True,
            {"opened_from": month_start, "opened_to": next_month - dt.timedelta(days=1)},
        ),
    }
    lists: dict[str, list] = {}
    counts: dict[str, int] = {}
    for name, (sort, descending, query) in queries.items():
        lists[name] = cases(sort=sort, descending=descending, **query)
        # A short list is its own count; only a full one asks the register for the rest.
        full = len(lists[name]) >= limit
        counts[name] = (
            store.count_cases(session.db, store.CaseQuery(owner=owner, **query), at_most=COUNT_CAP)
            if full
            else len(lists[name])
        )
    awaiting = [
        _referral_row(row)
        for row in store.awaiting_reply(session.db, limit=max(0, limit), owner=owner)
    ]
    counts["awaiting_reply"] = (
        store.count_referrals(session.db, statuses=("sent",), owner=owner, at_most=COUNT_CAP)
        if len(awaiting) >= limit
        else len(awaiting)
    )
    until = week_end.isoformat()
    follow_ups = [
        _referral_row(row)
        for row in store.referral_follow_ups(
            session.db, until=until, limit=max(0, limit), owner=owner
        )
    ]
    counts["referral_follow_ups"] = (
        store.count_referral_follow_ups(session.db, until=until, owner=owner, at_most=COUNT_CAP)
        if len(follow_ups) >= limit
        else len(follow_ups)
    )
    return Dashboard(
        my_open=lists["my_open"],
        follow_ups_this_week=lists["follow_ups_this_week"],
        overdue=lists["overdue"],
        awaiting_reply=awaiting,
        opened_this_month=lists["opened_this_month"],
        referral_follow_ups=follow_ups,
        counts=counts,
    )


def list_workers(session: Session) -> list[r.User]:
    """Active users, by display name (username where none is set)."""
    users = [u for u in local.list_users(session.db) if u.active]
    return sorted(users, key=lambda u: ((u.display_name or u.username).casefold(), u.username))


# --- History -------------------------------------------------------------------------------


@dataclass(frozen=True)
class HistoryEntry:
    seq: int
    entity: str  # "persons", "cases", or a table of records.CASE_CHILDREN
    record_id: str
    op: str  # insert | update | delete | purge
    at: dt.datetime  # UTC, from the rev's milliseconds
    author: str  # username who made the change ("" if unknown)
    changes: tuple[tuple[str, object, object], ...]  # (field, before, after) for updates


_RECORD_TYPES = {"persons": r.Person, "cases": r.Case, **r.CHILD_TABLES}


def _value(field: dataclasses.Field | None, value: object) -> object:
    """A stored value as the record holds it: dates as dates, lists as tuples, flags as
    bool; one that cannot be read as its kind is shown as it was written."""
    kind = field.metadata.get("kind") if field else None
    if value is None or field is None:
        return value
    if kind in ("codes", "lines") and isinstance(value, list):
        value = json.dumps(value, ensure_ascii=False)  # a list in the captured JSON
    decoded, problem = row_check.decode_value(field, value)
    if problem:
        return str(value)
    if kind in ("codes", "lines"):
        return tuple(decoded)
    return decoded


def _entry(row: dict) -> HistoryEntry:
    changes: tuple[tuple[str, object, object], ...] = ()
    if row["op"] == "update" and row["after_json"]:
        fields = r.fields_of(_RECORD_TYPES[row["entity"]])
        before = json.loads(row["before_json"] or "{}")
        after = json.loads(row["after_json"])
        changes = tuple(
            (
                name,
                _value(fields.get(name), before.get(name)),
                _value(fields.get(name), after[name]),
            )
            for name in after
        )
    ms = parse_rev(row["rev"])[0]
    return HistoryEntry(
        seq=row["seq"],
        entity=row["entity"],
        record_id=row["id"],
        op=row["op"],
        at=dt.datetime.fromtimestamp(ms / 1000, dt.UTC),
        author=row["author"] or "",
        changes=changes,
    )


def case_history(session: Session, case_number: str, *, limit: int = 500) -> list[HistoryEntry]:
    """Changes to a case, its person and every record of it (services, referrals, notes,
    the case journey's), newest first."""
    case = case_store.case_by_number(session.db, case_number)
    if case is None:
        raise NotFound(what="case", key=case_number)
    permissions.require_case(session, case)
    found = store.case_changes(session.db, case.id, case.person_id, limit=max(0, limit))
    return [_entry(row) for row in found]
