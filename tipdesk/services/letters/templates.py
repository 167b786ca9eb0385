"""The referral letter as ReportLab platypus flowables, in Indonesian or English, and
what every kind of letter shares: the letterhead document, the page labels, the way a
letter is fitted on one page, the person's particulars and the ending (confidentiality,
closing, signature, Tembusan).

:func:`render` turns a :class:`LetterContent` (everything the letter says, already
decided: which identity to show, the number, the date) into PDF bytes. The same content
gives the same bytes (ReportLab's invariant mode), so a letter's SHA-256 identifies it.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from reportlab.lib.units import cm, mm
from reportlab.platypus import (
    KeepTogether,
    NextPageTemplate,
    Paragraph,
    Spacer,
)

from tipdesk.domain.letters import attachments_text, long_date
from tipdesk.services.pdf.components import (
    Letterhead,
    fields_table,
    letterhead_document,
    numbered_canvas,
    numbered_list,
    reference_block,
    signature_block,
)
from tipdesk.services.pdf.styles import Styles, markup, styles

PAPER = {"a4": (210 * mm, 297 * mm), "f4": (215 * mm, 330 * mm)}
MARGINS = {"left": 3 * cm, "right": 2 * cm, "top": 1.5 * cm, "bottom": 2.0 * cm}


@dataclass(frozen=True, kw_only=True)
class Sheet:
    """What every kind of letter says besides its own words: the office's letterhead,
    place, date and number (empty in a draft), the person (``full_name``/``nik`` empty
    unless the person consented to share their identity), the signatory and the copies.
    A ``copy`` is marked so across each page."""

    language: str
    paper: str
    letterhead: tuple[str, ...]
    address_lines: tuple[str, ...]
    logo: bytes | None
    city: str
    date: dt.date
    number: str
    attachments: int
    subject: str
    register_number: str
    initials: str
    age: int | None
    sex: str  # label in the letter's language
    full_name: str
    nik: str
    child: bool = False  # under 18, or of unknown age
    office_name: str
    signatory_title: str
    signatory_name: str
    signatory_rank: str
    signatory_nip: str
    addressee: tuple[str, ...] = ()  # "Direktur RSUD ...", the provider's name
    addressee_place: str = ""
    worker_name: str = ""
    worker_phone: str = ""
    copies: tuple[str, ...] = field(default_factory=tuple)
    draft: bool = False
    copy: bool = False  # made again for a letter whose PDF this register does not hold


@dataclass(frozen=True, kw_only=True)
class LetterContent(Sheet):
    """What one referral letter says."""

    services: tuple[str, ...]  # labels in the letter's language
    reason: str
    urgency: str  # label in the letter's language
    # The attached documents the letter lists (kind and date, in the letter's language).
    documents: tuple[str, ...] = ()

    def texts(self) -> tuple[str, ...]:
        """The words that come from the register (checked for characters no font has)."""
        return (
            self.full_name,
            self.initials,
            self.reason,
            *self.addressee,
            self.addressee_place,
            self.worker_name,
            *self.letterhead,
            *self.address_lines,
            self.signatory_name,
            *self.copies,
        )


TEXT = {
    "id": {
        "number": "Nomor",
        "nature": "Sifat",
        "confidential": "Rahasia",
        "attachments": "Lampiran",
        "subject": "Hal",
        "to": "Yth.",
        "at": "di",
        "draft_number": "(diberikan saat surat diterbitkan)",
        "draft": "DRAF",
        "copy": "SALINAN",
        "greeting": "Dengan hormat,",
        "opening": "Bersama ini kami merujuk seorang klien yang didampingi {office}, "
        "dengan keterangan sebagai berikut:",
        "register_number": "Nomor registrasi",
        "initials": "Inisial",
        "full_name": "Nama lengkap",
        "nik": "NIK",
        "age": "Umur",
        "sex": "Jenis kelamin",
        "years": "{age} tahun",
        "unknown_age": "tidak diketahui",
        "services": "Layanan yang dimohon:",
        "reason": "Alasan rujukan:",
        "urgency": "Tingkat kedaruratan: {urgency}.",
        "documents": "Berkas yang dilampirkan:",
        "undated": "tanpa tanggal",
        "contact": "Untuk koordinasi, mohon menghubungi pendamping kasus, {name}{phone}.",
        "phone": ", telepon {phone}",
        "confidentiality": "Surat ini dan keterangan di dalamnya bersifat RAHASIA. Identitas "
        "korban tindak pidana perdagangan orang wajib dirahasiakan "
        "sesuai Undang-Undang Nomor 21 Tahun 2007 tentang Pemberantasan "
        "Tindak Pidana Perdagangan Orang, dan keterangan ini merupakan "
        "data pribadi yang bersifat spesifik yang dilindungi "
        "Undang-Undang Nomor 27 Tahun 2022 tentang Pelindungan Data "
        "Pribadi. Mohon keterangan ini hanya digunakan untuk pemberian "
        "layanan dan tidak diteruskan kepada pihak lain.",
        "closing": "Demikian disampaikan. Atas perhatian dan kerja samanya, diucapkan "
        "terima kasih.",
        "copies": "Tembusan:",
        "nip": "NIP. {nip}",
        "page": "Halaman {n} dari {total}",
    },
    "en": {
        "number": "Number",
        "nature": "Nature",
        "confidential": "Confidential",
        "attachments": "Attachments",
        "subject": "Subject",
        "to": "To:",
        "at": "in",
        "draft_number": "(given when the letter is issued)",
        "draft": "DRAFT",
        "copy": "COPY",
        "greeting": "Dear Sir or Madam,",
        "opening": "We hereby refer a client assisted by {office}, as follows:",
        "register_number": "Register number",
        "initials": "Initials",
        "full_name": "Full name",
        "nik": "NIK",
        "age": "Age",
        "sex": "Sex",
        "years": "{age} years",
        "unknown_age": "unknown",
        "services": "Services requested:",
        "reason": "Reason for referral:",
        "urgency": "Urgency: {urgency}.",
        "documents": "Documents attached:",
        "undated": "undated",
        "contact": "For coordination, please contact the case worker, {name}{phone}.",
        "phone": ", telephone {phone}",
        "confidentiality": "This letter and the information in it are CONFIDENTIAL. The "
        "identity of a victim of trafficking in persons must be kept "
        "confidential under Law No. 21 of 2007 on the Eradication of the "
        "Crime of Trafficking in Persons, and this information is "
        "specific personal data protected by Law No. 27 of 2022 on "
        "Personal Data Protection. Please use it only to provide the "
        "services requested and do not pass it on.",
        "closing": "Thank you for your attention and cooperation.",
        "copies": "Copies to:",
        "nip": "NIP {nip}",
        "page": "Page {n} of {total}",
    },
}


@dataclass(frozen=True)
class Fit:
    """How tightly a letter is set: text size in points and a factor on the room between
    its parts."""

    size: float
    space: float


# The usual setting first; a letter a little too long for one page is set tighter, step
# by step, rather than leave its signature or copies-to list alone on a second page.
FITS = (Fit(10.5, 1.0), Fit(10.5, 0.6), Fit(10.0, 0.45), Fit(9.5, 0.35))


def spacer(fit: Fit) -> Callable[[float], Spacer]:
    """Vertical room of a height, scaled by how tightly the letter is set."""
    return lambda height: Spacer(1, height * fit.space)


def render(content: LetterContent) -> bytes:
    """The letter as PDF bytes: on one page if any of :data:`FITS` gets it there, else
    in the usual setting over as many pages as it needs."""
    return fitted(lambda fit: build(content, fit, _story, TEXT[content.language]))


def fitted(build_at: Callable[[Fit], bytes]) -> bytes:
    """What ``build_at`` makes in the first of :data:`FITS` that gets it on one page;
    in the usual setting when it is one page already or too long for any setting."""
    usual = build_at(FITS[0])
    if page_count(usual) != 2:
        return usual  # one page already, or too long for any setting to make it one
    for fit in FITS[1:]:
        pdf = build_at(fit)
        if page_count(pdf) == 1:
            return pdf
    return usual  # a long letter reads better in the usual setting


def build(
    content: Any,
    fit: Fit,
    story: Callable[[Any, float, Fit], list],
    t: dict[str, str],
) -> bytes:
    """A letter of any kind: the letterhead on its first page, ``story(content, width,
    fit)`` in its frames, the number and page on every page, DRAFT or COPY across it."""
    head = Letterhead(content.letterhead, content.address_lines, content.logo)
    buffer = io.BytesIO()
    doc, width = letterhead_document(
        buffer,
        PAPER[content.paper],
        MARGINS,
        head,
        0.4 * cm * fit.space,
        title=f"{t['subject']}: {content.number or t['draft']}",
        author=content.office_name,
        subject=content.subject,
    )

    def page_label(n: int, total: int) -> str:
        page = t["page"].format(n=n, total=total)
        return f"{content.number} \u00b7 {page}" if content.number else page

    mark = t["draft"] if content.draft else t["copy"] if content.copy else ""
    canvasmaker = numbered_canvas(page_label, mark)
    doc.build(story(content, width, fit), canvasmaker=canvasmaker)
    return buffer.getvalue()


def _story(c: LetterContent, width: float, fit: Fit) -> list:
    t = TEXT[c.language]
    s = styles(fit.size, fit.space)

    gap = spacer(fit)

    story = [
        *opening(c, t, width, s, fit),
        Paragraph(markup(t["opening"].format(office=c.office_name)), s.body),
    ]
    story += [fields_table(person_rows(c, t), width, s=s), gap(0.25 * cm)]
    story += [
        Paragraph(markup(t["services"]), s.heading),
        numbered_list(c.services, width, s=s),
        gap(0.25 * cm),
        Paragraph(markup(t["reason"]), s.heading),
    ]
    story += [Paragraph(markup(part), s.body) for part in _paragraphs(c.reason)]
    phone = t["phone"].format(phone=c.worker_phone) if c.worker_phone else ""
    story.append(
        Paragraph(
            markup(
                t["urgency"].format(urgency=c.urgency)
                + " "
                + t["contact"].format(name=c.worker_name, phone=phone)
            ),
            s.body,
        )
    )
    if c.documents:
        story += [
            gap(0.25 * cm),
            Paragraph(markup(t["documents"]), s.heading),
            numbered_list(c.documents, width, s=s),
            gap(0.25 * cm),
        ]
    story.append(ending(c, t, width, s, fit))
    return story


def opening(c: Any, t: dict[str, str], width: float, s: Styles, fit: Fit) -> list:
    """Nomor, Sifat, Lampiran, Hal beside place and date; ``Yth.`` the addressee, ``di``
    the place; the greeting."""

    gap = spacer(fit)

    place_date = f"{c.city}, {long_date(c.date, c.language)}"
    story: list = [
        NextPageTemplate("later"),
        reference_block(
            [
                (t["number"], c.number or t["draft_number"]),
                (t["nature"], t["confidential"]),
                (t["attachments"], attachments_text(c.attachments, c.language)),
                (t["subject"], c.subject),
            ],
            place_date,
            width,
            s,
        ),
        gap(0.45 * cm),
    ]
    story.append(Paragraph(markup(f"{t['to']} {c.addressee[0]}"), s.plain))
    story += [Paragraph(markup(line), s.plain) for line in c.addressee[1:]]
    story.append(Paragraph(markup(t["at"]), s.plain))
    story.append(Paragraph("&nbsp;" * 8 + markup(c.addressee_place), s.plain))
    return [*story, gap(0.35 * cm), Paragraph(markup(t["greeting"]), s.body)]


def person_rows(c: Any, t: dict[str, str]) -> list[tuple[str, str]]:
    """Register number, initials, the name and NIK if shown, age and sex."""
    person = [(t["register_number"], c.register_number), (t["initials"], c.initials)]
    if c.full_name:
        person.append((t["full_name"], c.full_name))
    if c.nik:
        person.append((t["nik"], c.nik))
    age = t["years"].format(age=c.age) if c.age is not None else t["unknown_age"]
    return [*person, (t["age"], age), (t["sex"], c.sex)]


def victim_rows(c: Any, t: dict[str, str]) -> list[tuple[str, str]]:
    """:func:`person_rows`, and a line saying the victim is a child when she is (the
    journey's letters: LPSK, handover, transfer)."""
    rows = person_rows(c, t)
    if c.child:
        rows.append((t["child"], t["child_value"]))
    return rows


def ending(c: Any, t: dict[str, str], width: float, s: Styles, fit: Fit) -> KeepTogether:
    """The confidentiality reminder, the closing line, the signature and the copies-to
    list, on one page together: a signature never stands on a page without the text it
    closes, nor the Tembusan without the signature."""

    gap = spacer(fit)

    parts = [
        Paragraph(markup(t["confidentiality"]), s.note),
        Paragraph(markup(t["closing"]), s.body),
        gap(0.3 * cm),
        signature_block(
            c.signatory_title,
            c.signatory_name,
            c.signatory_rank,
            t["nip"].format(nip=c.signatory_nip) if c.signatory_nip else "",
            width,
            s,
        ),
    ]
    return KeepTogether(parts + copies_to(c.copies, t, s, gap(0.25 * cm)))


def copies_to(copies: Sequence[str], t: dict[str, str], s: Styles, gap: Spacer) -> list:
    """``Tembusan:`` and the numbered copies, or nothing."""
    lines = [line for line in copies if line.strip()]
    if not lines:
        return []
    return [
        gap,
        Paragraph(markup(t["copies"]), s.small),
        *(Paragraph(markup(f"{i}. {line}"), s.small) for i, line in enumerate(lines, 1)),
    ]


_PAGE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


def page_count(pdf: bytes) -> int:
    """Pages of a PDF this module rendered (one page object each)."""
    return len(_PAGE.findall(pdf))


def _paragraphs(text: str) -> list[str]:
    """Paragraphs of free text: blank lines separate them; single newlines are kept as
    separate paragraphs too (people type lists)."""
    return [line.strip() for line in text.splitlines() if line.strip()] or ["-"]
