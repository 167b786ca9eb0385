"""The referral letter: what it says about a referral, and the provider's reply.

Issuing marks the referral ``sent``; a sent referral whose letter this archive does not
hold (issued by another office's register) is shown as a copy marked so, with its own
number and date.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import tipdesk.services.letters.engine as engine
import tipdesk.services.letters.particulars as particulars
from tipdesk.domain import records as r
from tipdesk.domain.errors import (
    LetterAlreadyIssued,
    NoLetterIssued,
    NotFound,
    Problem,
    ReplyNotAllowed,
    ValidationFailed,
)
from tipdesk.domain.letters import long_date
from tipdesk.domain.validation import unknown_code, validate
from tipdesk.domain.vocab import DOCUMENT_KIND, SERVICE_TYPE, URGENCY
from tipdesk.services.access import permissions
from tipdesk.services.letters.engine import Letter, Subject, Terms
from tipdesk.services.letters.settings import place_name
from tipdesk.services.letters.templates import TEXT, LetterContent, render
from tipdesk.services.session import Session
from tipdesk.storage import letters as archive
from tipdesk.storage import rows

REPLY_STATUSES = ("accepted", "declined", "completed")


def _load(session: Session, referral_id: str) -> Subject:
    db = session.db
    referral = rows.get(db, r.Referral, referral_id)
    if referral is None or referral.deleted:
        raise NotFound(what="referral", key=referral_id)
    case = rows.get(db, r.Case, referral.case_id)
    person = rows.get(db, r.Person, case.person_id) if case else None
    provider = rows.get(db, r.Provider, referral.provider_id)
    if case is None or case.deleted or person is None:
        raise NotFound(what="case", key=referral.case_id)
    permissions.require(session, "issue_letters")
    permissions.require_case(session, case)
    if provider is None or provider.deleted:
        raise NotFound(what="provider", key=referral.provider_id)
    return Subject(referral, case, person, provider)


def _content(
    session: Session, subject: Subject, settings: r.LetterSettings, terms: Terms
) -> LetterContent:
    referral, provider = subject.record, subject.more
    lang = terms.language
    services = [SERVICE_TYPE.label_or_code(code, lang) for code in referral.services_requested]
    if len(services) == 1:
        subject_line = (
            f"Rujukan {services[0]}"
            if lang == "id"
            else f"Referral for {services[0][:1].lower()}{services[0][1:]}"
        )
    else:
        subject_line = "Rujukan Layanan" if lang == "id" else "Referral for services"
    head = provider.contact_title.strip() or ("Pimpinan" if lang == "id" else "The Head")
    addressee = (head, provider.name) if provider.name not in head else (head,)
    return LetterContent(
        **particulars.of_office(session, settings, terms),
        **particulars.of_person(subject, terms),
        **particulars.of_worker(session, subject.case),
        subject=subject_line,
        addressee=addressee,
        addressee_place=place_name(provider.region_code) or settings.city,
        services=tuple(services),
        reason=referral.reason,
        urgency=URGENCY.label_or_code(referral.urgency, lang),
        documents=tuple(document_line(d, lang) for d in terms.documents),
    )


def document_line(document: r.Document, lang: str) -> str:
    """How the letter names an attached document: its kind and date, never its file name
    or note (either may name the victim)."""
    kind = DOCUMENT_KIND.label_or_code(document.kind or "other", lang)
    day = long_date(document.document_on, lang) if document.document_on else TEXT[lang]["undated"]
    return f"{kind}, {day}"


def _recorded(subject: Subject) -> tuple[str, dt.date | None]:
    return subject.record.letter_number, subject.record.letter_date


def _mark_issued(subject: Subject, number: str, day: dt.date) -> None:
    referral = subject.record
    referral.status, referral.letter_number, referral.letter_date = "sent", number, day


KIND = engine.register(
    engine.LetterKind(
        archive.REFERRAL,
        "referrals",
        _load,
        _content,
        render,
        _recorded,
        _mark_issued,
        LetterAlreadyIssued,
        NoLetterIssued,
        lists_documents=True,
    )
)


def next_number(session: Session, referral_id: str, **options: Any) -> str:
    """The number issuing a letter for this referral now would give; nothing is taken
    (:func:`engine.coming_number`: ``new``, ``override_reason``)."""
    return engine.coming_number(session, KIND.name, referral_id, **options)


def draft_letter(session: Session, referral_id: str, **options: Any) -> Letter:
    """The referral's letter as it would be issued today, marked DRAFT, without a number
    (:func:`engine.draft`: ``language``, ``attachments``)."""
    return engine.draft(session, KIND.name, referral_id, **options)


def issue_letter(session: Session, referral_id: str, **options: Any) -> Letter:
    """Issue a letter for a referral and mark the referral sent, in one transaction
    (:func:`engine.issue`: ``language``, ``attachments``, ``new``, ``override_reason``,
    ``expected_number``)."""
    return engine.issue(session, KIND.name, referral_id, **options)


def reprint_letter(session: Session, referral_id: str, **options: Any) -> Letter:
    """The referral's latest letter exactly as issued (:func:`engine.reprint`)."""
    return engine.reprint(session, KIND.name, referral_id, **options)


def copy_of_letter(session: Session, referral_id: str, **options: Any) -> Letter:
    """A copy of a sent referral's letter whose PDF this register does not hold
    (:func:`engine.copy_of`)."""
    return engine.copy_of(session, KIND.name, referral_id, **options)


def letters_of_referral(session: Session, referral_id: str) -> list[archive.LetterRow]:
    return engine.issued_for(session, KIND.name, referral_id)


# --- the provider's reply ----------------------------------------------------------------


def record_reply(
    session: Session,
    referral_id: str,
    *,
    status: str,
    responded_on: dt.date,
    response: str = "",
    follow_up_on: dt.date | None = None,
) -> list[Problem]:
    """Record what the provider answered (accepted, declined or completed), when, a note,
    and when to follow up; the follow-up date shows on the dashboard."""
    referral = rows.get(session.db, r.Referral, referral_id)
    if referral is None or referral.deleted:
        raise NotFound(what="referral", key=referral_id)
    permissions.require(session, "issue_letters")
    case = rows.get(session.db, r.Case, referral.case_id)
    if case is None:
        raise NotFound(what="case", key=referral.case_id)
    permissions.require_case(session, case)
    permissions.require_change(session, case)
    if referral.status not in ("sent", *REPLY_STATUSES):
        raise ReplyNotAllowed(status=referral.status)
    problems = []
    if not status:
        problems.append(Problem("status", "required"))
    elif status not in REPLY_STATUSES:
        problems.append(
            unknown_code("status", status, "referral_status", allowed=sorted(REPLY_STATUSES))
        )
    if responded_on is None:
        problems.append(Problem("responded_on", "required"))
    referral.status, referral.responded_on = status, responded_on
    referral.response, referral.follow_up_on = response.strip(), follow_up_on
    seen = {(p.field, p.code) for p in problems}
    problems += [
        p for p in validate(referral, today=session.today()) if (p.field, p.code) not in seen
    ]
    if any(p.is_error for p in problems):
        raise ValidationFailed(problems)
    with session.write() as db:
        rows.update(db, referral, session.stamp)
    return [p for p in problems if not p.is_error]
