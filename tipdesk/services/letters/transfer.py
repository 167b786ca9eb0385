"""The transfer letter (surat pelimpahan kasus), issued for a transfer of a case to
another office (``services/casework/transfers.py``).

Only the office that asked for the transfer writes its letter (the office that owned
the case, or the province that decided it on its own authority), under its own
letterhead, while the transfer waits for a decision or after it was accepted; a letter
issued before a decline can still be reprinted. The letter is addressed to the head of
the receiving office, names every case of the person (they all move), the victim as
consent allows (initials, unless the person consented to share their identity), the
reason, that the file follows through the provincial office, and asks the receiver to
confirm. Issuing records the letter's number on the transfer, which travels with it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import tipdesk.services.letters.engine as engine
import tipdesk.services.letters.particulars as particulars
from tipdesk.domain import records as r
from tipdesk.domain.errors import NotFound, TransferRefused
from tipdesk.services.access import permissions
from tipdesk.services.letters.engine import Subject, Terms
from tipdesk.services.letters.settings import place_name
from tipdesk.services.letters.transfer_pdf import TRANSFER_TEXT, TransferContent, render
from tipdesk.services.session import Session
from tipdesk.storage import cases as case_store
from tipdesk.storage import letters as archive
from tipdesk.storage import rows
from tipdesk.storage import transfers as store

NAME = "transfer"  # (engine.issue lets this kind write for a case handed over)
LETTERED = ("requested", "accepted")  # the transfers a letter is issued for


@dataclass(frozen=True)
class Parties:
    """What a transfer letter reads besides the transfer, its case and person."""

    case_numbers: tuple[str, ...]  # the person's cases, the one asked for first
    sender: r.Office | None
    receiver: r.Office | None
    province: r.Office | None  # the provincial office the file travels through


def asked_here(session: Session, transfer: r.Transfer) -> bool:
    """This office asked for the transfer (or handed its case over by a province's
    decision): the transfer letter is its to write."""
    return session.office.id in (transfer.from_office, transfer.origin)


def _load(session: Session, transfer_id: str) -> Subject:
    db = session.db
    transfer = rows.get(db, r.Transfer, transfer_id)
    if transfer is None or transfer.deleted:
        raise NotFound(what="transfer", key=transfer_id)
    case, person = engine.case_and_person(session, transfer.case_id)
    if not asked_here(session, transfer):
        raise TransferRefused(reason="letter_not_ours", case_number=case.case_number)
    if transfer.status not in LETTERED and not archive.for_record(db, NAME, transfer.id):
        raise TransferRefused(reason="declined_no_letter", case_number=case.case_number)
    others = rows.select(
        db,
        r.Case,
        "person_id = ? AND deleted = 0 AND id <> ?",
        [person.id, case.id],
        order_by="case_number",
    )
    provinces = rows.select(db, r.Office, "deleted = 0 AND level = 'province'", order_by="code")
    parties = Parties(
        (case.case_number, *(c.case_number for c in others)),
        rows.get(db, r.Office, transfer.from_office),
        rows.get(db, r.Office, transfer.to_office),
        provinces[0] if provinces else None,
    )
    return Subject(transfer, case, person, parties)


def _addressee(office: r.Office | None, lang: str) -> tuple[str, ...]:
    """The head of the receiving office: their title (else "Kepala <office>"), the
    office when the title does not name it, and their name when recorded."""
    t = TRANSFER_TEXT[lang]
    name = office.name if office else ""
    head = (office.head_title.strip() if office else "") or t["head_of"].format(office=name)
    lines = [head] if name in head else [head, name]
    if office and office.head_name.strip():
        lines.append(office.head_name.strip())
    return tuple(lines)


def _content(
    session: Session, subject: Subject, settings: r.LetterSettings, terms: Terms
) -> TransferContent:
    transfer: r.Transfer = subject.record
    parties: Parties = subject.more
    lang = terms.language
    receiver = parties.receiver
    province = parties.province
    via = province.name if province and province.id != session.office.id else ""
    return TransferContent(
        **particulars.of_office(session, settings, terms),
        **particulars.of_person(subject, terms),
        **particulars.of_worker(session, subject.case),
        subject=TRANSFER_TEXT[lang]["transfer_subject"],
        addressee=_addressee(receiver, lang),
        addressee_place=(place_name(receiver.region_code) if receiver else "") or settings.city,
        from_office=parties.sender.name if parties.sender else session.office.name,
        to_office=receiver.name if receiver else "",
        case_numbers=parties.case_numbers,
        reason=transfer.reason,
        via=via,
        accepted=transfer.status == "accepted",
        by_province=transfer.origin != transfer.from_office,
    )


def _recorded(subject: Subject) -> tuple[str, dt.date | None]:
    return subject.record.letter_number, subject.record.requested_on


def _mark(subject: Subject, number: str, _day: dt.date) -> None:
    transfer = subject.record
    if transfer.status not in LETTERED:  # (a letter kept from before a decline: reprinted)
        raise TransferRefused(reason="declined_no_letter", case_number=subject.case.case_number)
    transfer.letter_number = number


KIND = engine.register(
    engine.LetterKind(NAME, "transfers", _load, _content, render, _recorded, _mark)
)


def latest_asked(session: Session, case_number: str) -> r.Transfer:
    """The latest transfer of the case's person that this office asked for (the one a
    transfer letter is written for)."""
    case = case_store.case_by_number(session.db, case_number)
    if case is None or case.deleted:
        raise NotFound(what="case", key=case_number)
    permissions.require_case(session, case)
    asked = [t for t in store.of_person(session.db, case.person_id) if asked_here(session, t)]
    if not asked:
        raise TransferRefused(reason="none_asked", case_number=case_number)
    return asked[-1]
