"""Use cases of the case journey (DESIGN.md section 10; issue 22): a case's assessments,
intervention plan, legal steps, restitution, LPSK requests, returns and reintegration
check-ups; and the incidents that bring many victims at once.

Each function is one user action: checked first (every problem at once), then written in
one transaction with its audit row. A case's records may be changed by whoever may change
the case (its worker, supervisors); approving a plan takes ``approve_plan``, as closing a
case takes ``approve_closure``. An incident belongs to the office that recorded it: a
district changes only its own, and a case's link to another office's incident changes
nothing about who owns the case.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Any

from tipdesk.domain import records as r
from tipdesk.domain.errors import NotFound, NotOurRecord, PlanEmpty, Problem, ValidationFailed
from tipdesk.domain.validation import validate
from tipdesk.services.access import audit, permissions
from tipdesk.services.casework import cases
from tipdesk.services.session import Session
from tipdesk.storage import cases as case_store
from tipdesk.storage import counters, rows, search
from tipdesk.storage import journey as store

INCIDENT_COUNTER = "incident"
# The kinds of records this module keeps (services, referrals and notes: cases.py; documents:
# documents.py; SIMFONI-PPA entries: simfoni.py).
JOURNEY = {
    child.record: child
    for child in r.CASE_CHILDREN
    if child.table not in ("services", "referrals", "case_notes", "documents", "simfoni_entries")
}
# What a plan goal aims at: changing any of it takes the supervisor's approval back.
PLAN_CONTENT = ("goal", "domain", "linked_ids", "target_on")


def _check(*groups: list[Problem]) -> list[Problem]:
    problems = [p for group in groups for p in group]
    if any(p.is_error for p in problems):
        raise ValidationFailed(problems)
    return problems


def _child(record_type: type) -> r.CaseChild:
    child = JOURNEY.get(record_type)
    if child is None:
        raise TypeError(f"{record_type.__name__} is not a record of the case journey")
    return child


def _writable_case(session: Session, case_id: str) -> r.Case:
    """The live case ``case_id``, if the signed-in user may change it."""
    case = rows.get(session.db, r.Case, case_id) if case_id else None
    if case is None:
        permissions.require(session, "view_own_cases")
        raise NotFound(what="case", key=case_id or "-")
    permissions.require_case(session, case)
    if case.deleted:
        raise NotFound(what="case", key=case.case_number)
    permissions.require_change(session, case)
    return case


def _links(session: Session, record: Any) -> list[Problem]:
    """A plan goal names services and referrals of its own case; a check-up, a return."""
    problems = []
    if isinstance(record, r.PlanGoal):
        ours = store.live_ids(session.db, "services", record.case_id) | store.live_ids(
            session.db, "referrals", record.case_id
        )
        problems += [
            Problem("linked_ids", "not_of_this_case", params={"value": item[:64]})
            for item in record.linked_ids
            if item not in ours
        ]
        if len(set(record.linked_ids)) != len(record.linked_ids):
            problems.append(Problem("linked_ids", "duplicate_code"))
    if (
        isinstance(record, r.ReintegrationCheckup)
        and record.return_id
        and record.return_id not in store.live_ids(session.db, "returns", record.case_id)
    ):
        problems.append(
            Problem("return_id", "not_of_this_case", params={"value": record.return_id[:64]})
        )
    return problems


def _stored(session: Session, record_type: type, record_id: str) -> Any:
    stored: Any = rows.get(session.db, record_type, record_id)
    if stored is None or getattr(stored, "deleted", False):
        raise NotFound(what=_child(record_type).thing, key=record_id)
    return stored


def add_record(session: Session, record: Any) -> list[Problem]:
    """Add an assessment, plan goal, legal step, restitution claim, LPSK request, return
    or check-up to its case (``record.case_id``); returns the warnings. A new plan goal
    is not approved, whoever adds it."""
    child = _child(type(record))
    case = _writable_case(session, record.case_id)
    if isinstance(record, r.Assessment) and not record.assessed_by.strip():
        record.assessed_by = session.user.display_name or session.user.username
    if isinstance(record, r.PlanGoal):
        record.approved_by, record.approved_on = "", None
    warnings = _check(validate(record, today=session.today()), _links(session, record))
    with session.write() as db:
        record.id, record.origin = session.new_id(), session.office.id
        record.deleted = False
        rows.insert(db, record, session.stamp)
        _audit(session, "case_record_added", child, record.id, case)
    return warnings


def update_record(session: Session, record: Any) -> list[Problem]:
    """Save an edited record of the case journey (its case and owner stay as stored). A
    plan goal whose aim changed (``PLAN_CONTENT``) needs the supervisor's approval again."""
    child = _child(type(record))
    stored = _stored(session, type(record), record.id)
    case = _writable_case(session, stored.case_id)
    record.case_id, record.origin, record.deleted = stored.case_id, stored.origin, False
    if isinstance(record, r.PlanGoal) and isinstance(stored, r.PlanGoal):
        same_aim = all(getattr(record, f) == getattr(stored, f) for f in PLAN_CONTENT)
        record.approved_by = stored.approved_by if same_aim else ""
        record.approved_on = stored.approved_on if same_aim else None
    warnings = _check(validate(record, today=session.today()), _links(session, record))
    changed = [
        f.name
        for f in dataclasses.fields(record)
        if f.name not in ("rev", "updated_at", "updated_by")
        and getattr(record, f.name) != getattr(stored, f.name)
    ]
    if not changed:
        return warnings
    with session.write() as db:
        rows.update(db, record, session.stamp)
        _audit(session, "case_record_changed", child, record.id, case, fields=changed)
    return warnings


def remove_record(session: Session, record_type: type, record_id: str) -> None:
    """Remove one record from its case: a tombstone that keeps no personal text, and a
    change the other office receives like any other."""
    child = _child(record_type)
    stored = _stored(session, record_type, record_id)
    case = _writable_case(session, stored.case_id)
    with session.write() as db:
        rows.soft_delete(db, stored, session.stamp)
        _audit(session, "case_record_removed", child, record_id, case)


def _audit(
    session: Session,
    action: str,
    child: r.CaseChild,
    record_id: str,
    case: r.Case,
    *,
    fields: list[str] | None = None,
) -> None:
    detail: dict[str, Any] = {"kind": child.table}
    if fields:
        detail["fields"] = fields  # names only, never values
    audit.record(
        session,
        action,
        entity=child.table,
        record_id=record_id,
        case_number=case.case_number,
        detail=detail,
    )


# The same, by kind of record, for readers who look for one.
add_assessment = add_record
add_plan_goal = add_record
add_legal_step = add_record
add_restitution = add_record
add_lpsk_request = add_record
add_return = add_record
add_checkup = add_record


# --- the intervention plan -----------------------------------------------------------------


def plan_approved(goals: list[r.PlanGoal]) -> bool:
    """Whether a plan stands approved: it has goals, and a supervisor approved each one
    as it now reads."""
    live = [g for g in goals if not g.deleted]
    return bool(live) and all(g.approved_by for g in live)


def approve_plan(session: Session, case_number: str) -> int:
    """A supervisor approves the case's intervention plan as it now reads: each goal not
    yet approved records who approved it and when (as closure approval is recorded on
    the case). Returns how many goals this approval covered."""
    permissions.require(session, "approve_plan")
    case = case_store.case_by_number(session.db, case_number)
    if case is None:
        raise NotFound(what="case", key=case_number)
    permissions.require_case(session, case)
    permissions.require_change(session, case)
    goals = case_store.load_case_file(session.db, case).plan_goals
    if not goals:
        raise PlanEmpty(case_number=case_number)
    waiting = [g for g in goals if not g.approved_by]
    today = session.today()
    with session.write() as db:
        for goal in waiting:
            store.set_fields(
                db,
                goal,
                {"approved_by": session.user.username, "approved_on": today},
                session.stamp,
            )
        audit.record(
            session,
            "plan_approved",
            entity="cases",
            record_id=case.id,
            case_number=case_number,
            detail={"goals": len(goals), "newly_approved": len(waiting)},
        )
    return len(waiting)


# --- incidents ------------------------------------------------------------------------------


@dataclass(frozen=True)
class IncidentRow:
    incident: r.Incident
    cases: int  # live cases in the register that name it


@dataclass(frozen=True)
class IncidentFile:
    incident: r.Incident
    cases: list[r.Case]  # those the signed-in user may see
    hidden: int  # cases of it the user may not see (another worker's)


def incident_number(office_code: str, year: int, number: int) -> str:
    return f"{office_code}-KJ-{year}-{number:04d}"


def create_incident(session: Session, incident: r.Incident) -> tuple[r.Incident, list[Problem]]:
    """Record an incident; it gets the next incident number of its year."""
    permissions.require(session, "create_cases")
    warnings = _check(validate(incident, today=session.today()))
    assert incident.occurred_on is not None  # required: validated above
    with session.write() as db:
        incident.id, incident.origin = session.new_id(), session.office.id
        incident.deleted = False
        year = incident.occurred_on.year
        incident.incident_number = incident_number(
            session.office.code, year, counters.take(db, INCIDENT_COUNTER, year)
        )
        rows.insert(db, incident, session.stamp)
        audit.record(
            session,
            "incident_created",
            entity="incidents",
            record_id=incident.id,
            detail={"kind": incident.kind},
        )
    return incident, warnings


def _incident(session: Session, number: str) -> r.Incident:
    permissions.require(session, "view_own_cases")
    incident = store.incident_by_number(session.db, number)
    if incident is None:
        raise NotFound(what="incident", key=number)
    return incident


def _ours(session: Session, incident: r.Incident) -> None:
    """A district changes only its own incidents (a province, its districts' too: they
    travel back down, DESIGN.md section 5b)."""
    if session.office.level == "district" and incident.origin != session.office.id:
        owner = rows.get(session.db, r.Office, incident.origin)
        raise NotOurRecord(what="incident", office=owner.code if owner else incident.origin)


def update_incident(session: Session, incident: r.Incident) -> list[Problem]:
    permissions.require(session, "create_cases")
    stored = rows.get(session.db, r.Incident, incident.id)
    if stored is None or stored.deleted:
        raise NotFound(what="incident", key=incident.id)
    _ours(session, stored)
    incident.origin, incident.incident_number = stored.origin, stored.incident_number
    incident.deleted = False
    warnings = _check(validate(incident, today=session.today()))
    with session.write() as db:
        rows.update(db, incident, session.stamp)
        audit.record(session, "incident_changed", entity="incidents", record_id=incident.id)
    return warnings


def list_incidents(session: Session) -> list[IncidentRow]:
    """Every incident this register holds, newest first, with how many cases name it."""
    permissions.require(session, "view_own_cases")
    return [IncidentRow(incident, count) for incident, count in store.incidents(session.db)]


def show_incident(session: Session, number: str) -> IncidentFile:
    """An incident with the cases that name it (those the user may see)."""
    incident = _incident(session, number)
    found = store.cases_of_incident(session.db, incident.id)
    visible = [c for c in found if permissions.may_see_case(session, c)]
    return IncidentFile(incident, visible, len(found) - len(visible))


@dataclass(frozen=True)
class Victim:
    """A case an incident brought, with how far it has come."""

    case: r.Case
    person: r.Person
    last_legal_step: r.LegalStep | None
    last_return: r.Return | None


def incident_victims(session: Session, number: str) -> tuple[r.Incident, list[Victim], int]:
    """The incident, the cases of it the user may see with their person, latest legal
    step and latest return, and how many others it has that the user may not see."""
    found = show_incident(session, number)
    _audit_incident_view(session, found.incident)
    victims = []
    for case in found.cases:
        file = case_store.load_case_file(session.db, case)
        steps = sorted(file.legal_steps, key=lambda s: (s.step_on or dt.date.min, s.id))
        returns = sorted(
            file.returns,
            key=lambda x: (x.handover_on or x.arrived_on or x.departed_on or dt.date.min, x.id),
        )
        victims.append(
            Victim(
                case, file.person, steps[-1] if steps else None, returns[-1] if returns else None
            )
        )
    return found.incident, victims, found.hidden


def _audit_incident_view(session: Session, incident: r.Incident) -> None:
    """The list of an incident's victims names people: reading it is audited."""
    audit.record_read(session, "incident_viewed", entity="incidents", record_id=incident.id)


def link_case(session: Session, case_number: str, number: str) -> None:
    """Name the incident that brought the victim of ``case_number``. Any incident this
    register holds will do (the province's too); the case keeps its own owner."""
    incident = _incident(session, number)
    case = _case(session, case_number)
    if case.incident_id == incident.id:
        return
    with session.write() as db:
        store.set_fields(db, case, {"incident_id": incident.id}, session.stamp)
        audit.record(
            session,
            "incident_linked",
            entity="cases",
            record_id=case.id,
            case_number=case_number,
            detail={"incident": incident.incident_number},
        )


def unlink_case(session: Session, case_number: str) -> None:
    case = _case(session, case_number)
    if not case.incident_id:
        return
    with session.write() as db:
        store.set_fields(db, case, {"incident_id": ""}, session.stamp)
        audit.record(
            session, "incident_unlinked", entity="cases", record_id=case.id, case_number=case_number
        )


def _case(session: Session, case_number: str) -> r.Case:
    case = case_store.case_by_number(session.db, case_number)
    if case is None:
        raise NotFound(what="case", key=case_number)
    permissions.require_case(session, case)
    permissions.require_change(session, case)
    return case


# --- group intake ---------------------------------------------------------------------------


@dataclass
class IntakeRow:
    """One victim of a group intake: the person as typed and her case. ``person_id``: a
    person the duplicate check found, who gets a new case (her registered details kept,
    blanks filled from what was typed) rather than a second registration."""

    person: r.Person
    case: r.Case
    person_id: str = ""


@dataclass(frozen=True)
class IntakeResult:
    case_numbers: list[str]  # in the order of the rows
    warnings: list[Problem]  # each with its row (1-based) in ``params["row"]``


def _row_problems(problems: list[Problem], row: int) -> list[Problem]:
    return [dataclasses.replace(p, params={**p.params, "row": row}) for p in problems]


def group_intake(session: Session, incident_number: str, rows_in: list[IntakeRow]) -> IntakeResult:
    """Register the victims an incident brought, in one sitting and one transaction: a new
    person with her case for each row, or a new case for the person the duplicate check
    found (``IntakeRow.person_id``), every case linked to the incident. Every row is
    checked first; if any has an error, nothing is written and ``ValidationFailed`` lists
    every problem of every row (``params["row"]``, 1-based)."""
    permissions.require(session, "create_cases")
    incident = _incident(session, incident_number)
    today = session.today()
    problems: list[Problem] = []
    # person, case, and what to write of the person: "new", "filled" (blanks) or ""
    plan: list[tuple[r.Person, r.Case, str]] = []
    for number, row in enumerate(rows_in, start=1):
        case = row.case
        case.incident_id = incident.id
        if row.person_id:
            stored = rows.get(session.db, r.Person, row.person_id)
            if stored is None or stored.deleted:
                raise NotFound(what="person", key=row.person_id)
            others = case_store.cases_of_person(session.db, stored.id)
            if not any(permissions.may_see_case(session, c) for c in others):
                permissions.require(session, "view_all_cases")
            case.person_id = stored.id
            cases._new_case_rules(session, case)
            person, kept = cases._fill_blanks(stored, row.person)
            found = validate(case, today=today) + cases._assignee(session, case, None) + kept
            if person is not stored:
                found += validate(person, today=today)
            plan.append((person, case, "" if person is stored else "filled"))
        else:
            person = row.person
            case.person_id = "new"  # filled when written; the person is checked alongside
            cases._new_case_rules(session, case)
            found = (
                validate(person, today=today)
                + validate(case, today=today)
                + cases._assignee(session, case, None)
                + cases._duplicate_nik(session, person)
            )
            plan.append((person, case, "new"))
        problems += _row_problems(found, number)
    warnings = _check(problems)
    with session.write() as db:
        for person, case, write in plan:
            if write == "new":
                person.id, person.origin = session.new_id(), session.office.id
                person.register_number = cases.register_number(
                    session.office.code, counters.take(db, cases.PERSON_COUNTER, 0)
                )
                rows.insert(db, person, session.stamp)
            elif write == "filled":
                rows.update(db, person, session.stamp)
                search.refresh(db, search.rids_for_person(db, person.id))
            cases._insert_case(session, person, case)
        audit.record(
            session,
            "incident_changed",
            entity="incidents",
            record_id=incident.id,
            detail={"cases": len(plan)},
        )
    return IntakeResult([case.case_number for _, case, _ in plan], warnings)
