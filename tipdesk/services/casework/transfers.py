"""Handing a case to another office (pelimpahan kasus, DESIGN.md section 10).

A supervisor of the office that owns a case asks to hand it to another office of the
province, with a reason. The person goes with every case of theirs and everything
attached (a case and its person share one owner). The request travels through the
province to the receiving office, which holds the file read-only until its supervisor
accepts (the owner changes everywhere; the sender keeps a read-only copy) or declines
with a reason (the case stays where it was, unchanged, and the receiving office drops its
copy). A province hands over between its districts on its own authority (accepted at
once), and may receive a case itself. What a transfer does in a batch is
``services/sync/handover.py``.
"""

from __future__ import annotations

from dataclasses import dataclass

from tipdesk.domain import records as r
from tipdesk.domain.errors import NotFound, Problem, TransferRefused, ValidationFailed
from tipdesk.domain.validation import validate
from tipdesk.services.access import audit, permissions
from tipdesk.services.session import Session
from tipdesk.services.sync.handover import apply_outcome
from tipdesk.storage import capture, rows
from tipdesk.storage import cases as case_store
from tipdesk.storage import transfers as store

MIN_REASON = 10  # characters of a reason, spaces not counted


@dataclass(frozen=True)
class TransferView:
    """A transfer as a screen or the command line shows it."""

    transfer: r.Transfer
    case_number: str  # the case asked for ("" if this register does not hold it)
    from_code: str
    from_name: str
    to_code: str
    to_name: str
    direction: str  # "outgoing", "incoming" or "between" (two other offices, at a province)
    cases_moving: int  # the person's cases that move with it (here)

    @property
    def waiting_for_us(self) -> bool:
        return self.direction == "incoming" and self.transfer.status == "requested"


def destinations(session: Session) -> list[r.Office]:
    """The other offices of the province this register knows, by code."""
    found = rows.select(session.db, r.Office, "deleted = 0 AND id <> ?", [session.office.id])
    return sorted(found, key=lambda office: office.code)


def _office_by_code(session: Session, code: str) -> r.Office:
    wanted = code.strip().upper()
    for office in destinations(session):
        if office.code.upper() == wanted:
            return office
    raise TransferRefused(reason="unknown_office", office=code)


def _reason_problems(field: str, text: str) -> list[Problem]:
    if not text.strip():
        return [Problem(field, "required")]
    if len(text.replace(" ", "")) < MIN_REASON:
        return [Problem(field, "too_short", params={"minimum": str(MIN_REASON)})]
    return []


def _case(session: Session, case_number: str) -> r.Case:
    case = case_store.case_by_number(session.db, case_number)
    if case is None or case.deleted:
        raise NotFound(what="case", key=case_number)
    permissions.require_case(session, case)
    return case


def open_transfer(session: Session, person_id: str) -> r.Transfer | None:
    """The person's transfer waiting for a decision, if there is one."""
    waiting = [t for t in store.of_person(session.db, person_id) if t.status == "requested"]
    return waiting[-1] if waiting else None


def request(session: Session, case_number: str, to_code: str, reason: str) -> r.Transfer:
    """Ask to hand the case (its person, all their cases) to the office ``to_code``.

    The owner asks; a province asks for a case of its own, and hands a district's case to
    another office (or takes it itself) on its own authority: accepted at once."""
    permissions.require(session, "transfer_cases")
    case = _case(session, case_number)
    if not permissions.may_change_case(session, case):
        raise TransferRefused(reason="not_ours", case_number=case_number)
    target = _office_by_code(session, to_code)
    if target.id == case.origin:
        raise TransferRefused(reason="same_office", office=target.code)
    if open_transfer(session, case.person_id) is not None:
        raise TransferRefused(reason="already_open", case_number=case_number)
    problems = _reason_problems("transfer_reason", reason)
    if problems:
        raise ValidationFailed(problems)
    today = session.today()
    authority = session.office.level == "province" and case.origin != session.office.id
    hops = [t.hop for t in store.of_person(session.db, case.person_id)]
    transfer = r.Transfer(
        case_id=case.id,
        person_id=case.person_id,
        from_office=case.origin,
        to_office=target.id,
        hop=max(hops, default=0) + 1,
        reason=reason.strip(),
        requested_on=today,
        requested_by=session.user.username,
        status="accepted" if authority else "requested",
        decided_on=today if authority else None,
        decided_by=session.user.username if authority else "",
    )
    errors = [p for p in validate(transfer, today=today) if p.severity == "error"]
    if errors:
        raise ValidationFailed(errors)
    with session.write() as db:
        transfer.id, transfer.origin = session.new_id(), session.office.id
        rows.insert(db, transfer, session.stamp)
        _apply_here(session, transfer)
        if session.office.level == "province":
            store.relay_whole_file(db, transfer.person_id, session.user.username)
        audit.record(
            session,
            "transfer_requested",
            entity="transfers",
            record_id=transfer.id,
            case_number=case.case_number,
            detail={"to": target.code, "authority": authority},
        )
        if authority:
            audit.record(
                session,
                "transfer_accepted",
                entity="transfers",
                record_id=transfer.id,
                case_number=case.case_number,
                detail={"to": target.code, "authority": True},
            )
    return transfer


def _apply_here(session: Session, transfer: r.Transfer) -> None:
    """The transfer's outcome for this register's records, made by each office itself
    (so it is not captured: it never travels as a change)."""
    db = session.db
    capture.set_muted(db, True)
    try:
        apply_outcome(db, transfer, session.office.id, district=session.office.level == "district")
    finally:
        capture.set_muted(db, False)


def _waiting(session: Session, case_number: str) -> r.Transfer:
    """The transfer of the case's person that this office is to decide."""
    permissions.require(session, "transfer_cases")
    case = case_store.case_by_number(session.db, case_number)
    if case is None or case.deleted:
        raise NotFound(what="case", key=case_number)
    transfer = open_transfer(session, case.person_id)
    if transfer is None:
        raise TransferRefused(reason="not_open", case_number=case_number)
    if transfer.to_office != session.office.id:
        raise TransferRefused(reason="not_for_us", case_number=case_number)
    return transfer


def accept(session: Session, case_number: str) -> r.Transfer:
    """Accept the transfer offered to this office: it owns the person's file from now."""
    transfer = _waiting(session, case_number)
    return _decide(session, transfer, case_number, "accepted", "")


def decline(session: Session, case_number: str, reason: str) -> r.Transfer:
    """Decline the transfer offered to this office, with a reason: the case stays with
    its owner, and this office's copy is dropped."""
    transfer = _waiting(session, case_number)
    problems = _reason_problems("decision_reason", reason)
    if problems:
        raise ValidationFailed(problems)
    return _decide(session, transfer, case_number, "declined", reason.strip())


def _decide(
    session: Session, transfer: r.Transfer, case_number: str, status: str, reason: str
) -> r.Transfer:
    transfer.status = status
    transfer.decided_on = session.today()
    transfer.decided_by = session.user.username
    transfer.decision_reason = reason
    with session.write() as db:
        rows.update(db, transfer, session.stamp)
        _apply_here(session, transfer)
        audit.record(
            session,
            f"transfer_{status}",
            entity="transfers",
            record_id=transfer.id,
            case_number=case_number,
            detail={"from": _code(session, transfer.from_office)},
        )
    return transfer


def _code(session: Session, office_id: str) -> str:
    office = rows.get(session.db, r.Office, office_id)
    return office.code if office else ""


def _views(session: Session, found: list[r.Transfer]) -> list[TransferView]:
    offices = {o.id: o for o in rows.select(session.db, r.Office, "1 = 1")}
    numbers = store.case_numbers(session.db, [t.case_id for t in found])
    moving = store.cases_per_person(session.db, [t.person_id for t in found])
    own = session.office.id
    views = []
    for t in found:
        a, b = offices.get(t.from_office), offices.get(t.to_office)
        direction = (
            "outgoing" if t.from_office == own else "incoming" if t.to_office == own else "between"
        )
        views.append(
            TransferView(
                t,
                numbers.get(t.case_id, ""),
                a.code if a else "",
                a.name if a else "",
                b.code if b else "",
                b.name if b else "",
                direction,
                moving.get(t.person_id, 0),
            )
        )
    return views


def list_transfers(session: Session) -> list[TransferView]:
    """The transfers this office is a party to (every one, at a province), newest first.
    A case worker sees those of the cases they may see."""
    permissions.require(session, "view_own_cases")
    office = "" if session.office.level == "province" else session.office.id
    found = store.listed(session.db, office)
    if not permissions.allowed(session, "view_all_cases"):
        visible = set()
        for t in found:
            case = rows.get(session.db, r.Case, t.case_id)
            if case is not None and permissions.may_see_case(session, case):
                visible.add(t.id)
        found = [t for t in found if t.id in visible]
    return _views(session, found)


@dataclass(frozen=True)
class CaseStanding:
    """How a case file stands between offices, for its banner: a copy handed over, a
    copy offered to us, a transfer we asked for; and the persons a province linked."""

    transfer: TransferView | None  # the person's latest transfer, if any
    read_only: bool  # this office may not change the case
    owner_code: str
    owner_name: str
    links: tuple  # people_links.LinkView of the person


def standing(session: Session, case: r.Case) -> CaseStanding:
    """The case's banner: its latest transfer and whether this office may change it (as
    the register holds the case now)."""
    case = rows.get(session.db, r.Case, case.id) or case
    latest = store.of_person(session.db, case.person_id)
    view = _views(session, latest[-1:])[0] if latest else None
    owner = rows.get(session.db, r.Office, case.origin)
    from tipdesk.services.casework import people_links  # (links read the same person)

    return CaseStanding(
        view,
        not permissions.may_change_case(session, case),
        owner.code if owner else "",
        owner.name if owner else "",
        tuple(people_links.links_of_person(session, case.person_id)),
    )


def transfers_json(views: list[TransferView]) -> list[dict]:
    """Transfers for ``--json``: codes and dates, the reasons (they are the office's own
    words, no more personal than a note), never the person's data."""
    return [
        {
            "id": v.transfer.id,
            "case_number": v.case_number,
            "from": v.from_code,
            "to": v.to_code,
            "direction": v.direction,
            "status": v.transfer.status,
            "hop": v.transfer.hop,
            "requested_on": v.transfer.requested_on.isoformat()
            if v.transfer.requested_on
            else None,
            "requested_by": v.transfer.requested_by,
            "decided_on": v.transfer.decided_on.isoformat() if v.transfer.decided_on else None,
            "decided_by": v.transfer.decided_by,
            "reason": v.transfer.reason,
            "decision_reason": v.transfer.decision_reason,
            "letter_number": v.transfer.letter_number,
            "cases_moving": v.cases_moving,
        }
        for v in views
    ]
