"""Typed errors with stable codes.

Services raise these; only ``cli/`` and ``ui/`` turn them into words (see
``tipdesk.domain.messages``). Parameters never carry a person's name, NIK or other
personal data, so an error can be logged as it is.
"""

from __future__ import annotations

import dataclasses
import errno
import os
from dataclasses import dataclass
from typing import Any


class TipdeskError(Exception):
    """Root of every refusal TipDesk reports to a person.

    ``code`` is a stable identifier (``wrong_password``); ``params`` fill the message.
    """

    code = "error"

    def __init__(self, **params: Any) -> None:
        self.params = params
        super().__init__(f"{self.code} {params}" if params else self.code)


class WrongPassword(TipdeskError):
    code = "wrong_password"


class UnknownUser(TipdeskError):
    code = "unknown_user"


class UserRequired(TipdeskError):
    code = "user_required"


class NotARegister(TipdeskError):
    code = "not_a_register"


class RegisterExists(TipdeskError):
    code = "register_exists"


class PathIsAFile(TipdeskError):
    code = "path_is_a_file"


class RegisterDamaged(TipdeskError):
    code = "register_damaged"


class RegisterBusy(TipdeskError):
    code = "register_busy"


# --- issue 19: honest errors. The drive or the folder is at fault, not the register: none
# of these says "damaged". ``path`` is a folder or a file name, never a file's content.


class DiskFull(TipdeskError):
    """The drive holding ``path`` has no room left (SQLITE_FULL, ENOSPC)."""

    code = "disk_full"


class NotWritable(TipdeskError):
    """TipDesk may not write in the folder ``path`` (``reason``: a read-only drive, no
    permission)."""

    code = "not_writable"


class RegisterReadOnly(TipdeskError):
    """The register at ``path`` is on a read-only drive or in a folder TipDesk may not
    write to; even a search writes to it (the audit trail), so it is not opened."""

    code = "register_read_only"


class InUse(TipdeskError):
    """Another program holds the file or folder ``path`` (a sharing violation)."""

    code = "in_use"


class DriveError(TipdeskError):
    """The drive holding ``path`` failed to read or write (SQLITE_IOERR, EIO): a removed
    stick or a failing disk, not a damaged file."""

    code = "drive_error"


class AnalysisCopyNotReady(TipdeskError):
    """An analyst signs in before anyone holding the register key has made the
    de-identified copy they work on (or after it was made again under a new key)."""

    code = "analysis_copy_not_ready"


class RoleNeedsNewPassword(TipdeskError):
    """A role changed to or from analyst: the user's key slot must wrap another key,
    which only a new password (set by the admin) can give."""

    code = "role_needs_new_password"


class KeyFileDamaged(TipdeskError):
    """``register.keys`` in ``path`` is JSON of our format but a slot in it is malformed
    (``reason``: a short code), so no key can be taken from it."""

    code = "key_file_damaged"


class NotUtf8(TipdeskError):
    """A text given on the command line (``argument``) is not valid UTF-8; the value is
    never repeated, as it may be personal."""

    code = "not_utf8"


_IN_USE_WINERRORS = {32, 33}  # ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION
_IN_USE_ERRNOS = {getattr(errno, name) for name in ("EBUSY", "ETXTBSY") if hasattr(errno, name)}
_FULL_ERRNOS = {getattr(errno, name) for name in ("ENOSPC", "EDQUOT") if hasattr(errno, name)}


def os_refusal(exc: OSError, path: str | None = None) -> TipdeskError | None:
    """The refusal for an ``OSError`` the drive or the folder is to blame for (full,
    read-only, no permission, in use, failing), or None for any other.

    ``path`` names the file or folder written; by default the folder of the file the
    error names (a temporary name beside the real one means nothing to a person)."""
    if path is None:
        name = exc.filename if isinstance(exc.filename, str) else ""
        path = os.path.dirname(name) or name
    if getattr(exc, "winerror", None) in _IN_USE_WINERRORS or exc.errno in _IN_USE_ERRNOS:
        return InUse(path=path)
    if exc.errno in _FULL_ERRNOS:
        return DiskFull(path=path)
    if exc.errno == errno.EROFS:
        return NotWritable(path=path, reason="the drive is read-only")
    if exc.errno in (errno.EACCES, errno.EPERM):
        return NotWritable(path=path, reason="no permission to write there")
    if exc.errno == errno.EIO:
        return DriveError(path=path)
    return None


class NotFound(TipdeskError):
    code = "not_found"


class UnknownField(TipdeskError):
    code = "unknown_field"


class BadArgument(TipdeskError):
    code = "bad_argument"


class PasswordTooShort(TipdeskError):
    code = "password_too_short"


class PasswordNeeded(TipdeskError):
    code = "password_needed"


class PasswordsDiffer(TipdeskError):
    code = "passwords_differ"


class NotAnAssignment(TipdeskError):
    code = "not_an_assignment"


class Cancelled(TipdeskError):
    code = "cancelled"


class HelperStopped(TipdeskError):
    """A second process started for this work (making demo rows, reading a batch) ended
    before it was done: stopped by the system when memory ran short, or by hand."""

    code = "helper_stopped"


class OfficeCodeTaken(TipdeskError):
    code = "office_code_taken"


class BatchOverreach(TipdeskError):
    """A signed batch that writes a record outside the sender's scope (DESIGN.md section
    5b): ``office`` (the sender's code), ``what`` and ``record`` (its id)."""

    code = "batch_overreach"


class NotOurRecord(TipdeskError):
    """A record another office owns (``what``, ``office``: its code); only that office
    changes it (DESIGN.md section 5b)."""

    code = "not_our_record"


class CaseReadOnly(TipdeskError):
    """A case this office holds as a copy (handed over to ``office``, or offered to this
    office and not yet accepted): it reads it, only its owner changes it (issue 23)."""

    code = "case_read_only"


class TransferRefused(TipdeskError):
    """A transfer that cannot be asked for or decided: ``reason`` (a code: not_ours,
    same_office, unknown_office, already_open, not_open, not_for_us)."""

    code = "transfer_refused"

    def __init__(self, **params: Any) -> None:
        super().__init__(**params)
        self.code = f"transfer_refused_{params.get('reason', '')}"


class PersonLinkRefused(TipdeskError):
    """Two persons that cannot be linked, unlinked or dismissed as asked: ``reason`` (a
    code: province_only, same_person, same_office, already_linked, not_live)."""

    code = "person_link_refused"

    def __init__(self, **params: Any) -> None:
        super().__init__(**params)
        self.code = f"person_link_refused_{params.get('reason', '')}"


class DocumentRefused(TipdeskError):
    """A file that cannot be kept as a document, or a document that cannot be shown or
    given: ``reason`` (a code: too_large, empty, unknown_format, heic, unreadable_image,
    not_of_this_case, bytes_missing)."""

    code = "document_refused"

    def __init__(self, **params: Any) -> None:
        super().__init__(**params)
        self.code = f"document_refused_{params.get('reason', '')}"


class SimfoniRefused(TipdeskError):
    """A SIMFONI-PPA entry that cannot be recorded: ``reason`` (already_entered: the case
    has one, with its ``reference`` and date ``on``; reference_taken: ``case_number``
    has that ``reference``)."""

    code = "simfoni_refused"

    def __init__(self, **params: Any) -> None:
        super().__init__(**params)
        self.code = f"simfoni_refused_{params.get('reason', '')}"


class BatchPartMissing(TipdeskError):
    """A batch whose documents come in files beside it (``parts`` of them), one of which
    is not there: ``part`` is its file name."""

    code = "batch_part_missing"


class BatchPartChosen(TipdeskError):
    """A batch's document file (``.tipdocs``) given to import instead of the batch:
    ``batch`` is the name of the batch file it belongs beside."""

    code = "batch_part_chosen"


class BatchTooManyDocuments(TipdeskError):
    """An export whose documents are more than one batch may carry: ``documents`` (how
    many), ``max`` (how many at most), ``gigabytes`` (their size)."""

    code = "batch_too_many_documents"


class BatchEntryRefused(TipdeskError):
    """A record of a signed batch that the app itself would refuse to save: ``office``,
    ``what``, ``record`` (its id), ``field`` and ``problem`` (a problem code; never the
    value, which may be personal)."""

    code = "batch_entry_refused"


class BatchSequenceWrong(TipdeskError):
    """A batch whose seq range does not match the entries it carries (``office``)."""

    code = "batch_sequence_wrong"


class DistrictPeer(TipdeskError):
    """Batches flow between a district and its province only (DESIGN.md section 5)."""

    code = "district_peer"


class NotPermitted(TipdeskError):
    """The signed-in user's role lacks ``permission``."""

    code = "not_permitted"


class ConsentToReferMissing(TipdeskError):
    code = "consent_to_refer_missing"


class OverrideReasonNeeded(TipdeskError):
    code = "override_reason_needed"


class LetterSettingsIncomplete(TipdeskError):
    code = "letter_settings_incomplete"


class LetterAlreadyIssued(TipdeskError):
    code = "letter_already_issued"


class NoLetterIssued(TipdeskError):
    code = "no_letter_issued"


class IdentityConsentWithdrawn(TipdeskError):
    code = "identity_consent_withdrawn"


class LetterDamaged(TipdeskError):
    code = "letter_damaged"


class LetterLanguageDiffers(TipdeskError):
    code = "letter_language_differs"


class ReplyNotAllowed(TipdeskError):
    code = "reply_not_allowed"


@dataclass(frozen=True, slots=True)
class Problem:
    """One finding about one field of a record.

    ``severity`` is ``error`` (the record is refused) or ``warning`` (saved, but shown).
    """

    field: str
    code: str
    severity: str = "error"
    # not the bare name: type checkers take ``field`` here for the attribute above
    params: dict[str, Any] = dataclasses.field(default_factory=dict)

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


class ValidationFailed(TipdeskError):
    """A record has one or more errors; ``problems`` lists every finding at once."""

    code = "validation_failed"

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        fields = sorted({p.field for p in self.problems if p.is_error})
        super().__init__(fields=", ".join(fields))


# Sync: office key files and batch files (DESIGN.md section 5). ``reason`` is a short code
# (``truncated``, ``member_hash``...), never anything read from the file.


class BadKeyFile(TipdeskError):
    code = "bad_key_file"


class FingerprintMismatch(TipdeskError):
    code = "fingerprint_mismatch"


class NotABatch(TipdeskError):
    code = "not_a_batch"


class BatchDamaged(TipdeskError):
    code = "batch_damaged"


class BatchNotForThisOffice(TipdeskError):
    code = "batch_not_for_this_office"


class UnknownSender(TipdeskError):
    code = "unknown_sender"


class BadSignature(TipdeskError):
    code = "bad_signature"


class BatchFormatTooNew(TipdeskError):
    code = "batch_format_too_new"


# --- issue 6: access (users, roles, audit, sign-in) ---


class SignInDelayed(TipdeskError):
    """Too many failed sign-ins for ``user``: wait ``seconds``."""

    code = "sign_in_delayed"


class UserExists(TipdeskError):
    code = "user_exists"


class LastAdmin(TipdeskError):
    """The change would leave the register without an active administrator."""

    code = "last_admin"


class NotYourself(TipdeskError):
    """An action an admin may not take on their own account (``action``)."""

    code = "not_yourself"


class ClosureNeedsSupervisor(TipdeskError):
    code = "closure_needs_supervisor"


class PlanEmpty(TipdeskError):
    """An intervention plan to approve that has no goal (``case_number``)."""

    code = "plan_empty"


class UserDisabled(TipdeskError):
    code = "user_disabled"


# --- issue 6: backup, restore, erasure (errors added by that work go below) ---


class NotABackup(TipdeskError):
    """The file is not a TipDesk backup (``reason``: a short code)."""

    code = "not_a_backup"


class BackupDamaged(TipdeskError):
    """A TipDesk backup that cannot be restored as it is (``reason``: ``truncated``,
    ``member_hash``, ``members``, ``manifest``, ``check``, ``office``)."""

    code = "backup_damaged"


class BackupTooNew(TipdeskError):
    code = "backup_too_new"


class OutputExists(TipdeskError):
    code = "output_exists"


class UnknownErasureReason(TipdeskError):
    code = "unknown_erasure_reason"


class AlreadyErased(TipdeskError):
    code = "already_erased"


class ErasureNotConfirmed(TipdeskError):
    code = "erasure_not_confirmed"


# --- issue 7: report files ---


class ReportFormatUnknown(TipdeskError):
    """A report file format other than ``known`` was asked for (``format``)."""

    code = "report_format_unknown"
