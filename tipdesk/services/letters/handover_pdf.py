"""The handover record of a victim's return (berita acara serah terima) as PDF, in
Indonesian or English: under the office's kop, the title and number; "Pada hari ini
<day>, <date in words> ..." ; the first party (the escort) hands the victim over to the
second party (this office); the victim as consent allows (a child marked so); the
signatures of both parties side by side and a witness (Mengetahui) below, kept with the
closing on one page. Names and positions not recorded are dotted lines to fill by hand."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import KeepTogether, NextPageTemplate, Paragraph

from tipdesk.domain.letters import date_in_words, day_name, long_date
from tipdesk.services.letters.templates import (
    TEXT,
    Fit,
    Sheet,
    build,
    fitted,
    spacer,
    victim_rows,
)
from tipdesk.services.pdf.components import (
    fields_table,
    numbered_fields,
    side_by_side,
    signature_column,
)
from tipdesk.services.pdf.styles import markup, styles

BLANK = "." * 36  # a line to fill in by hand
ROOM = 1.6 * cm  # to sign and stamp


@dataclass(frozen=True, kw_only=True)
class HandoverContent(Sheet):
    """What one handover record says. ``handed_over_on`` is the day of the handover
    (the record's date unless the return names another)."""

    handed_over_on: dt.date
    escort: str  # label of the escort in the letter's language
    origin: str  # the victim's home region, "" when not recorded
    departed_on: dt.date | None
    arrived_on: dt.date | None

    def texts(self) -> tuple[str, ...]:
        return (
            self.full_name,
            self.initials,
            self.origin,
            *self.letterhead,
            *self.address_lines,
            self.signatory_name,
            self.city,
        )


HANDOVER_TEXT = {
    "id": {
        **TEXT["id"],
        "title": "BERITA ACARA SERAH TERIMA",
        "subtitle": "KORBAN TINDAK PIDANA PERDAGANGAN ORANG",
        "subject": "Berita acara serah terima",
        "opening": "Pada hari ini {day_name}, {date_words} ({date}), bertempat di {city}, "
        "kami yang bertanda tangan di bawah ini:",
        "name": "Nama",
        "position": "Jabatan",
        "agency": "Instansi",
        "first": "selanjutnya disebut PIHAK PERTAMA;",
        "second": "selanjutnya disebut PIHAK KEDUA.",
        "handover": "PIHAK PERTAMA menyerahkan kepada PIHAK KEDUA, dan PIHAK KEDUA menerima "
        "dari PIHAK PERTAMA, seorang korban tindak pidana perdagangan orang{child} dengan "
        "keterangan sebagai berikut:",
        "a_child": " yang masih berusia anak",
        "child": "Keterangan",
        "child_value": "Anak (belum berusia 18 tahun)",
        "origin": "Daerah asal",
        "departed_on": "Tanggal berangkat",
        "arrived_on": "Tanggal tiba",
        "duty": "Sejak serah terima ini, pendampingan dan reintegrasi korban menjadi tanggung "
        "jawab PIHAK KEDUA sesuai kewenangannya.",
        "confidentiality": "Berita acara ini dan keterangan di dalamnya bersifat RAHASIA. "
        "Identitas korban tindak pidana perdagangan orang wajib dirahasiakan sesuai "
        "Undang-Undang Nomor 21 Tahun 2007 tentang Pemberantasan Tindak Pidana Perdagangan "
        "Orang, dan keterangan ini merupakan data pribadi yang bersifat spesifik yang "
        "dilindungi Undang-Undang Nomor 27 Tahun 2022 tentang Pelindungan Data Pribadi.",
        "closing": "Demikian berita acara serah terima ini dibuat dengan sebenarnya dalam "
        "rangkap 2 (dua) untuk dipergunakan sebagaimana mestinya.",
        "first_party": "PIHAK PERTAMA,",
        "second_party": "PIHAK KEDUA,",
        "witness": "Mengetahui,",
        "nip_blank": "NIP/NRP. " + "." * 24,
    },
    "en": {
        **TEXT["en"],
        "title": "HANDOVER RECORD",
        "subtitle": "OF A VICTIM OF TRAFFICKING IN PERSONS",
        "subject": "Handover record",
        "opening": "On this day, {day_name}, {date_words} ({date}), at {city}, we the undersigned:",
        "name": "Name",
        "position": "Position",
        "agency": "Agency",
        "first": "hereinafter the FIRST PARTY;",
        "second": "hereinafter the SECOND PARTY.",
        "handover": "The FIRST PARTY hands over to the SECOND PARTY, and the SECOND PARTY "
        "receives from the FIRST PARTY, a victim of trafficking in persons{child}, as "
        "follows:",
        "a_child": " who is a child",
        "child": "Note",
        "child_value": "A child (under 18 years of age)",
        "origin": "Home region",
        "departed_on": "Departed on",
        "arrived_on": "Arrived on",
        "duty": "From this handover, the SECOND PARTY is responsible for assisting the "
        "victim and for the victim's reintegration, within its authority.",
        "confidentiality": "This record and the information in it are CONFIDENTIAL. The "
        "identity of a victim of trafficking in persons must be kept confidential under "
        "Law No. 21 of 2007 on the Eradication of the Crime of Trafficking in Persons, and "
        "this information is specific personal data protected by Law No. 27 of 2022 on "
        "Personal Data Protection.",
        "closing": "This handover record is made truthfully in two copies, to be used as required.",
        "first_party": "FIRST PARTY,",
        "second_party": "SECOND PARTY,",
        "witness": "Witnessed by,",
        "nip_blank": "NIP/NRP " + "." * 24,
    },
}


def render(content: HandoverContent) -> bytes:
    return fitted(lambda fit: build(content, fit, _story, HANDOVER_TEXT[content.language]))


def _story(c: HandoverContent, width: float, fit: Fit) -> list:
    t = HANDOVER_TEXT[c.language]
    s = styles(fit.size, fit.space)

    gap = spacer(fit)

    indented = ParagraphStyle("indented", parent=s.body, leftIndent=0.8 * cm)
    day = c.handed_over_on
    opening = t["opening"].format(
        day_name=day_name(day, c.language),
        date_words=date_in_words(day, c.language),
        date=day.strftime("%d-%m-%Y"),
        city=c.city,
    )
    person = victim_rows(c, t)
    if c.origin:
        person.append((t["origin"], c.origin))
    for key in ("departed_on", "arrived_on"):
        when = getattr(c, key)
        if when:
            person.append((t[key], long_date(when, c.language)))
    story = [
        NextPageTemplate("later"),
        Paragraph(f"<u>{markup(t['title'])}</u>", s.title),
        Paragraph(markup(t["subtitle"]), s.centred_bold),
        Paragraph(markup(f"{t['number']}: {c.number or t['draft_number']}"), s.centred),
        gap(0.5 * cm),
        Paragraph(markup(opening), s.body),
        numbered_fields(
            "1.", [(t["name"], BLANK), (t["position"], BLANK), (t["agency"], c.escort)], width, s
        ),
        Paragraph(markup(t["first"]), indented),
        numbered_fields(
            "2.",
            [
                (t["name"], c.signatory_name or BLANK),
                (t["position"], c.signatory_title or BLANK),
                (t["agency"], c.office_name),
            ],
            width,
            s,
        ),
        Paragraph(markup(t["second"]), indented),
        Paragraph(markup(t["handover"].format(child=t["a_child"] if c.child else "")), s.body),
        fields_table(person, width, s=s),
        gap(0.25 * cm),
        Paragraph(markup(t["duty"]), s.body),
    ]
    # Three columns, the witness between the parties: with the closing they fit under
    # the body of one page even when it names the person in full.
    column = width / 3 - 0.2 * cm
    nip = t["nip"].format(nip=c.signatory_nip) if c.signatory_nip else ""
    signatures = side_by_side(
        [
            signature_column([t["first_party"], c.escort], "", [t["nip_blank"]], column, s, ROOM),
            signature_column([t["witness"], BLANK], "", [t["nip_blank"]], column, s, ROOM),
            signature_column(
                [t["second_party"], c.signatory_title],
                c.signatory_name,
                [c.signatory_rank, nip],
                column,
                s,
                ROOM,
            ),
        ],
        width,
    )
    story.append(Paragraph(markup(t["confidentiality"]), s.note))
    story.append(KeepTogether([Paragraph(markup(t["closing"]), s.body), gap(0.3 * cm), signatures]))
    return story
