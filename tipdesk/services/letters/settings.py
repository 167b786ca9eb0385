"""The office's letter settings: letterhead, logo, signatory, number pattern, paper."""

from __future__ import annotations

from tipdesk.domain import records as r
from tipdesk.domain.errors import LetterSettingsIncomplete, Problem, ValidationFailed
from tipdesk.domain.messages import field_label
from tipdesk.domain.regions import wilayah_name
from tipdesk.domain.validation import validate
from tipdesk.services.access import permissions
from tipdesk.services.session import Session
from tipdesk.storage import local, rows

SETTINGS_KEY = local.LETTER_SETTINGS


def letter_settings(session: Session) -> r.LetterSettings:
    """The office's letter settings; until an admin saves them, what the office record
    already says (letterhead, head of office, city of the office's region)."""
    saved = local.get_setting(session.db, SETTINGS_KEY)
    known = set(r.fields_of(r.LetterSettings))
    if saved is not None:
        return r.LetterSettings(**{k: v for k, v in saved.items() if k in known})
    return initial_settings(session.office)


def initial_settings(office: r.Office, *, logo: str = "") -> r.LetterSettings:
    """Letter settings from what the office record says (letterhead, head of office,
    city of the office's region), with ``logo`` (base64 PNG or JPEG, "" for none)."""
    return r.LetterSettings(
        letterhead=list(office.letterhead) or [office.name],
        logo=logo,
        city=place_name(office.region_code),
        signatory_title=office.head_title,
        signatory_name=office.head_name,
        signatory_nip=office.head_nip,
    )


def logo_problems(logo: str) -> list[Problem]:
    """What is wrong with a logo (base64 text) as Letter settings checks it: not a PNG
    or JPEG image, or too large; empty when it is usable or there is none."""
    return [p for p in validate(r.LetterSettings(logo=logo)) if p.field == "logo" and p.is_error]


def save_letter_settings(session: Session, settings: r.LetterSettings) -> list[Problem]:
    """Validate and store the settings (admin only); the office record's letterhead and
    head of office follow them, so the provincial office sees the same."""
    permissions.require(session, "edit_letter_settings")
    settings.letterhead = [line.strip() for line in settings.letterhead if line.strip()]
    settings.address_lines = [line.strip() for line in settings.address_lines if line.strip()]
    settings.copies = [line.strip() for line in settings.copies if line.strip()]
    problems = validate(settings, today=session.today())
    if any(p.is_error for p in problems):
        raise ValidationFailed(problems)
    office = rows.get(session.db, r.Office, session.office.id) or session.office
    office.letterhead = list(settings.letterhead)
    office.head_title, office.head_name = settings.signatory_title, settings.signatory_name
    office.head_nip = settings.signatory_nip
    with session.write() as db:
        local.set_setting(
            db, SETTINGS_KEY, {k: getattr(settings, k) for k in r.fields_of(r.LetterSettings)}
        )
        rows.update(db, office, session.stamp)
    session.office = office
    return problems


def complete_settings(session: Session) -> r.LetterSettings:
    """The settings, if a letter can be made with them; refused, naming what is missing."""
    settings = letter_settings(session)
    errors = [p for p in validate(settings, today=session.today()) if p.is_error]
    if errors:
        lang = settings.language
        raise LetterSettingsIncomplete(
            fields=", ".join(dict.fromkeys(field_label(p.field, lang) for p in errors))
        )
    return settings


def place_name(region_code: str) -> str:
    """``53.71`` -> ``Kupang``: the name of a regency or city without its kind."""
    name = wilayah_name(region_code) if region_code else None
    if not name:
        return ""
    for prefix in ("KABUPATEN ", "KAB. ", "KOTA ADM. ", "KOTA "):
        if name.upper().startswith(prefix):
            name = name[len(prefix) :]
            break
    return name.title() if name.isupper() else name
