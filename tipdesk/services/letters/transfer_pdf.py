"""The transfer letter (surat pelimpahan kasus) as PDF, in Indonesian or English: the
referral letter's form (kop, Nomor/Sifat/Lampiran/Hal, Yth.), addressed to the head of
the receiving office, naming the cases handed over, the victim as consent allows, the
reason, that the case file follows through the provincial office, and asking the
receiving office to confirm."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.units import cm
from reportlab.platypus import Paragraph

from tipdesk.services.letters.templates import (
    TEXT,
    Fit,
    Sheet,
    build,
    ending,
    fitted,
    opening,
    spacer,
    victim_rows,
)
from tipdesk.services.pdf.components import fields_table, numbered_list
from tipdesk.services.pdf.styles import markup, styles


@dataclass(frozen=True, kw_only=True)
class TransferContent(Sheet):
    """What one transfer letter says. ``via`` is the provincial office the file travels
    through ("" when it is the issuing office itself). A transfer still ``requested``
    asks the receiver to accept it; an accepted one (``by_province``: on the province's
    own authority) asks it to confirm the file has arrived."""

    from_office: str  # the office that hands the case over
    to_office: str  # the office that receives it
    case_numbers: tuple[str, ...]  # the person's cases, the one asked for first
    reason: str
    via: str
    accepted: bool = False
    by_province: bool = False

    def texts(self) -> tuple[str, ...]:
        return (
            self.full_name,
            self.initials,
            self.reason,
            self.from_office,
            self.to_office,
            self.via,
            *self.addressee,
            self.addressee_place,
            self.worker_name,
            *self.letterhead,
            *self.address_lines,
            self.signatory_name,
            *self.copies,
        )


TRANSFER_TEXT = {
    "id": {
        **TEXT["id"],
        "transfer_subject": "Pelimpahan Penanganan Kasus",
        "head_of": "Kepala {office}",
        "transfer_opening": "Bersama ini kami melimpahkan penanganan kasus tindak pidana "
        "perdagangan orang dari {from_office} kepada {to_office}. Korban yang kasusnya "
        "dilimpahkan:",
        "child": "Keterangan",
        "child_value": "Anak (belum berusia 18 tahun)",
        "cases": "Kasus yang dilimpahkan:",
        "reason": "Alasan pelimpahan:",
        "file_via": "Berkas kasus beserta seluruh catatannya menyusul melalui {via} "
        "(sinkronisasi TipDesk), tidak dilampirkan pada surat ini.",
        "file_direct": "Berkas kasus beserta seluruh catatannya menyusul melalui kantor "
        "kami (sinkronisasi TipDesk), tidak dilampirkan pada surat ini.",
        "confirm": "Kami mohon kesediaan Saudara untuk menerima pelimpahan ini dan "
        "mengonfirmasi penerimaannya kepada kami.",
        "by_province": "Pelimpahan ini ditetapkan oleh {via} sesuai kewenangannya.",
        "by_us": "Pelimpahan ini kami tetapkan sesuai kewenangan provinsi.",
        "confirm_received": "Kami mohon Saudara mengonfirmasi kepada kami bahwa berkas "
        "kasus telah diterima.",
        "confidentiality": "Surat ini dan keterangan di dalamnya bersifat RAHASIA. Identitas "
        "korban tindak pidana perdagangan orang wajib dirahasiakan sesuai Undang-Undang "
        "Nomor 21 Tahun 2007 tentang Pemberantasan Tindak Pidana Perdagangan Orang, dan "
        "keterangan ini merupakan data pribadi yang bersifat spesifik yang dilindungi "
        "Undang-Undang Nomor 27 Tahun 2022 tentang Pelindungan Data Pribadi. Mohon "
        "keterangan ini hanya digunakan untuk penanganan kasus dan tidak diteruskan "
        "kepada pihak lain.",
    },
    "en": {
        **TEXT["en"],
        "transfer_subject": "Transfer of a Case",
        "head_of": "The Head of {office}",
        "transfer_opening": "We hereby transfer the handling of a case of trafficking in "
        "persons from {from_office} to {to_office}. The victim whose case is transferred:",
        "child": "Note",
        "child_value": "A child (under 18 years of age)",
        "cases": "Cases transferred:",
        "reason": "Reason for the transfer:",
        "file_via": "The case file and all its records follow through {via} (TipDesk "
        "synchronisation); they are not attached to this letter.",
        "file_direct": "The case file and all its records follow through our office "
        "(TipDesk synchronisation); they are not attached to this letter.",
        "confirm": "We ask you to accept this transfer and to confirm your acceptance to us.",
        "by_province": "This transfer was decided by {via} on its own authority.",
        "by_us": "We decided this transfer on the province's authority.",
        "confirm_received": "Please confirm to us that the case file has been received.",
        "confidentiality": "This letter and the information in it are CONFIDENTIAL. The "
        "identity of a victim of trafficking in persons must be kept confidential under "
        "Law No. 21 of 2007 on the Eradication of the Crime of Trafficking in Persons, and "
        "this information is specific personal data protected by Law No. 27 of 2022 on "
        "Personal Data Protection. Please use it only to handle the case and do not pass "
        "it on.",
    },
}


def render(content: TransferContent) -> bytes:
    return fitted(lambda fit: build(content, fit, _story, TRANSFER_TEXT[content.language]))


def _story(c: TransferContent, width: float, fit: Fit) -> list:
    t = TRANSFER_TEXT[c.language]
    s = styles(fit.size, fit.space)

    gap = spacer(fit)

    person = victim_rows(c, t)
    words = t["transfer_opening"].format(from_office=c.from_office, to_office=c.to_office)
    story = [
        *opening(c, t, width, s, fit),
        Paragraph(markup(words), s.body),
        fields_table(person, width, s=s),
        gap(0.25 * cm),
        Paragraph(markup(t["cases"]), s.heading),
        numbered_list(c.case_numbers, width, s=s),
        gap(0.25 * cm),
        Paragraph(markup(t["reason"]), s.heading),
    ]
    lines = [line.strip() for line in c.reason.splitlines() if line.strip()] or ["-"]
    story += [Paragraph(markup(line), s.body) for line in lines]
    follows = t["file_via"].format(via=c.via) if c.via else t["file_direct"]
    confirm = t["confirm_received"] if c.accepted else t["confirm"]
    if c.by_province:
        decided = t["by_province"].format(via=c.via) if c.via else t["by_us"]
        confirm = f"{decided} {confirm}"
    phone = t["phone"].format(phone=c.worker_phone) if c.worker_phone else ""
    contact = t["contact"].format(name=c.worker_name, phone=phone)
    story += [
        Paragraph(markup(follows), s.body),
        Paragraph(markup(f"{confirm} {contact}"), s.body),
        ending(c, t, width, s, fit),
    ]
    return story
