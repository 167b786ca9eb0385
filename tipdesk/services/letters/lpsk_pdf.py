"""The request to LPSK for protection (surat permohonan perlindungan) as PDF, in
Indonesian or English: the referral letter's form (kop, Nomor/Sifat/Lampiran/Hal, Yth.),
addressed to the Chair of LPSK in Jakarta, with the protection asked for, the state of
the criminal case and, if asked, the facilitation of restitution."""

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
class LpskContent(Sheet):
    """What one request to LPSK says; ``legal_status`` holds sentences already made."""

    protections: tuple[str, ...]  # labels in the letter's language
    legal_status: tuple[str, ...]  # sentences in the letter's language
    restitution: str  # a sentence, "" when facilitation of restitution is not asked

    def texts(self) -> tuple[str, ...]:
        return (
            self.full_name,
            self.initials,
            *self.legal_status,
            self.worker_name,
            *self.letterhead,
            *self.address_lines,
            self.signatory_name,
            *self.copies,
        )


LPSK_TEXT = {
    "id": {
        **TEXT["id"],
        "lpsk_subject": "Permohonan Perlindungan Saksi dan Korban",
        "lpsk_head": "Ketua Lembaga Perlindungan Saksi dan Korban (LPSK)",
        "lpsk_place": "Jakarta",
        "lpsk_opening": "Bersama ini kami mengajukan permohonan perlindungan bagi seorang "
        "korban tindak pidana perdagangan orang yang didampingi {office}, dengan keterangan "
        "sebagai berikut:",
        "child": "Keterangan",
        "child_value": "Anak (belum berusia 18 tahun)",
        "protections": "Bentuk perlindungan yang dimohon:",
        "as_assessed": "Sesuai hasil penelaahan LPSK.",
        "legal": "Status perkara:",
        "closing": "Demikian permohonan ini kami sampaikan. Atas perhatian dan kerja "
        "samanya, diucapkan terima kasih.",
    },
    "en": {
        **TEXT["en"],
        "lpsk_subject": "Request for Protection of Witnesses and Victims",
        "lpsk_head": "The Chair of the Witness and Victim Protection Agency (LPSK)",
        "lpsk_place": "Jakarta",
        "lpsk_opening": "We hereby request protection for a victim of trafficking in "
        "persons assisted by {office}, as follows:",
        "child": "Note",
        "child_value": "A child (under 18 years of age)",
        "protections": "Protection requested:",
        "as_assessed": "As LPSK assesses.",
        "legal": "State of the criminal case:",
        "closing": "We submit this request for your consideration. Thank you for your "
        "attention and cooperation.",
    },
}


def render(content: LpskContent) -> bytes:
    return fitted(lambda fit: build(content, fit, _story, LPSK_TEXT[content.language]))


def _story(c: LpskContent, width: float, fit: Fit) -> list:
    t = LPSK_TEXT[c.language]
    s = styles(fit.size, fit.space)

    gap = spacer(fit)

    person = victim_rows(c, t)
    story = [
        *opening(c, t, width, s, fit),
        Paragraph(markup(t["lpsk_opening"].format(office=c.office_name)), s.body),
        fields_table(person, width, s=s),
        gap(0.25 * cm),
        Paragraph(markup(t["protections"]), s.heading),
    ]
    if c.protections:
        story.append(numbered_list(c.protections, width, s=s))
    else:
        story.append(Paragraph(markup(t["as_assessed"]), s.body))
    story += [gap(0.25 * cm), Paragraph(markup(t["legal"]), s.heading)]
    story += [Paragraph(markup(line), s.body) for line in c.legal_status]
    if c.restitution:
        story.append(Paragraph(markup(c.restitution), s.body))
    phone = t["phone"].format(phone=c.worker_phone) if c.worker_phone else ""
    story.append(Paragraph(markup(t["contact"].format(name=c.worker_name, phone=phone)), s.body))
    story.append(ending(c, t, width, s, fit))
    return story
