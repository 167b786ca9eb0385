"""The handover record (berita acara serah terima) of a victim's return, issued from a
return of a case: the escort (first party) hands the victim over to this office (second
party). Issuing fills the return's handover number, and its handover date when empty."""

from __future__ import annotations

import datetime as dt

import tipdesk.services.letters.engine as engine
import tipdesk.services.letters.particulars as particulars
from tipdesk.domain import records as r
from tipdesk.domain.errors import NotFound
from tipdesk.domain.regions import wilayah_name
from tipdesk.domain.vocab import RETURN_ESCORT
from tipdesk.services.letters.engine import Subject, Terms
from tipdesk.services.letters.handover_pdf import HANDOVER_TEXT, HandoverContent, render
from tipdesk.services.session import Session
from tipdesk.storage import rows


def _load(session: Session, return_id: str) -> Subject:
    found = rows.get(session.db, r.Return, return_id)
    if found is None or found.deleted:
        raise NotFound(what="return", key=return_id)
    case, person = engine.case_and_person(session, found.case_id)
    return Subject(found, case, person)


def region_text(code: str) -> str:
    """``53.71`` -> ``Kota Kupang``; the code itself when the region is not known."""
    name = wilayah_name(code) if code else None
    if not name:
        return code
    return name.title() if name.isupper() else name


def _content(
    session: Session, subject: Subject, settings: r.LetterSettings, terms: Terms
) -> HandoverContent:
    back = subject.record
    lang = terms.language
    return HandoverContent(
        **particulars.of_office(session, settings, terms),
        **particulars.of_person(subject, terms),
        subject=HANDOVER_TEXT[lang]["subject"],
        handed_over_on=back.handover_on or terms.day,
        escort=RETURN_ESCORT.label_or_code(back.escort, lang) or "." * 44,
        origin=region_text(back.origin_region),
        departed_on=back.departed_on,
        arrived_on=back.arrived_on,
    )


def _recorded(subject: Subject) -> tuple[str, dt.date | None]:
    return subject.record.handover_number, subject.record.handover_on


def _mark(subject: Subject, number: str, day: dt.date) -> None:
    back = subject.record
    back.handover_number = number
    back.handover_on = back.handover_on or day


KIND = engine.register(
    engine.LetterKind("handover", "returns", _load, _content, render, _recorded, _mark)
)
