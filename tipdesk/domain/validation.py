"""Validation of records: every problem of a record at once, field by field.

Errors refuse the record; warnings are shown and the record is still saved (a NIK whose
region code is no longer in today's Kemendagri list, for instance: regions split, a NIK
keeps the code it was issued with).
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import datetime as dt
import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from tipdesk.domain import letters
from tipdesk.domain import records as r
from tipdesk.domain.errors import Problem, ValidationFailed
from tipdesk.domain.regions import parse_nik, wilayah_name
from tipdesk.domain.vocab import VOCABULARIES

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

MAX_AGE = 120
# Dates that plan ahead; every other date records something that has happened.
FUTURE_ALLOWED = {"follow_up_on", "planned_on", "respond_by", "target_on", "review_on", "next_on"}
CLOSED_STATUSES = {"closed", "closed_referred"}

REGION = re.compile(r"^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE_STRIP = re.compile(r"[\s().\-]")
_OFFICE_CODE = re.compile(r"^[A-Z0-9]{2,12}$")
_USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,63}$")
# A text allowed this many characters or more may hold line breaks and tabs (notes,
# summaries, addresses); shorter ones are one line. No text holds any other control
# character (a NUL, an escape), nor a lone surrogate, which no file or database keeps.
MULTILINE_FROM = 300
_ONE_LINE_BAD = re.compile(r"[\x00-\x1f\x7f\ud800-\udfff]")
_MULTILINE_BAD = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
# lokal-id issue codes that mean "not a NIK at all"; the others are warnings.
_NIK_FATAL = {"format", "wilayah", "birth_date", "serial"}


def validate(record: DataclassInstance, *, today: dt.date | None = None) -> list[Problem]:
    """Every problem of ``record``: errors and warnings, in field order."""
    today = today or dt.date.today()
    problems = _check_fields(record, today)
    extra = _EXTRA.get(type(record))
    if extra:
        problems.extend(extra(record, today))
    return problems


def record_rules(record: DataclassInstance, today: dt.date) -> list[Problem]:
    """The rules of ``record``'s kind beyond each field's own (dates in order, amounts
    in range...)."""
    extra = _EXTRA.get(type(record))
    return extra(record, today) if extra else []


def ensure_valid(record: DataclassInstance, *, today: dt.date | None = None) -> list[Problem]:
    """Raise :class:`ValidationFailed` if ``record`` has errors; return its warnings."""
    problems = validate(record, today=today)
    if any(p.is_error for p in problems):
        raise ValidationFailed(problems)
    return problems


def _check_fields(record: DataclassInstance, today: dt.date) -> list[Problem]:
    problems: list[Problem] = []
    for f in dataclasses.fields(record):
        meta = f.metadata
        if not meta.get("editable") and not meta.get("required"):
            continue
        value = getattr(record, f.name)
        kind = meta["kind"]
        if meta.get("required") and (
            value in (None, "", []) or (isinstance(value, str) and not value.strip())
        ):
            problems.append(Problem(f.name, "required"))
            continue
        if kind == "text" and meta.get("max_len") and len(value or "") > meta["max_len"]:
            problems.append(Problem(f.name, "too_long", params={"max": meta["max_len"]}))
        elif _holds_control_characters(kind, value, meta.get("max_len")):
            problems.append(Problem(f.name, "control_character"))
        elif kind == "code" and value is not None:
            if value not in VOCABULARIES[meta["vocab"]]:
                problems.append(unknown_code(f.name, value, meta["vocab"]))
        elif kind == "codes":
            vocab = VOCABULARIES[meta["vocab"]]
            for item in value:
                if item not in vocab:
                    problems.append(unknown_code(f.name, item, meta["vocab"]))
            if len(set(value)) != len(value):
                problems.append(Problem(f.name, "duplicate_code"))
        elif kind == "date" and value is not None:
            if value > today and f.name not in FUTURE_ALLOWED:
                problems.append(
                    Problem(f.name, "date_in_future", params={"value": value.isoformat()})
                )
            elif value.year < 1900:
                problems.append(
                    Problem(f.name, "date_too_early", params={"value": value.isoformat()})
                )
    return problems


def _holds_control_characters(kind: str, value: Any, max_len: int | None) -> bool:
    if kind == "text":
        return bool(value) and control_characters(value, max_len)
    return kind == "lines" and any(control_characters(line, None) for line in value)


def control_characters(text: str, max_len: int | None) -> bool:
    """True if ``text`` holds a character no text of its length may hold."""
    bad = _MULTILINE_BAD if (max_len or 0) >= MULTILINE_FROM else _ONE_LINE_BAD
    return bad.search(text) is not None


def unknown_code(
    field: str, value: object, vocab: str, allowed: Sequence[str] | None = None
) -> Problem:
    """The allowed codes (``allowed``, else the vocabulary's) go with the refusal: the
    command line has no list to pick from."""
    codes = list(allowed if allowed is not None else VOCABULARIES[vocab].codes())
    shown = ", ".join(codes[:_CHOICES_SHOWN]) + (", …" if len(codes) > _CHOICES_SHOWN else "")
    return Problem(field, "unknown_code", params={"value": value, "vocab": vocab, "choices": shown})


_CHOICES_SHOWN = 20


def _person(p: r.Person, today: dt.date) -> list[Problem]:
    problems: list[Problem] = []
    if p.birth_date and p.birth_date <= today:
        age = r.age_on(p.birth_date, today)
        if age > MAX_AGE:
            problems.append(
                Problem("birth_date", "age_out_of_range", params={"value": age, "max": MAX_AGE})
            )
    if p.estimated_age is not None and not 0 <= p.estimated_age <= MAX_AGE:
        problems.append(
            Problem(
                "estimated_age",
                "age_out_of_range",
                params={"value": p.estimated_age, "max": MAX_AGE},
            )
        )
    if p.nik:
        problems.extend(check_nik(p.nik, sex=p.sex, birth_date=p.birth_date, today=today))
    for name in ("phone", "guardian_phone"):
        problems.extend(check_phone(name, getattr(p, name)))
    problems.extend(check_region("region_code", p.region_code))
    current_age = r.age_of(p, today)
    if current_age is not None and current_age < 18 and not p.guardian_name:
        problems.append(Problem("guardian_name", "guardian_missing", "warning"))
    return problems


def check_nik(
    nik: str,
    *,
    sex: str | None = None,
    birth_date: dt.date | None = None,
    today: dt.date | None = None,
) -> list[Problem]:
    """Check a NIK's shape; a region or date that does not match is only a warning."""
    info = parse_nik(nik, reference_date=today or dt.date.today())
    problems = [
        Problem("nik", f"nik_{issue.code}") for issue in info.errors if issue.code in _NIK_FATAL
    ]
    if problems:
        return problems
    problems += [
        Problem("nik", f"nik_{issue.code}", "warning")
        for issue in info.errors + info.warnings
        if issue.code not in _NIK_FATAL
    ]
    if sex and info.gender and {"L": "male", "P": "female"}[info.gender] != sex:
        problems.append(Problem("nik", "nik_sex_mismatch", "warning"))
    if birth_date and info.birth_date and info.birth_date != birth_date.isoformat():
        # The NIK only holds two digits of the year, so compare day, month and year mod 100.
        nik_date = dt.date.fromisoformat(info.birth_date)
        if (nik_date.day, nik_date.month, nik_date.year % 100) != (
            birth_date.day,
            birth_date.month,
            birth_date.year % 100,
        ):
            problems.append(Problem("nik", "nik_birth_date_mismatch", "warning"))
    return problems


def check_phone(name: str, value: str) -> list[Problem]:
    if not value:
        return []
    digits = _PHONE_STRIP.sub("", value)
    if digits.startswith("+"):
        digits = digits[1:]
    if not digits.isdigit() or not 7 <= len(digits) <= 15:
        return [Problem(name, "invalid_phone")]
    return []


def check_office(code: str) -> list[Problem]:
    if code and not _OFFICE_CODE.match(code):
        return [Problem("code", "invalid_office_code", params={"value": code})]
    return []


def check_region(name: str, value: str) -> list[Problem]:
    if not value:
        return []
    if not REGION.match(value):
        return [Problem(name, "invalid_region_code", params={"value": value})]
    if wilayah_name(value) is None:
        return [Problem(name, "unknown_region_code", "warning", params={"value": value})]
    return []


def _case(c: r.Case, today: dt.date) -> list[Problem]:
    problems: list[Problem] = []
    closed = c.status in CLOSED_STATUSES
    if closed and c.closed_on is None:
        problems.append(Problem("closed_on", "closure_date_required"))
    if closed and not c.closure_reason:
        problems.append(Problem("closure_reason", "closure_reason_required"))
    if not closed and c.closed_on is not None:
        problems.append(Problem("closed_on", "closed_on_for_open_case"))
    if c.opened_on:
        for name in ("closed_on", "follow_up_on", "consent_date"):
            value = getattr(c, name)
            if value is not None and value < c.opened_on and name != "consent_date":
                problems.append(
                    Problem(name, "before_opening", params={"opened_on": c.opened_on.isoformat()})
                )
    if c.labour_sector and "forced_labour" not in c.exploitation_types:
        problems.append(Problem("labour_sector", "sector_without_forced_labour", "warning"))
    if (c.consent_services or c.consent_share) and c.consent_date is None:
        problems.append(Problem("consent_date", "consent_date_missing", "warning"))
    problems.extend(check_region("recruitment_region", c.recruitment_region))
    return problems


def _service(s: r.Service, today: dt.date) -> list[Problem]:
    if s.started_on and s.completed_on and s.completed_on < s.started_on:
        return [Problem("completed_on", "ends_before_start")]
    return []


def _referral(ref: r.Referral, today: dt.date) -> list[Problem]:
    problems: list[Problem] = []
    if not ref.services_requested:
        problems.append(Problem("services_requested", "required"))
    if ref.letter_date and ref.responded_on and ref.responded_on < ref.letter_date:
        problems.append(Problem("responded_on", "reply_before_letter"))
    return problems


def _provider(p: r.Provider, today: dt.date) -> list[Problem]:
    # A provider's phone is free text ("0380 821 234 ext. 5, IGD 0380 833 111").
    problems: list[Problem] = []
    if p.email and not EMAIL.match(p.email):
        problems.append(Problem("email", "invalid_email"))
    problems.extend(check_region("region_code", p.region_code))
    return problems


def _office(o: r.Office, today: dt.date) -> list[Problem]:
    problems: list[Problem] = []
    problems.extend(check_office(o.code))
    if o.name and any(not ch.isprintable() for ch in o.name):
        # The name travels on the office's key card and heads letters: one line.
        problems.append(Problem("name", "one_line"))
    problems.extend(check_region("region_code", o.region_code))
    return problems


LOGO_MAX_BYTES = 512 * 1024
_IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")


def logo_bytes(settings: r.LetterSettings) -> bytes | None:
    """The logo image's bytes; None if there is none or it is not valid base64."""
    if not settings.logo:
        return None
    try:
        return base64.b64decode(settings.logo, validate=True)
    except (binascii.Error, ValueError):
        return None


def _letter_settings(s: r.LetterSettings, today: dt.date) -> list[Problem]:
    problems: list[Problem] = []
    if s.letterhead and not any(line.strip() for line in s.letterhead):
        problems.append(Problem("letterhead", "required"))
    for code in letters.pattern_problems(s.number_pattern) if s.number_pattern else []:
        kind, _, name = code.partition(":")
        problems.append(
            Problem("number_pattern", f"pattern_{kind}", params={"name": "{" + name + "}"})
        )
    nip = s.signatory_nip.replace(" ", "")
    if nip and not nip.isdigit():
        problems.append(Problem("signatory_nip", "invalid_nip"))
    elif nip and len(nip) != 18:
        problems.append(
            Problem("signatory_nip", "nip_length", "warning", params={"digits": len(nip)})
        )
    if s.logo:
        image = logo_bytes(s)
        if image is None or not image.startswith(_IMAGE_MAGIC):
            problems.append(Problem("logo", "invalid_logo"))
        elif len(image) > LOGO_MAX_BYTES:
            problems.append(
                Problem("logo", "logo_too_large", params={"max_kb": LOGO_MAX_BYTES // 1024})
            )
    return problems


def _user(u: r.User, today: dt.date) -> list[Problem]:
    if u.username and not _USERNAME.match(u.username):
        return [Problem("username", "invalid_username", params={"value": u.username})]
    return []


# --- The case journey (DESIGN.md section 10) ------------------------------------------------

# Legal steps taken before a court: they name it, and may end in a conviction.
COURT_STEPS = frozenset({"verdict", "appeal", "cassation"})
OUTCOME_STEPS = COURT_STEPS | {"final"}
# The steps whose papers carry the request for restitution (DOMAIN.md).
RESTITUTION_STEPS = frozenset({"investigation", "indictment", "demand", "verdict"})
# Pairs of dates of one record that must come in this order: (earlier, later).
DATE_ORDER: dict[type, tuple[tuple[str, str], ...]] = {
    r.Assessment: (("assessed_on", "respond_by"),),
    r.Restitution: (
        ("requested_on", "lpsk_assessed_on"),
        ("requested_on", "awarded_on"),
        ("awarded_on", "paid_on"),
    ),
    r.LpskRequest: (("requested_on", "decided_on"),),
    r.Return: (("departed_on", "arrived_on"), ("departed_on", "handover_on")),
    r.ReintegrationCheckup: (("checked_on", "next_on"),),
}
RUPIAH_AMOUNTS = ("requested_amount", "lpsk_assessed_amount", "awarded_amount", "paid_amount")


def _in_order(record: object) -> list[Problem]:
    problems = []
    for earlier, later in DATE_ORDER.get(type(record), ()):
        first, then = getattr(record, earlier), getattr(record, later)
        if first is not None and then is not None and then < first:
            problems.append(Problem(later, "date_before", params={"earlier": earlier}))
    return problems


def in_range(field: str, value: int | None, low: int, high: int) -> list[Problem]:
    if value is not None and not low <= value <= high:
        return [Problem(field, "number_out_of_range", params={"min": low, "max": high})]
    return []


def _assessment(a: r.Assessment, today: dt.date) -> list[Problem]:
    problems = _in_order(a)
    if a.kind == "risk_triage" and not a.risk_level:
        problems.append(Problem("risk_level", "triage_needs_risk_level"))
    if a.kind == "biopsychosocial" and not a.needs and not a.findings.strip():
        problems.append(Problem("needs", "assessment_without_needs", "warning"))
    return problems


def _plan_goal(g: r.PlanGoal, today: dt.date) -> list[Problem]:
    if g.target_on and g.review_on and g.review_on > g.target_on:
        return [Problem("review_on", "review_after_target", "warning")]
    return []


def _legal_step(step: r.LegalStep, today: dt.date) -> list[Problem]:
    problems: list[Problem] = []
    if step.kind in COURT_STEPS and not step.authority.strip():
        problems.append(Problem("authority", "court_required"))
    if step.kind == "verdict" and not step.outcome:
        problems.append(Problem("outcome", "verdict_outcome_required"))
    if step.outcome and step.kind not in OUTCOME_STEPS:
        problems.append(Problem("outcome", "outcome_without_court"))
    if step.sentence_months is not None and step.outcome not in (None, "convicted"):
        problems.append(Problem("sentence_months", "sentence_without_conviction"))
    if step.restitution_requested and step.kind not in RESTITUTION_STEPS:
        problems.append(Problem("restitution_requested", "restitution_flag_misplaced"))
    problems += in_range("sentence_months", step.sentence_months, 0, r.MAX_SENTENCE_MONTHS)
    problems += in_range("perpetrators", step.perpetrators, 0, r.MAX_PERPETRATORS)
    if step.perpetrator_relationship and not step.perpetrators:
        problems.append(Problem("perpetrators", "relationship_without_perpetrators"))
    return problems


def _restitution(x: r.Restitution, today: dt.date) -> list[Problem]:
    problems = _in_order(x)
    for amount in RUPIAH_AMOUNTS:
        value = getattr(x, amount)
        problems += in_range(amount, value, 0, r.MAX_RUPIAH)
        day = amount.replace("_amount", "_on")
        if value is not None and getattr(x, day) is None:
            problems.append(Problem(day, "amount_needs_date"))
    if not any(getattr(x, amount.replace("_amount", "_on")) for amount in RUPIAH_AMOUNTS):
        problems.append(Problem("requested_on", "required"))
    if x.paid_on is not None and x.awarded_on is None:
        problems.append(Problem("paid_on", "paid_without_award"))
    return problems


def _lpsk_request(q: r.LpskRequest, today: dt.date) -> list[Problem]:
    problems = _in_order(q)
    if not q.protection_types:
        problems.append(Problem("protection_types", "required"))
    if q.decision != "pending" and q.decided_on is None:
        problems.append(Problem("decided_on", "decision_date_required"))
    if q.decision == "pending" and q.decided_on is not None:
        problems.append(Problem("decided_on", "decision_date_while_pending"))
    return problems


def _return(x: r.Return, today: dt.date) -> list[Problem]:
    return _in_order(x) + check_region("origin_region", x.origin_region)


def _checkup(c: r.ReintegrationCheckup, today: dt.date) -> list[Problem]:
    return _in_order(c)


def _incident(i: r.Incident, today: dt.date) -> list[Problem]:
    return check_region("region_code", i.region_code)


def _transfer(t: r.Transfer, today: dt.date) -> list[Problem]:
    problems = in_range("hop", t.hop, 1, 10_000)
    if t.from_office and t.from_office == t.to_office:
        problems.append(Problem("to_office", "same_as_from"))
    decided = t.status in ("accepted", "declined")
    if decided and t.decided_on is None:
        problems.append(Problem("decided_on", "required"))
    if not decided and (t.decided_on is not None or t.decided_by):
        problems.append(Problem("decided_on", "not_decided"))
    if t.decided_on is not None and t.requested_on and t.decided_on < t.requested_on:
        problems.append(Problem("decided_on", "date_before", params={"earlier": "requested_on"}))
    return problems


def _person_link(link: r.PersonLink, today: dt.date) -> list[Problem]:
    if link.person_a and link.person_a == link.person_b:
        return [Problem("person_b", "same_as_from")]
    return []


_SHA256 = re.compile(r"^[0-9a-f]{64}$")
# What a document's ``attached_id`` names, by ``attached_to`` ("person" and "case" name none).
DOCUMENT_SUBJECTS = {
    "service": "services",
    "referral": "referrals",
    "legal_step": "legal_steps",
    "return": "returns",
}


def _document(d: r.Document, today: dt.date) -> list[Problem]:
    """A live document names its bytes (size and SHA-256) and what it is attached to; a
    file name is a name, never a path."""
    if d.deleted:
        return []
    problems = in_range("size", d.size, 1, r.MAX_DOCUMENT_BYTES)
    if d.size is None:
        problems.append(Problem("size", "required"))
    if not _SHA256.match(d.sha256 or ""):
        problems.append(Problem("sha256", "bad_digest"))
    if d.media_type is None:
        problems.append(Problem("media_type", "required"))
    if any(mark in d.file_name for mark in ("/", "\\")) or d.file_name in (".", ".."):
        problems.append(Problem("file_name", "not_a_file_name"))
    if d.attached_to in DOCUMENT_SUBJECTS and not d.attached_id:
        problems.append(Problem("attached_id", "required"))
    if d.attached_to in ("person", "case") and d.attached_id:
        value = {"value": d.attached_id[:64]}
        problems.append(Problem("attached_id", "not_of_this_case", params=value))
    return problems


_EXTRA: dict[type, Callable[..., list[Problem]]] = {
    r.Person: _person,
    r.Case: _case,
    r.Service: _service,
    r.Referral: _referral,
    r.Provider: _provider,
    r.Office: _office,
    r.User: _user,
    r.LetterSettings: _letter_settings,
    r.Assessment: _assessment,
    r.PlanGoal: _plan_goal,
    r.LegalStep: _legal_step,
    r.Restitution: _restitution,
    r.LpskRequest: _lpsk_request,
    r.Return: _return,
    r.ReintegrationCheckup: _checkup,
    r.Incident: _incident,
    r.Transfer: _transfer,
    r.PersonLink: _person_link,
    r.Document: _document,
}
