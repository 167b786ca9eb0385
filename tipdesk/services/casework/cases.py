"""Use cases on persons and their cases: create, update, find, open, delete.

Each function is one user action: validated first (every problem at once), then written
in one transaction with the search index refreshed inside it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from typing import Any

from tipdesk.domain import records as r
from tipdesk.domain.errors import (
    ClosureNeedsSupervisor,
    NotFound,
    NotOurRecord,
    Problem,
    UnknownField,
    ValidationFailed,
)
from tipdesk.domain.fields import parse_value
from tipdesk.domain.validation import CLOSED_STATUSES, validate
from tipdesk.services.access import audit, permissions
from tipdesk.services.casework import listing
from tipdesk.services.session import Session
from tipdesk.storage import cases as case_store
from tipdesk.storage import counters, local, rows, search
from tipdesk.storage import privacy as erasures

CASE_COUNTER = "case"
PERSON_COUNTER = "person"


def _check(*groups: list[Problem]) -> list[Problem]:
    """Raise if any group has an error; return all warnings."""
    problems = [p for group in groups for p in group]
    if any(p.is_error for p in problems):
        raise ValidationFailed(problems)
    return problems


def _duplicate_nik(session: Session, person: r.Person) -> list[Problem]:
    if not person.nik:
        return []
    # The other person's number only for a user who may see every case: to anyone else
    # it would say whose NIK it is.
    everyone = permissions.allowed(session, "view_all_cases")
    return [
        Problem(
            "nik",
            "duplicate_nik",
            "warning",
            params={"register_number": other.register_number if everyone else "—"},
        )
        for other in case_store.persons_with_nik(session.db, person.nik)
        if other.id != person.id
    ]


def _assignee(session: Session, case: r.Case, stored: str | None) -> list[Problem]:
    """A new case's worker, or a changed one, must be a current user of this register
    (not removed or disabled). An unchanged ``assigned_to`` (``stored``) stays valid: a
    province holds district cases assigned to district usernames, and a worker may have
    left since. An empty one (no worker) is not checked here."""
    if not case.assigned_to or case.assigned_to == stored:
        return []
    current = [u.username for u in local.list_users(session.db) if u.active and not u.removed]
    if case.assigned_to in current:
        return []
    return [
        Problem(
            "assigned_to",
            "unknown_user",
            params={"user": case.assigned_to, "users": ", ".join(current)},
        )
    ]


class Saved(list[Problem]):
    """What a save returns: its warnings (a list of ``Problem``, as before) and, in
    ``changed``, the names of the stored fields it changed (``person.x`` for the
    person's). ``changed`` is empty when the save changed nothing and so wrote nothing."""

    def __init__(self, warnings: Iterable[Problem] = (), changed: Iterable[str] = ()) -> None:
        super().__init__(warnings)
        self.changed: tuple[str, ...] = tuple(changed)


def _exists(session: Session, record_type: type, record_id: str, field: str) -> list[Problem]:
    if record_id and rows.get(session.db, record_type, record_id) is None:
        return [
            Problem(
                field,
                "unknown_reference",
                params={"what": record_type.__name__.lower(), "value": record_id},
            )
        ]
    return []


def register_number(office_code: str, number: int) -> str:
    return f"{office_code}-P-{number:06d}"


def case_number(office_code: str, year: int, number: int) -> str:
    return f"{office_code}-{year}-{number:05d}"


def create_case(
    session: Session, person: r.Person, case: r.Case
) -> tuple[r.CaseFile, list[Problem]]:
    """Register a new person with their first case."""
    today = session.today()
    case.person_id = "new"  # filled below; the person is validated alongside
    _new_case_rules(session, case)
    warnings = _check(
        validate(person, today=today),
        validate(case, today=today),
        _assignee(session, case, None),
        _duplicate_nik(session, person),
    )
    with session.write() as db:
        person.id, person.origin = session.new_id(), session.office.id
        person.register_number = register_number(
            session.office.code, counters.take(db, PERSON_COUNTER, 0)
        )
        rows.insert(db, person, session.stamp)
        _insert_case(session, person, case)
    return open_case(session, case.case_number, audit=False), warnings


def _new_case_rules(session: Session, case: r.Case) -> None:
    """Who may register a case, for whom, and in which state."""
    permissions.require(session, "create_cases")
    case.assigned_to = case.assigned_to or session.user.username
    if case.assigned_to != session.user.username:
        permissions.require(session, "assign_cases")
    case.created_by = session.user.username
    _closure_rules(session, None, case)


def _closure_rules(session: Session, old: r.Case | None, case: r.Case) -> None:
    """A case enters a closed status only with a supervisor's approval, recorded on it."""
    closing = case.status in CLOSED_STATUSES
    was_closed = old is not None and old.status in CLOSED_STATUSES
    if closing and not was_closed:
        if not permissions.allowed(session, "approve_closure"):
            raise ClosureNeedsSupervisor(case_number=case.case_number or "-")
        case.closure_approved_by = session.user.username
        case.closure_approved_on = session.today()
    elif not closing:
        case.closure_approved_by, case.closure_approved_on = "", None


def add_case(
    session: Session, person_id: str, case: r.Case, *, typed: r.Person | None = None
) -> tuple[r.CaseFile, list[Problem]]:
    """Open another case for a person already in the register (a victim who returns).

    ``typed``: the person's details as typed for the new case, when the duplicate check
    found her. What the register lacks is filled in from them; what the register holds
    differently is kept, and each such field comes back as a ``kept_registered_value``
    warning naming both values, so nothing typed is dropped unseen."""
    person = rows.get(session.db, r.Person, person_id)
    if person is None or person.deleted:
        raise NotFound(what="person", key=person_id)
    others = case_store.cases_of_person(session.db, person_id)
    if not any(permissions.may_see_case(session, c) for c in others):
        permissions.require(session, "view_all_cases")
    if others:
        permissions.require_change(session, others[-1])  # a person handed over, or offered
    case.person_id = person.id
    _new_case_rules(session, case)
    today = session.today()
    filled, kept = _fill_blanks(person, typed) if typed is not None else (person, [])
    warnings = _check(
        validate(case, today=today),
        _assignee(session, case, None),
        validate(filled, today=today) if filled is not person else [],
        _duplicate_nik(session, filled) if filled.nik != person.nik else [],
    )
    with session.write() as db:
        if filled is not person:
            rows.update(db, filled, session.stamp)
            search.refresh(db, search.rids_for_person(db, person.id))
        _insert_case(session, filled, case)
    return open_case(session, case.case_number, audit=False), warnings + kept


def _fill_blanks(stored: r.Person, typed: r.Person) -> tuple[r.Person, list[Problem]]:
    """``stored`` with its blank editable fields taken from ``typed`` (the same object
    when there is nothing to fill), and a warning per field the two fill differently."""
    changes: dict[str, Any] = {}
    kept: list[Problem] = []
    for name in r.editable_fields(r.Person):
        old, new = getattr(stored, name), getattr(typed, name)
        if new in (None, "", [], ()) or old == new:
            continue
        if old in (None, "", [], ()):
            changes[name] = new
        else:
            kept.append(
                Problem(
                    name,
                    "kept_registered_value",
                    "warning",
                    {"kept": _shown(old), "typed": _shown(new)},
                )
            )
    filled = dataclasses.replace(stored, **changes) if changes else stored
    return filled, kept


def _shown(value: object) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    return str(value)


def _insert_case(session: Session, person: r.Person, case: r.Case) -> None:
    db = session.db
    assert case.opened_on is not None  # required: the caller validated the case
    year = case.opened_on.year
    case.id, case.origin, case.person_id = session.new_id(), session.office.id, person.id
    case.case_number = case_number(session.office.code, year, counters.take(db, CASE_COUNTER, year))
    rows.insert(db, case, session.stamp)
    search.refresh(db, [search.rid_for_case(db, case.id)])
    audit.record(
        session, "case_created", entity="cases", record_id=case.id, case_number=case.case_number
    )


def _case(session: Session, number: str) -> r.Case:
    """The case with this number, if the signed-in user may see it."""
    case = case_store.case_by_number(session.db, number)
    if case is None:
        raise NotFound(what="case", key=number)
    permissions.require_case(session, case)
    return case


def live_case(session: Session, number: str) -> r.Case:
    """The live case with this number, if the signed-in user may see it (one who may see
    no case at all is told so, not whether the number exists)."""
    case = case_store.case_by_number(session.db, number)
    if case is None or case.deleted:
        permissions.require(session, "view_own_cases")
        raise NotFound(what="case", key=number)
    permissions.require_case(session, case)
    return case


def _case_by_id(session: Session, case_id: str) -> r.Case:
    case = rows.get(session.db, r.Case, case_id)
    if case is None:
        raise NotFound(what="case", key=case_id)
    permissions.require_case(session, case)
    return case


def open_case(session: Session, number: str, *, audit: bool = True) -> r.CaseFile:
    """One case with its person, services, referrals and notes; opening it is audited
    (once, while the same user keeps reopening the same case)."""
    case = _case(session, number)
    if audit:
        _audit_view(session, case)
    return case_store.load_case_file(session.db, case)


def _audit_view(session: Session, case: r.Case) -> None:
    audit.record_read(
        session, "case_viewed", entity="cases", record_id=case.id, case_number=case.case_number
    )


def cases_of_person(session: Session, person_id: str) -> list[r.Case]:
    """Every case of one person that is not deleted and that the user may see, oldest
    first."""
    return [
        c
        for c in case_store.cases_of_person(session.db, person_id)
        if not c.deleted and permissions.may_see_case(session, c)
    ]


def find_cases(session: Session, text: str, *, limit: int = 50) -> list[dict]:
    """Cases matching ``text`` (names, numbers, places, notes), best first; a case worker
    finds only their own cases, and an analyst may not search (it reveals names)."""
    permissions.require(session, "search_cases")
    owner = permissions.owner_filter(session)
    incident = listing.incident_of(session, text)
    if incident:  # an incident's number: the cases it brought
        return search.incident_cases(session.db, incident, limit=limit, owner=owner)
    return search.search(session.db, text, limit=limit, owner=owner)


def save_case_file(session: Session, person: r.Person, case: r.Case) -> Saved:
    """Write an edited person and case together (the case file's Save).

    Only a record with a changed field is written (new rev, change row); a save that
    changes nothing writes nothing, not even the audit row, and returns ``changed`` empty.
    """
    today = session.today()
    old = _case_by_id(session, case.id)
    _edit_rules(session, old, case, person)
    stored_person = rows.get(session.db, r.Person, person.id)
    if stored_person is None or stored_person.deleted:
        raise NotFound(what="person", key=person.id)
    person.origin, person.deleted = stored_person.origin, stored_person.deleted
    person.register_number = stored_person.register_number
    warnings = _check(
        validate(person, today=today),
        validate(case, today=today),
        _assignee(session, case, old.assigned_to),
        _duplicate_nik(session, person),
    )
    person_changed = _differences(stored_person, person, "person.")
    case_changed = _differences(old, case, "")
    if not person_changed and not case_changed:
        return Saved(warnings)
    with session.write() as db:
        if person_changed:
            rows.update(db, person, session.stamp)
        if case_changed:
            rows.update(db, case, session.stamp)
        search.refresh(db, search.rids_for_person(db, person.id))
        editable = {
            *("person." + n for n in r.editable_fields(r.Person)),
            *r.editable_fields(r.Case),
        }
        audit.record(
            session,
            "case_closed"
            if case.closure_approved_by and not old.closure_approved_by
            else "case_changed",
            entity="cases",
            record_id=case.id,
            case_number=case.case_number,
            detail={"fields": sorted({*person_changed, *case_changed} & editable)},
        )
    return Saved(warnings, sorted({*person_changed, *case_changed}))


def _edit_rules(session: Session, old: r.Case, case: r.Case, person: r.Person) -> None:
    """What a save may not change: which person and office the case belongs to, its
    number, whether it is deleted, who registered it, and (but for a closure) who
    approved its closure."""
    if old.deleted:
        raise NotFound(what="case", key=old.case_number)
    permissions.require_change(session, old)
    if person.id != old.person_id:
        raise NotFound(what="person", key=person.id)
    if case.assigned_to != old.assigned_to:
        permissions.require(session, "assign_cases")
    case.person_id, case.case_number = old.person_id, old.case_number
    case.origin, case.deleted = old.origin, old.deleted
    case.created_by = old.created_by
    case.closure_approved_by = old.closure_approved_by
    case.closure_approved_on = old.closure_approved_on
    _closure_rules(session, old, case)


# Written by every save, so no sign of a change.
_STAMP = frozenset({"rev", "updated_at", "updated_by"})


def _differences(old: Any, new: Any, prefix: str) -> list[str]:
    """The fields whose stored values differ between two versions of a record."""
    before, after = rows.to_row(old), rows.to_row(new)
    return [
        prefix + name
        for name, value in after.items()
        if name not in _STAMP and before.get(name) != value
    ]


# Fields that --set and the like may address: "person.x", "case.x", or a bare name
# that belongs to exactly one of the two.
SETTABLE = {"person": r.Person, "case": r.Case}


def settable_fields() -> list[str]:
    return [f"{prefix}.{name}" for prefix, t in SETTABLE.items() for name in r.editable_fields(t)]


def _resolve(name: str) -> tuple[str, dataclasses.Field]:
    prefix, _, bare = name.rpartition(".")
    owners = (
        [prefix] if prefix else [p for p, t in SETTABLE.items() if bare in r.editable_fields(t)]
    )
    if len(owners) == 1 and owners[0] in SETTABLE:
        fields = r.fields_of(SETTABLE[owners[0]])
        if bare in fields and fields[bare].metadata.get("editable"):
            return owners[0], fields[bare]
    raise UnknownField(field=name, known=", ".join(settable_fields()))


def update_case_fields(
    session: Session, number: str, assignments: dict[str, str]
) -> tuple[r.CaseFile, Saved]:
    """Set fields of a case and its person from text (``--set``), validated like the app;
    the second value's ``changed`` is empty when the values were already so (nothing is
    written then)."""
    resolved = [(_resolve(name), raw) for name, raw in assignments.items()]
    file = open_case(session, number, audit=False)
    targets: dict[str, Any] = {"person": file.person, "case": file.case}
    parse_problems: list[Problem] = []
    for (owner, field), raw in resolved:
        value, problem = parse_value(field, raw)
        if problem:
            parse_problems.append(problem)
        else:
            setattr(targets[owner], field.name, value)
    if parse_problems:
        raise ValidationFailed(parse_problems)
    warnings = save_case_file(session, file.person, file.case)
    return open_case(session, number, audit=False), warnings


def add_service(session: Session, service: r.Service) -> list[Problem]:
    _item_case(session, service)
    warnings = _check(
        validate(service, today=session.today()),
        _exists(session, r.Case, service.case_id, "case_id"),
        _exists(session, r.Provider, service.provider_id, "provider_id"),
    )
    with session.write() as db:
        service.id, service.origin = session.new_id(), session.office.id
        rows.insert(db, service, session.stamp)
    return warnings


def add_referral(session: Session, referral: r.Referral) -> list[Problem]:
    _item_case(session, referral)
    warnings = _check(
        validate(referral, today=session.today()),
        _exists(session, r.Case, referral.case_id, "case_id"),
        _exists(session, r.Provider, referral.provider_id, "provider_id"),
    )
    with session.write() as db:
        referral.id, referral.origin = session.new_id(), session.office.id
        rows.insert(db, referral, session.stamp)
    return warnings


def add_note(session: Session, note: r.CaseNote) -> list[Problem]:
    _item_case(session, note)
    note.author = session.user.username
    warnings = _check(
        validate(note, today=session.today()), _exists(session, r.Case, note.case_id, "case_id")
    )
    with session.write() as db:
        note.id, note.origin = session.new_id(), session.office.id
        rows.insert(db, note, session.stamp)
        search.refresh(db, [search.rid_for_case(db, note.case_id)])
    return warnings


def update_item(session: Session, item: r.Service | r.Referral | r.CaseNote) -> list[Problem]:
    """Save an edited service, referral or note of a case."""
    stored = rows.get(session.db, type(item), item.id)
    if stored is None or stored.deleted:
        raise NotFound(what=type(item).__name__.lower(), key=item.id)
    _item_case(session, stored)
    item.case_id, item.origin, item.deleted = stored.case_id, stored.origin, stored.deleted
    # (stored is of item's type: the second test only tells the type checker so)
    if isinstance(item, r.CaseNote) and isinstance(stored, r.CaseNote):
        item.author = stored.author
    checks = [validate(item, today=session.today())]
    if not isinstance(item, r.CaseNote) and item.provider_id:
        checks.append(_exists(session, r.Provider, item.provider_id, "provider_id"))
    warnings = _check(*checks)
    with session.write() as db:
        rows.update(db, item, session.stamp)
        if isinstance(item, r.CaseNote):
            search.refresh(db, [search.rid_for_case(db, item.case_id)])
    return warnings


def _item_case(session: Session, item: r.Service | r.Referral | r.CaseNote) -> None:
    """Refuse an item of a case the user may not change (a missing case is reported by
    validation as an unknown reference)."""
    case = rows.get(session.db, r.Case, item.case_id) if item.case_id else None
    if case is None:
        permissions.require(session, "view_own_cases")
        return
    permissions.require_case(session, case)
    if case.deleted:
        raise NotFound(what="case", key=case.case_number)
    permissions.require_change(session, case)


def create_provider(session: Session, provider: r.Provider) -> list[Problem]:
    permissions.require(session, "manage_providers")
    warnings = _check(validate(provider, today=session.today()))
    with session.write() as db:
        provider.id, provider.origin = session.new_id(), session.office.id
        rows.insert(db, provider, session.stamp)
    return warnings


def update_provider(session: Session, provider: r.Provider) -> list[Problem]:
    """Save a provider of the directory. A district changes only its own providers: the
    province's travel down as references and would never carry a district's change back
    (DESIGN.md section 5b)."""
    permissions.require(session, "manage_providers")
    stored = rows.get(session.db, r.Provider, provider.id)
    if stored is None:
        raise NotFound(what="provider", key=provider.id)
    if session.office.level == "district" and stored.origin != session.office.id:
        owner = rows.get(session.db, r.Office, stored.origin)
        raise NotOurRecord(what="provider", office=owner.code if owner else stored.origin)
    provider.origin = stored.origin
    warnings = _check(validate(provider, today=session.today()))
    with session.write() as db:
        rows.update(db, provider, session.stamp)
    return warnings


def list_providers(session: Session, text: str = "") -> list[r.Provider]:
    permissions.require(session, "manage_providers")
    return case_store.providers(session.db, text=text)


def remove_service(session: Session, service_id: str) -> None:
    """Remove one service from its case: a tombstone that keeps no personal text, and a
    change the provincial office receives like any other."""
    service = rows.get(session.db, r.Service, service_id)
    if service is None or service.deleted:
        raise NotFound(what="service", key=service_id)
    _item_case(session, service)
    with session.write() as db:
        rows.soft_delete(db, service, session.stamp)


def scrub_beside_rows(db, case_ids: list[str], record_ids: list[str]) -> tuple[int, int]:
    """What a delete must not leave beside the scrubbed rows: the PDFs of the cases'
    archived letters (their number and date stay, so numbering stays unique) and the
    sync conflicts about the records, which hold both offices' values. Returns how many
    letters were emptied and how many conflicts removed."""
    return (erasures.blank_letters(db, case_ids), erasures.remove_conflicts(db, record_ids))


def delete_case(session: Session, number: str) -> None:
    """Delete a case with its services, referrals and notes (tombstones, scrubbed)."""
    permissions.require(session, "delete_cases")
    file = open_case(session, number, audit=False)
    permissions.require_change(session, file.case)
    with session.write() as db:
        for item in r.records_of(file):
            rows.soft_delete(db, item, session.stamp)
        rows.soft_delete(db, file.case, session.stamp)
        search.refresh(db, [search.rid_for_case(db, file.case.id)])
        scrub_beside_rows(
            db,
            [file.case.id],
            [file.case.id, *(item.id for item in r.records_of(file))],
        )
        audit.record(
            session, "case_deleted", entity="cases", record_id=file.case.id, case_number=number
        )
