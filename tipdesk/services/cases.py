"""Use cases on persons and their cases: create, update, find, open, delete.

Each function is one user action: validated first (every problem at once), then written
in one transaction with the search index refreshed inside it.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from tipdesk.domain import records as r
from tipdesk.domain.errors import NotFound, Problem, UnknownField, ValidationFailed
from tipdesk.domain.fields import parse_value
from tipdesk.domain.validation import validate
from tipdesk.services.session import Session
from tipdesk.storage import cases as case_store
from tipdesk.storage import counters, rows, search

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
    return [Problem("nik", "duplicate_nik", "warning",
                    params={"register_number": other.register_number})
            for other in case_store.persons_with_nik(session.db, person.nik)
            if other.id != person.id]


def _exists(session: Session, record_type: type, record_id: str, field: str) -> list[Problem]:
    if record_id and rows.get(session.db, record_type, record_id) is None:
        return [Problem(field, "unknown_reference",
                        params={"what": record_type.__name__.lower(), "value": record_id})]
    return []


def register_number(office_code: str, number: int) -> str:
    return f"{office_code}-P-{number:06d}"


def case_number(office_code: str, year: int, number: int) -> str:
    return f"{office_code}-{year}-{number:05d}"


def create_case(session: Session, person: r.Person, case: r.Case) -> tuple[r.CaseFile,
                                                                          list[Problem]]:
    """Register a new person with their first case."""
    today = session.today()
    case.person_id = "new"  # filled below; the person is validated alongside
    case.assigned_to = case.assigned_to or session.user.username
    warnings = _check(validate(person, today=today), validate(case, today=today),
                      _duplicate_nik(session, person))
    with session.write() as db:
        person.id, person.origin = session.new_id(), session.office.id
        person.register_number = register_number(
            session.office.code, counters.take(db, PERSON_COUNTER, 0))
        rows.insert(db, person, session.stamp)
        _insert_case(session, person, case)
    return open_case(session, case.case_number), warnings


def add_case(session: Session, person_id: str, case: r.Case) -> tuple[r.CaseFile,
                                                                     list[Problem]]:
    """Open another case for a person already in the register."""
    person = rows.get(session.db, r.Person, person_id)
    if person is None or person.deleted:
        raise NotFound(what="person", key=person_id)
    case.person_id = person.id
    case.assigned_to = case.assigned_to or session.user.username
    warnings = _check(validate(case, today=session.today()))
    with session.write():
        _insert_case(session, person, case)
    return open_case(session, case.case_number), warnings


def _insert_case(session: Session, person: r.Person, case: r.Case) -> None:
    db = session.db
    year = case.opened_on.year
    case.id, case.origin, case.person_id = session.new_id(), session.office.id, person.id
    case.case_number = case_number(session.office.code, year,
                                   counters.take(db, CASE_COUNTER, year))
    rows.insert(db, case, session.stamp)
    search.refresh(db, [search.rid_for_case(db, case.id)])


def open_case(session: Session, number: str) -> r.CaseFile:
    case = case_store.case_by_number(session.db, number)
    if case is None:
        raise NotFound(what="case", key=number)
    return case_store.load_case_file(session.db, case)


def cases_of_person(session: Session, person_id: str) -> list[r.Case]:
    """Every case of one person that is not deleted, oldest first."""
    return [c for c in case_store.cases_of_person(session.db, person_id) if not c.deleted]


def find_cases(session: Session, text: str, *, limit: int = 50) -> list[dict]:
    return search.search(session.db, text, limit=limit)


def save_case_file(session: Session, person: r.Person, case: r.Case) -> list[Problem]:
    """Write an edited person and case together (the case file's Save)."""
    today = session.today()
    warnings = _check(validate(person, today=today), validate(case, today=today),
                      _duplicate_nik(session, person))
    with session.write() as db:
        rows.update(db, person, session.stamp)
        rows.update(db, case, session.stamp)
        search.refresh(db, search.rids_for_person(db, person.id))
    return warnings


# Fields that --set and the like may address: "person.x", "case.x", or a bare name
# that belongs to exactly one of the two.
SETTABLE = {"person": r.Person, "case": r.Case}


def settable_fields() -> list[str]:
    return [f"{prefix}.{name}" for prefix, t in SETTABLE.items() for name in r.editable_fields(t)]


def _resolve(name: str) -> tuple[str, dataclasses.Field]:
    prefix, _, bare = name.rpartition(".")
    owners = [prefix] if prefix else [p for p, t in SETTABLE.items()
                                      if bare in r.editable_fields(t)]
    if len(owners) == 1 and owners[0] in SETTABLE:
        fields = r.fields_of(SETTABLE[owners[0]])
        if bare in fields and fields[bare].metadata.get("editable"):
            return owners[0], fields[bare]
    raise UnknownField(field=name, known=", ".join(settable_fields()))


def update_case_fields(session: Session, number: str,
                       assignments: dict[str, str]) -> tuple[r.CaseFile, list[Problem]]:
    """Set fields of a case and its person from text (``--set``), validated like the app."""
    resolved = [(_resolve(name), raw) for name, raw in assignments.items()]
    file = open_case(session, number)
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
    return open_case(session, number), warnings


def add_service(session: Session, service: r.Service) -> list[Problem]:
    warnings = _check(validate(service, today=session.today()),
                      _exists(session, r.Case, service.case_id, "case_id"),
                      _exists(session, r.Provider, service.provider_id, "provider_id"))
    with session.write() as db:
        service.id, service.origin = session.new_id(), session.office.id
        rows.insert(db, service, session.stamp)
    return warnings


def add_referral(session: Session, referral: r.Referral) -> list[Problem]:
    warnings = _check(validate(referral, today=session.today()),
                      _exists(session, r.Case, referral.case_id, "case_id"),
                      _exists(session, r.Provider, referral.provider_id, "provider_id"))
    with session.write() as db:
        referral.id, referral.origin = session.new_id(), session.office.id
        rows.insert(db, referral, session.stamp)
    return warnings


def add_note(session: Session, note: r.CaseNote) -> list[Problem]:
    note.author = session.user.username
    warnings = _check(validate(note, today=session.today()),
                      _exists(session, r.Case, note.case_id, "case_id"))
    with session.write() as db:
        note.id, note.origin = session.new_id(), session.office.id
        rows.insert(db, note, session.stamp)
        search.refresh(db, [search.rid_for_case(db, note.case_id)])
    return warnings


def update_item(session: Session, item: r.Service | r.Referral | r.CaseNote) -> list[Problem]:
    """Save an edited service, referral or note of a case."""
    checks = [validate(item, today=session.today())]
    if getattr(item, "provider_id", ""):
        checks.append(_exists(session, r.Provider, item.provider_id, "provider_id"))
    warnings = _check(*checks)
    with session.write() as db:
        rows.update(db, item, session.stamp)
        if isinstance(item, r.CaseNote):
            search.refresh(db, [search.rid_for_case(db, item.case_id)])
    return warnings


def create_provider(session: Session, provider: r.Provider) -> list[Problem]:
    warnings = _check(validate(provider, today=session.today()))
    with session.write() as db:
        provider.id, provider.origin = session.new_id(), session.office.id
        rows.insert(db, provider, session.stamp)
    return warnings


def update_provider(session: Session, provider: r.Provider) -> list[Problem]:
    warnings = _check(validate(provider, today=session.today()))
    with session.write() as db:
        rows.update(db, provider, session.stamp)
    return warnings


def list_providers(session: Session, text: str = "") -> list[r.Provider]:
    return case_store.providers(session.db, text=text)


def remove_service(session: Session, service_id: str) -> None:
    """Remove one service from its case: a tombstone that keeps no personal text, and a
    change the provincial office receives like any other."""
    service = rows.get(session.db, r.Service, service_id)
    if service is None or service.deleted:
        raise NotFound(what="service", key=service_id)
    with session.write() as db:
        rows.soft_delete(db, service, session.stamp)


def delete_case(session: Session, number: str) -> None:
    """Delete a case with its services, referrals and notes (tombstones, scrubbed)."""
    file = open_case(session, number)
    with session.write() as db:
        for item in (*file.services, *file.referrals, *file.notes):
            rows.soft_delete(db, item, session.stamp)
        rows.soft_delete(db, file.case, session.stamp)
        search.refresh(db, [search.rid_for_case(db, file.case.id)])


def delete_person(session: Session, person_id: str) -> None:
    """Delete a person and all their cases; personal fields are scrubbed everywhere."""
    person = rows.get(session.db, r.Person, person_id)
    if person is None:
        raise NotFound(what="person", key=person_id)
    cases = case_store.cases_of_person(session.db, person_id)
    with session.write() as db:
        for case in cases:
            file = case_store.load_case_file(db, case)
            for item in (*file.services, *file.referrals, *file.notes):
                rows.soft_delete(db, item, session.stamp)
            if not case.deleted:
                rows.soft_delete(db, case, session.stamp)
        rows.soft_delete(db, person, session.stamp)
        search.refresh(db, [search.rid_for_case(db, c.id) for c in cases])
