"""What every kind of letter takes from the office's settings and from the person: the
letterhead, date, number and signatory; the person as consent allows them to be shown."""

from __future__ import annotations

from typing import Any

from tipdesk.domain import records as r
from tipdesk.domain.validation import logo_bytes
from tipdesk.domain.vocab import SEX
from tipdesk.services.letters.engine import CHILD_AGE, Subject, Terms
from tipdesk.services.session import Session
from tipdesk.storage import local


def of_office(session: Session, settings: r.LetterSettings, terms: Terms) -> dict[str, Any]:
    """The fields of a letter's content that come from the office and the terms."""
    return {
        "language": terms.language,
        "paper": settings.paper,
        "letterhead": tuple(settings.letterhead),
        "address_lines": tuple(settings.address_lines),
        "logo": logo_bytes(settings),
        "city": settings.city,
        "date": terms.day,
        "number": terms.number,
        "attachments": terms.attachments,
        "office_name": session.office.name,
        "signatory_title": settings.signatory_title,
        "signatory_name": settings.signatory_name,
        "signatory_rank": settings.signatory_rank,
        "signatory_nip": settings.signatory_nip,
        "copies": tuple(settings.copies),
        "draft": terms.draft,
        "copy": terms.copy,
    }


def of_person(subject: Subject, terms: Terms) -> dict[str, Any]:
    """Register number, initials, age and sex; the name and NIK only with consent to
    share the person's identity."""
    person, share, lang = subject.person, bool(subject.case.consent_share), terms.language
    return {
        "register_number": person.register_number,
        "initials": r.initials(person.full_name),
        "age": r.age_of(person, terms.day),
        "sex": SEX.label_or_code(person.sex, lang) if person.sex else "-",
        "full_name": person.full_name if share else "",
        "nik": person.nik if share else "",
        "child": is_child(r.age_of(person, terms.day)),
    }


def is_child(age: int | None) -> bool:
    """A person of unknown age is treated as a child (UU 35/2014's presumption)."""
    return age is None or age < CHILD_AGE


def of_worker(session: Session, case: r.Case) -> dict[str, Any]:
    """The case worker a letter names for coordination."""
    worker = local.get_user(session.db, case.assigned_to) or session.user
    return {"worker_name": worker.display_name or worker.username, "worker_phone": worker.phone}
