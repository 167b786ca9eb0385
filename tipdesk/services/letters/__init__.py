"""Official letters: office letter settings, drafts, issuing with a number that is never
given twice, the archive, reprints, and the provider's reply to a referral.

One engine (``engine``) and one archive serve a family of letters (``referral``: the
referral letter; ``lpsk``: a request to LPSK for protection; ``handover``: the handover
record of a victim's return; ``transfer``: the transfer letter of a case handed to
another office). A letter is issued in one transaction that takes the
office's next number of the year (one counter for every kind), renders the PDF, stores
it with its SHA-256 in the local ``letters`` archive and notes the letter in its record
(a referral is marked ``sent``). A referral letter can list documents of the case
(issue 24) by kind and date in its Lampiran; their ids are archived with it. A reprint
returns the archived bytes, so it is the letter as issued. The number can be looked at
before (:func:`next_number`, :func:`coming_number`) without taking it. The parts:
``settings`` (the office's letter settings), ``templates`` and ``*_pdf`` (the layouts),
one module per kind.
"""

from __future__ import annotations

from tipdesk.services.letters.engine import (
    CHILD_AGE,
    KINDS,
    MIN_OVERRIDE_REASON,
    ArchiveEntry,
    Letter,
    LetterNumberTaken,
    NoLetterOfRecord,
    RecordHasLetter,
    can_override,
    coming_number,
    copy_of,
    draft,
    issue,
    issued_for,
    list_letters,
    reprint,
    save_pdf,
)
from tipdesk.services.letters.handover import KIND as _HANDOVER
from tipdesk.services.letters.lpsk import KIND as _LPSK
from tipdesk.services.letters.referral import (
    REPLY_STATUSES,
    copy_of_letter,
    draft_letter,
    issue_letter,
    letters_of_referral,
    next_number,
    record_reply,
    reprint_letter,
)
from tipdesk.services.letters.settings import (
    SETTINGS_KEY,
    initial_settings,
    letter_settings,
    logo_problems,
    save_letter_settings,
)
from tipdesk.services.letters.templates import LetterContent
from tipdesk.services.letters.transfer import KIND as _TRANSFER

HANDOVER = _HANDOVER.name
LPSK_REQUEST = _LPSK.name
REFERRAL = "referral"
TRANSFER = _TRANSFER.name

__all__ = [
    "CHILD_AGE",
    "HANDOVER",
    "KINDS",
    "LPSK_REQUEST",
    "MIN_OVERRIDE_REASON",
    "REFERRAL",
    "REPLY_STATUSES",
    "SETTINGS_KEY",
    "TRANSFER",
    "ArchiveEntry",
    "Letter",
    "LetterContent",
    "LetterNumberTaken",
    "NoLetterOfRecord",
    "RecordHasLetter",
    "can_override",
    "coming_number",
    "copy_of",
    "copy_of_letter",
    "draft",
    "draft_letter",
    "initial_settings",
    "issue",
    "issue_letter",
    "issued_for",
    "letter_settings",
    "letters_of_referral",
    "list_letters",
    "logo_problems",
    "next_number",
    "record_reply",
    "reprint",
    "reprint_letter",
    "save_letter_settings",
    "save_pdf",
]
