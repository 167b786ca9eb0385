"""What the audit trail records (DESIGN.md section 4): the actions, with their labels."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# code -> (Indonesian, English)
ACTIONS: dict[str, tuple[str, str]] = {
    "sign_in": ("Masuk", "Signed in"),
    "sign_in_failed": ("Gagal masuk (kata sandi salah)", "Failed sign-in (wrong password)"),
    "sign_in_delayed": (
        "Masuk ditahan (terlalu banyak kegagalan)",
        "Sign-in held back (too many failures)",
    ),
    "locked": ("Layar dikunci", "Screen locked"),
    "unlocked": ("Layar dibuka", "Screen unlocked"),
    "case_viewed": ("Kasus dibuka", "Case opened"),
    "case_created": ("Kasus dibuat", "Case created"),
    "case_changed": ("Kasus diubah", "Case changed"),
    "case_closed": ("Penutupan kasus disetujui", "Case closure approved"),
    "case_deleted": ("Kasus dihapus", "Case deleted"),
    # the case journey (issue 22): ``detail`` names the kind of record (its table)
    "case_record_added": ("Catatan perjalanan kasus ditambahkan", "Case record added"),
    "case_record_changed": ("Catatan perjalanan kasus diubah", "Case record changed"),
    "case_record_removed": ("Catatan perjalanan kasus dihapus", "Case record removed"),
    "plan_approved": ("Rencana intervensi disetujui", "Intervention plan approved"),
    "plan_printed": ("Rencana intervensi dicetak", "Intervention plan printed"),
    "incident_created": ("Kejadian dicatat", "Incident recorded"),
    "incident_changed": ("Kejadian diubah", "Incident changed"),
    "incident_viewed": ("Daftar korban kejadian dibuka", "Incident's victims viewed"),
    "incident_linked": ("Kasus dikaitkan dengan kejadian", "Case linked to an incident"),
    "incident_unlinked": (
        "Kaitan kasus dengan kejadian dilepas",
        "Case unlinked from its incident",
    ),
    "transfer_requested": ("Pelimpahan kasus diajukan", "Case transfer requested"),
    "transfer_accepted": ("Pelimpahan kasus diterima", "Case transfer accepted"),
    "transfer_declined": ("Pelimpahan kasus ditolak", "Case transfer declined"),
    "persons_linked": ("Dua orang ditandai orang yang sama", "Two persons linked as one"),
    "persons_unlinked": ("Tanda orang yang sama dilepas", "Same-person link removed"),
    "duplicates_dismissed": (
        "Kandidat duplikat ditandai bukan orang yang sama",
        "Duplicate candidate marked as two people",
    ),
    # documents (issue 24): ``detail`` names the kind and the size, never the file name
    "document_added": ("Dokumen dilampirkan", "Document attached"),
    "document_changed": ("Keterangan dokumen diubah", "Document details changed"),
    "document_removed": ("Dokumen dihapus", "Document removed"),
    "document_viewed": ("Dokumen dibuka", "Document viewed"),
    "document_saved": (
        "Salinan dokumen disimpan (tidak terenkripsi)",
        "Document copy saved (unencrypted)",
    ),
    # SIMFONI-PPA (issue 25)
    "simfoni_recorded": (
        "Kasus dicatat masuk SIMFONI-PPA",
        "Case recorded as entered into SIMFONI-PPA",
    ),
    "simfoni_removed": ("Catatan SIMFONI-PPA dihapus", "SIMFONI-PPA entry removed"),
    "letter_issued": ("Surat diterbitkan", "Letter issued"),
    "letter_reprinted": ("Surat dicetak ulang", "Letter reprinted"),
    "export": ("Ekspor batch", "Batch exported"),
    "import": ("Impor batch", "Batch imported"),
    "inbox_hold": ("Kiriman ditahan untuk administrator", "Batch held for an administrator"),
    "inbox_accept": ("Kiriman yang ditahan diterapkan", "Held batch applied"),
    "inbox_discard": ("Kiriman yang ditahan dibuang", "Held batch discarded"),
    "backup": ("Cadangan dibuat", "Backup made"),
    "restore": ("Dipulihkan dari cadangan", "Restored from a backup"),
    "user_added": ("Pengguna ditambahkan", "User added"),
    "user_role_changed": ("Peran pengguna diubah", "User role changed"),
    "user_disabled": ("Pengguna dinonaktifkan", "User disabled"),
    "user_enabled": ("Pengguna diaktifkan", "User enabled"),
    "user_removed": ("Pengguna dihapus", "User removed"),
    "password_reset": ("Kata sandi diatur ulang", "Password reset"),
    "password_changed": ("Kata sandi diganti", "Password changed"),
    "rekeyed": ("Kunci basis data diganti", "Database key changed"),
    "recovered": (
        "Akses dipulihkan dengan kode pemulihan",
        "Access recovered with the recovery code",
    ),
    "person_exported": (
        "Data orang diekspor (hak akses)",
        "Person's data exported (right of access)",
    ),
    "person_erased": (
        "Data orang dihapus (hak penghapusan)",
        "Person's data erased (right to erasure)",
    ),
}


def action_label(code: str, lang: str) -> str:
    labels = ACTIONS.get(code)
    if labels is None:
        return code
    return labels[0] if lang == "id" else labels[1]


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    at: str  # ISO UTC
    username: str
    action: str  # a code of ACTIONS
    entity: str  # table of the record ("cases", "users", ...) or ""
    record_id: str
    case_number: str
    detail: dict[str, Any]  # codes, counts, field names: never personal data
