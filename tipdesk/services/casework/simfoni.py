"""SIMFONI-PPA (issue 25): offices must also enter each case into the national online
register of violence against women and children. TipDesk keeps, per case, that it was
entered (when, by whom, under which SIMFONI reference) and lists the cases of a period
not yet entered, so that no case is entered twice or forgotten.

A case has at most one live entry; a reference already recorded for another case is
refused (the same case entered twice in SIMFONI, or a typing slip). Recording or removing
an entry takes whoever may change the case, and is audited like any record of it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from tipdesk.domain import records as r
from tipdesk.domain.errors import BadArgument, NotFound, SimfoniRefused
from tipdesk.domain.validation import ensure_valid
from tipdesk.services.access import audit, permissions
from tipdesk.services.casework import cases
from tipdesk.services.session import Session
from tipdesk.storage import rows
from tipdesk.storage import simfoni as store
from tipdesk.storage.simfoni import PeriodCase


def record_entry(
    session: Session,
    case_number: str,
    reference: str,
    *,
    entered_on: dt.date | None = None,
    note: str = "",
) -> r.SimfoniEntry:
    """Record that the case was entered into SIMFONI-PPA under ``reference`` (on
    ``entered_on``, today if not given, by the signed-in user)."""
    case = cases.live_case(session, case_number)
    permissions.require_change(session, case)
    had = store.live_entry(session.db, case.id)
    if had is not None:
        raise SimfoniRefused(
            reason="already_entered",
            case_number=case.case_number,
            reference=had.reference,
            on=had.entered_on.strftime("%d/%m/%Y") if had.entered_on else "-",
        )
    other = store.case_with_reference(session.db, reference) if reference.strip() else None
    if other is not None:
        raise SimfoniRefused(reason="reference_taken", case_number=other, reference=reference)
    entry = r.SimfoniEntry(
        case_id=case.id,
        entered_on=entered_on or session.today(),
        entered_by=session.user.display_name or session.user.username,
        reference=reference.strip(),
        note=note,
    )
    ensure_valid(entry, today=session.today())
    with session.write() as db:
        entry.id, entry.origin = session.new_id(), session.office.id
        rows.insert(db, entry, session.stamp)
        _audit(session, "simfoni_recorded", entry.id, case)
    return entry


def remove_entry(session: Session, case_number: str) -> None:
    """Remove the case's entry (entered by mistake, or under a wrong reference)."""
    case = cases.live_case(session, case_number)
    permissions.require_change(session, case)
    had = store.live_entry(session.db, case.id)
    if had is None:
        raise NotFound(what="simfoni_entry", key=case.case_number)
    with session.write() as db:
        rows.soft_delete(db, had, session.stamp)
        _audit(session, "simfoni_removed", had.id, case)


def _audit(session: Session, action: str, entry_id: str, case: r.Case) -> None:
    audit.record(
        session,
        action,
        entity="simfoni_entries",
        record_id=entry_id,
        case_number=case.case_number,
    )


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date
    cases: list[PeriodCase]

    @property
    def not_entered(self) -> list[PeriodCase]:
        return [c for c in self.cases if c.entry is None]


def period(session: Session, start: dt.date, end: dt.date) -> Period:
    """The cases opened in the period that the user may see, each with its entry."""
    permissions.require(session, "view_own_cases")
    if end < start:
        raise BadArgument(argument="--to", reason="the period ends before it starts")
    owner = permissions.owner_filter(session)
    return Period(start, end, store.cases_of_period(session.db, start, end, owner))
