"""Controlled vocabularies of the register, with Indonesian and English labels.

Codes are stable English identifiers (``forced_labour``) stored in the database and carried
in sync batches; they never change once released. Labels are for people: Indonesian
(``id``, the default) and English (``en``). The trafficking vocabularies follow DOMAIN.md,
which aligns them with IOM's HTCDS and the CTDC data standard so that statistics can be
compared. Age groups for statistics and CTDC's published age bands are at the end.

Plain Python, standard library only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

LANGUAGES = ("id", "en")
_CODE = re.compile(r"^[a-z][a-z0-9_]*$")


@dataclass(frozen=True, slots=True)
class Term:
    """One entry of a vocabulary: its stable code and its labels."""

    code: str  # stable English identifier, e.g. "forced_labour"
    id: str  # Indonesian label
    en: str  # English label


class Vocabulary:
    """An ordered, immutable set of terms, looked up by code.

    The constructor refuses malformed codes, duplicate codes, empty labels and labels
    repeated within one language, so a mistake in a table below fails at import.
    """

    __slots__ = ("_by_code", "name", "terms")

    name: str
    terms: tuple[Term, ...]

    def __init__(self, name: str, terms: Iterable[Term]) -> None:
        if not _CODE.match(name):
            raise ValueError(f"vocabulary name {name!r} is not a valid identifier")
        self.name = name
        self.terms = tuple(terms)
        if not self.terms:
            raise ValueError(f"vocabulary {name!r} has no terms")
        by_code: dict[str, Term] = {}
        for term in self.terms:
            if not isinstance(term, Term):
                raise TypeError(f"vocabulary {name!r}: {term!r} is not a Term")
            if not isinstance(term.code, str) or not _CODE.match(term.code):
                raise ValueError(f"vocabulary {name!r}: bad code {term.code!r}")
            if term.code in by_code:
                raise ValueError(f"vocabulary {name!r}: duplicate code {term.code!r}")
            by_code[term.code] = term
        for lang in LANGUAGES:
            seen: set[str] = set()
            for term in self.terms:
                label = getattr(term, lang)
                if not isinstance(label, str) or not label.strip() or label != label.strip():
                    raise ValueError(f"vocabulary {name!r}: bad {lang} label for {term.code!r}")
                if label.casefold() in seen:
                    raise ValueError(f"vocabulary {name!r}: duplicate {lang} label {label!r}")
                seen.add(label.casefold())
        self._by_code = by_code

    def codes(self) -> tuple[str, ...]:
        """The codes, in display order."""
        return tuple(term.code for term in self.terms)

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and code in self._by_code

    def __iter__(self) -> Iterator[Term]:
        return iter(self.terms)

    def __len__(self) -> int:
        return len(self.terms)

    def __repr__(self) -> str:
        return f"Vocabulary({self.name!r}, {len(self.terms)} terms)"

    def term(self, code: str) -> Term:
        """The term for ``code``; ``KeyError`` if the code is not in this vocabulary."""
        try:
            return self._by_code[code]
        except (KeyError, TypeError):
            raise KeyError(f"{self.name}: unknown code {code!r}") from None

    def label(self, code: str, lang: str = "id") -> str:
        """The label of ``code`` in ``lang`` (``"id"`` or ``"en"``).

        ``KeyError`` for an unknown code, ``ValueError`` for an unknown language.
        """
        if lang not in LANGUAGES:
            raise ValueError(f"unknown label language {lang!r}; expected one of {LANGUAGES}")
        term = self.term(code)
        return term.id if lang == "id" else term.en

    def label_or_code(self, code: object, lang: str = "id") -> str:
        """The label of ``code``; a code outside the vocabulary (a damaged stored value)
        as itself, so a screen or file that shows it still shows everything else."""
        if code in self:
            return self.label(code, lang)  # type: ignore[arg-type]
        return "" if code is None else str(code)


def _vocab(name: str, *rows: tuple[str, str, str]) -> Vocabulary:
    return Vocabulary(name, (Term(code, id_, en) for code, id_, en in rows))


# --- Trafficking (DOMAIN.md "Vocabularies"; HTCDS / CTDC) ---------------------------------

EXPLOITATION = _vocab(
    "exploitation",
    ("forced_labour", "Kerja paksa", "Forced labour"),
    ("sexual_exploitation", "Eksploitasi seksual", "Sexual exploitation"),
    ("forced_marriage", "Perkawinan paksa", "Forced marriage"),
    ("domestic_servitude", "Perhambaan dalam rumah tangga", "Domestic servitude"),
    ("child_labour", "Eksploitasi pekerja anak", "Child labour"),
    ("forced_begging", "Dipaksa mengemis", "Forced begging"),
    ("organ_removal", "Pengambilan organ tubuh", "Organ removal"),
    ("forced_criminality", "Dipaksa melakukan tindak pidana", "Forced criminality"),
    (
        "slavery_practices",
        "Perbudakan atau praktik serupa perbudakan",
        "Slavery or practices similar to slavery",
    ),
    ("other", "Lainnya", "Other"),
)

LABOUR_SECTOR = _vocab(
    "labour_sector",
    ("agriculture", "Pertanian dan perkebunan", "Agriculture and plantations"),
    ("fishing_aquaculture", "Perikanan tangkap dan budi daya", "Fishing and aquaculture"),
    ("begging", "Mengemis", "Begging"),
    ("construction", "Konstruksi", "Construction"),
    ("domestic_work", "Pekerjaan rumah tangga (PRT)", "Domestic work"),
    ("hospitality", "Perhotelan, restoran dan hiburan", "Hospitality and entertainment"),
    ("illicit_activities", "Kegiatan ilegal", "Illicit activities"),
    ("manufacturing", "Industri pengolahan (pabrik)", "Manufacturing"),
    ("mining", "Pertambangan", "Mining"),
    ("peddling", "Berjualan keliling (asongan)", "Peddling and street vending"),
    ("transportation", "Transportasi", "Transportation"),
    ("other", "Lainnya", "Other"),
)

MEANS_OF_CONTROL = _vocab(
    "means_of_control",
    ("debt_bondage", "Jeratan utang", "Debt bondage"),
    ("takes_earnings", "Mengambil penghasilan korban", "Takes earnings"),
    ("restricts_financial_access", "Membatasi akses keuangan", "Restricts access to money"),
    ("threats", "Ancaman", "Threats"),
    ("psychological_abuse", "Kekerasan psikis", "Psychological abuse"),
    ("physical_abuse", "Kekerasan fisik", "Physical abuse"),
    ("sexual_abuse", "Kekerasan seksual", "Sexual abuse"),
    ("false_promises", "Janji palsu", "False promises"),
    ("psychoactive_substances", "Pemberian narkoba atau zat adiktif", "Psychoactive substances"),
    ("restricts_movement", "Membatasi kebebasan bergerak", "Restricts movement"),
    ("restricts_medical_care", "Membatasi akses layanan kesehatan", "Restricts medical care"),
    ("excessive_working_hours", "Jam kerja berlebihan", "Excessive working hours"),
    ("uses_children", "Memanfaatkan anak sebagai alat kendali", "Uses children"),
    (
        "threat_of_law_enforcement",
        "Ancaman dilaporkan ke polisi atau imigrasi",
        "Threat of law enforcement",
    ),
    (
        "withholds_necessities",
        "Menahan kebutuhan dasar (makan, minum, istirahat)",
        "Withholds necessities (food, water, rest)",
    ),
    (
        "withholds_documents",
        "Menahan dokumen (paspor, KTP)",
        "Withholds documents (passport, ID card)",
    ),
    ("other", "Lainnya", "Other"),
)

RECRUITMENT_METHOD = _vocab(
    "recruitment_method",
    ("job_offer", "Tawaran pekerjaan", "Job offer"),
    ("marriage_or_partner", "Perkawinan atau hubungan pacaran", "Marriage or partner"),
    ("online_social_media", "Internet atau media sosial", "Online or social media"),
    ("family", "Melalui keluarga", "Through family"),
    ("agent_or_broker", "Calo, sponsor atau agen", "Agent or broker (calo, sponsor)"),
    ("abduction", "Penculikan", "Abduction"),
    ("other", "Lainnya", "Other"),
    ("unknown", "Tidak diketahui", "Unknown"),
)

RECRUITER_RELATIONSHIP = _vocab(
    "recruiter_relationship",
    ("intimate_partner", "Pasangan atau pacar", "Intimate partner"),
    ("family", "Anggota keluarga", "Family member"),
    ("friend", "Teman", "Friend"),
    ("acquaintance", "Kenalan", "Acquaintance"),
    ("stranger", "Orang tidak dikenal", "Stranger"),
    ("unknown", "Tidak diketahui", "Unknown"),
)

INTAKE_SOURCE = _vocab(
    "intake_source",
    ("hotline", "Hotline SAPA 129", "SAPA 129 hotline"),
    ("walk_in", "Datang langsung", "Walk-in"),
    ("police", "Rujukan kepolisian", "Police referral"),
    ("village_referral", "Rujukan desa / kelurahan", "Village referral"),
    ("ngo", "Lembaga swadaya masyarakat (LSM)", "Non-governmental organisation (NGO)"),
    ("health", "Fasilitas kesehatan", "Health facility"),
    ("migrant_worker_agency", "BP2MI / KP2MI", "Migrant worker agency (BP2MI / KP2MI)"),
    (
        "foreign_mission",
        "Perwakilan RI di luar negeri (KBRI / KJRI)",
        "Indonesian mission abroad (embassy or consulate)",
    ),
    ("other", "Lainnya", "Other"),
)

SERVICE_TYPE = _vocab(
    "service_type",
    ("complaint_intake", "Pengaduan dan identifikasi", "Complaint intake and identification"),
    ("outreach", "Penjangkauan", "Outreach"),
    ("case_management", "Pengelolaan kasus", "Case management"),
    ("health", "Rehabilitasi kesehatan", "Health rehabilitation"),
    ("psychological", "Pendampingan psikologis", "Psychological support"),
    ("legal_aid", "Bantuan hukum", "Legal aid"),
    (
        "law_enforcement_support",
        "Pendampingan proses hukum (penyidikan, persidangan)",
        "Support through investigation and trial",
    ),
    ("shelter", "Penampungan sementara (rumah aman)", "Temporary shelter (safe house)"),
    ("repatriation", "Pemulangan", "Repatriation"),
    ("social_rehabilitation", "Rehabilitasi sosial", "Social rehabilitation"),
    ("reintegration", "Reintegrasi sosial", "Social reintegration"),
    ("economic_empowerment", "Pemberdayaan ekonomi", "Economic empowerment"),
    ("education", "Pendidikan", "Education"),
    (
        "documentation",
        "Pengurusan dokumen identitas (KTP, KK, akta kelahiran)",
        "Identity documents (ID card, family card, birth certificate)",
    ),
    ("mediation", "Mediasi", "Mediation"),
    ("other", "Lainnya", "Other"),
)

PROVIDER_TYPE = _vocab(
    "provider_type",
    ("hospital", "Rumah sakit (RSUD)", "Hospital"),
    ("health_centre", "Puskesmas", "Community health centre (puskesmas)"),
    ("police_ppa_unit", "Unit PPA Kepolisian", "Police women and children protection unit (PPA)"),
    ("prosecutor", "Kejaksaan", "Public prosecutor's office"),
    ("court", "Pengadilan", "Court"),
    ("legal_aid", "Bantuan hukum (LBH)", "Legal aid organisation (LBH)"),
    ("shelter", "Rumah aman / shelter (RPTC, RPSA)", "Shelter (RPTC, RPSA, safe house)"),
    ("social_affairs", "Dinas Sosial", "Social affairs office (Dinas Sosial)"),
    ("migrant_worker_agency", "BP2MI / KP2MI", "Migrant worker protection agency (BP2MI / KP2MI)"),
    ("lpsk", "LPSK", "Witness and Victim Protection Agency (LPSK)"),
    ("ngo", "Lembaga swadaya masyarakat (LSM)", "Non-governmental organisation (NGO)"),
    (
        "religious_or_community",
        "Lembaga keagamaan atau kemasyarakatan",
        "Religious or community organisation",
    ),
    ("village_government", "Pemerintah desa / kelurahan", "Village government"),
    ("other", "Lainnya", "Other"),
)

# --- Case handling (DESIGN.md section 3) --------------------------------------------------

CASE_STATUS = _vocab(
    "case_status",
    ("open", "Dibuka", "Open"),
    ("active", "Dalam penanganan", "Active"),
    ("follow_up", "Pemantauan dan tindak lanjut", "Follow-up"),
    ("closed", "Ditutup (terminasi)", "Closed"),
    ("closed_referred", "Ditutup, dirujuk ke lembaga lain", "Closed, referred elsewhere"),
)

RISK_LEVEL = _vocab(
    "risk_level",
    ("low", "Rendah", "Low"),
    ("medium", "Sedang", "Medium"),
    ("high", "Tinggi", "High"),
)

TRAFFICKING_STATUS = _vocab(
    "trafficking_status",
    ("possible", "Dugaan TPPO", "Possible trafficking"),
    ("confirmed", "TPPO terkonfirmasi", "Confirmed trafficking"),
    ("not_trafficking", "Bukan TPPO", "Not trafficking"),
)

SERVICE_STATUS = _vocab(
    "service_status",
    ("planned", "Direncanakan", "Planned"),
    ("in_progress", "Sedang berjalan", "In progress"),
    ("provided", "Telah diberikan", "Provided"),
    ("declined", "Ditolak", "Declined"),
    ("unavailable", "Tidak tersedia", "Unavailable"),
)

REFERRAL_STATUS = _vocab(
    "referral_status",
    ("draft", "Draf", "Draft"),
    ("sent", "Terkirim", "Sent"),
    ("accepted", "Diterima", "Accepted"),
    ("declined", "Ditolak", "Declined"),
    ("completed", "Selesai", "Completed"),
)

URGENCY = _vocab(
    "urgency",
    ("routine", "Biasa", "Routine"),
    ("urgent", "Segera", "Urgent"),
    ("emergency", "Darurat", "Emergency"),
)

CLOSURE_REASON = _vocab(
    "closure_reason",
    ("goals_achieved", "Tujuan intervensi tercapai", "Intervention goals achieved"),
    ("referred_elsewhere", "Dirujuk ke lembaga lain", "Referred to another agency"),
    (
        "reintegrated",
        "Kembali ke keluarga dan masyarakat",
        "Reintegrated with family and community",
    ),
    ("victim_withdrew", "Korban mengundurkan diri", "Victim withdrew"),
    ("lost_contact", "Hilang kontak", "Lost contact"),
    ("moved_away", "Pindah domisili", "Moved away"),
    ("deceased", "Meninggal dunia", "Deceased"),
    ("not_trafficking", "Bukan kasus TPPO", "Not a trafficking case"),
    ("other", "Lainnya", "Other"),
)

# --- The person (Dukcapil terms; UU 8/2016 for disability) --------------------------------

SEX = _vocab(
    "sex",
    ("female", "Perempuan", "Female"),
    ("male", "Laki-laki", "Male"),
)

EDUCATION = _vocab(
    "education",
    ("none", "Tidak/belum sekolah", "No schooling"),
    ("primary", "SD/sederajat", "Primary school (SD)"),
    ("junior_secondary", "SMP/sederajat", "Junior secondary school (SMP)"),
    ("senior_secondary", "SMA/SMK/sederajat", "Senior secondary school (SMA/SMK)"),
    ("diploma", "Diploma (D1-D4)", "Diploma (D1-D4)"),
    ("university", "Sarjana atau pascasarjana (S1-S3)", "University degree (S1-S3)"),
    ("unknown", "Tidak diketahui", "Unknown"),
)

MARITAL_STATUS = _vocab(
    "marital_status",
    ("single", "Belum kawin", "Single (never married)"),
    ("married", "Kawin", "Married"),
    ("divorced", "Cerai hidup", "Divorced"),
    ("widowed", "Cerai mati", "Widowed"),
    ("unknown", "Tidak diketahui", "Unknown"),
)

NATIONALITY = _vocab(
    "nationality",
    ("indonesian", "Warga negara Indonesia (WNI)", "Indonesian citizen"),
    ("foreign", "Warga negara asing (WNA)", "Foreign national"),
    ("stateless", "Tanpa kewarganegaraan", "Stateless"),
    ("unknown", "Tidak diketahui", "Unknown"),
)

DISABILITY = _vocab(
    "disability",
    ("none", "Tidak ada disabilitas", "No disability"),
    ("physical", "Disabilitas fisik", "Physical disability"),
    ("intellectual", "Disabilitas intelektual", "Intellectual disability"),
    ("mental", "Disabilitas mental", "Mental (psychosocial) disability"),
    ("sensory", "Disabilitas sensorik", "Sensory disability"),
    ("multiple", "Disabilitas ganda", "Multiple disabilities"),
    ("unknown", "Tidak diketahui", "Unknown"),
)

# --- Offices and users (DESIGN.md sections 3 and 4) ---------------------------------------

ROLE = _vocab(
    "role",
    ("admin", "Administrator", "Administrator"),
    ("supervisor", "Supervisor (manajer kasus)", "Supervisor (case manager)"),
    ("caseworker", "Pendamping / pekerja sosial", "Case worker"),
    ("analyst", "Analis data", "Data analyst"),
)

OFFICE_LEVEL = _vocab(
    "office_level",
    ("district", "Kabupaten/kota", "District (regency or city)"),
    ("province", "Provinsi", "Province"),
)

PAPER = _vocab(
    "paper",
    ("a4", "A4 (210 x 297 mm)", "A4 (210 x 297 mm)"),
    ("f4", "F4 / folio (215 x 330 mm)", "F4 / folio (215 x 330 mm)"),
)

LETTER_LANGUAGE = _vocab(
    "letter_language",
    ("id", "Bahasa Indonesia", "Indonesian"),
    ("en", "Bahasa Inggris", "English"),
)

# --- Countries (ISO 3166-1 alpha-2, lower case) -------------------------------------------

COUNTRY = _vocab(
    "country",
    ("id", "Indonesia", "Indonesia"),
    ("my", "Malaysia", "Malaysia"),
    ("sg", "Singapura", "Singapore"),
    ("sa", "Arab Saudi", "Saudi Arabia"),
    ("ae", "Uni Emirat Arab", "United Arab Emirates"),
    ("qa", "Qatar", "Qatar"),
    ("kw", "Kuwait", "Kuwait"),
    ("om", "Oman", "Oman"),
    ("bh", "Bahrain", "Bahrain"),
    ("jo", "Yordania", "Jordan"),
    ("hk", "Hong Kong", "Hong Kong"),
    ("tw", "Taiwan", "Taiwan"),
    ("kr", "Korea Selatan", "South Korea"),
    ("jp", "Jepang", "Japan"),
    ("cn", "Tiongkok", "China"),
    ("th", "Thailand", "Thailand"),
    ("kh", "Kamboja", "Cambodia"),
    ("mm", "Myanmar", "Myanmar"),
    ("la", "Laos", "Laos"),
    ("vn", "Vietnam", "Vietnam"),
    ("ph", "Filipina", "Philippines"),
    ("bn", "Brunei Darussalam", "Brunei Darussalam"),
    ("tl", "Timor-Leste", "Timor-Leste"),
    ("au", "Australia", "Australia"),
    ("nz", "Selandia Baru", "New Zealand"),
    ("tr", "Turki", "Türkiye"),
    ("iq", "Irak", "Iraq"),
    ("sy", "Suriah", "Syria"),
    ("ly", "Libya", "Libya"),
    ("eg", "Mesir", "Egypt"),
    ("pl", "Polandia", "Poland"),
    ("other", "Negara lain", "Other country"),
    ("unknown", "Tidak diketahui", "Unknown"),
)


# --- The case journey (DOMAIN.md "The criminal case, restitution and protection";
# DESIGN.md section 10) ---------------------------------------------------------------------

ASSESSMENT_KIND = _vocab(
    "assessment_kind",
    ("risk_triage", "Triase risiko", "Risk triage"),
    ("biopsychosocial", "Asesmen biopsikososial", "Biopsychosocial assessment"),
)

ASSESSMENT_DOMAIN = _vocab(
    "assessment_domain",
    ("physical_health", "Kesehatan fisik", "Physical health"),
    ("mental_health", "Kesehatan mental dan psikologis", "Mental health"),
    ("safety", "Keamanan", "Safety"),
    ("legal", "Hukum", "Legal"),
    ("livelihood", "Ekonomi dan mata pencaharian", "Livelihood"),
    ("education", "Pendidikan", "Education"),
    ("family_and_care", "Keluarga dan pengasuhan", "Family and care"),
    ("shelter", "Tempat tinggal", "Shelter"),
    ("civil_documents", "Dokumen kependudukan", "Civil documents"),
    ("social_reintegration", "Reintegrasi sosial", "Social reintegration"),
)

PLAN_GOAL_STATUS = _vocab(
    "plan_goal_status",
    ("planned", "Direncanakan", "Planned"),
    ("in_progress", "Sedang berjalan", "In progress"),
    ("achieved", "Tercapai", "Achieved"),
    ("not_achieved", "Tidak tercapai", "Not achieved"),
    ("dropped", "Dibatalkan", "Dropped"),
)

LEGAL_STEP_KIND = _vocab(
    "legal_step_kind",
    ("police_report", "Laporan Polisi (LP)", "Police report"),
    ("investigation", "Penyidikan (BAP korban)", "Investigation (victim's BAP)"),
    ("suspect_named", "Penetapan tersangka", "Suspect named"),
    ("file_returned", "Berkas dikembalikan (P-19)", "File returned to police (P-19)"),
    ("file_complete", "Berkas lengkap (P-21)", "File complete (P-21)"),
    ("handed_to_prosecutor", "Tahap II (penyerahan ke jaksa)", "Handed to the prosecutor"),
    ("indictment", "Dakwaan", "Indictment"),
    ("demand", "Tuntutan", "Prosecutor's demand"),
    ("verdict", "Putusan pengadilan negeri", "Verdict"),
    ("appeal", "Banding", "Appeal"),
    ("cassation", "Kasasi", "Cassation"),
    ("final", "Berkekuatan hukum tetap (inkracht)", "Final (inkracht)"),
    ("execution", "Eksekusi", "Execution"),
    ("investigation_stopped", "Penyidikan dihentikan (SP3)", "Investigation stopped (SP3)"),
)

VERDICT_OUTCOME = _vocab(
    "verdict_outcome",
    ("convicted", "Terbukti bersalah", "Convicted"),
    ("acquitted", "Bebas", "Acquitted"),
    ("released", "Lepas dari segala tuntutan", "Released from all charges"),
)

LPSK_PROTECTION = _vocab(
    "lpsk_protection",
    ("physical_protection", "Perlindungan fisik", "Physical protection"),
    ("procedural_rights", "Pemenuhan hak prosedural", "Procedural rights"),
    ("medical_aid", "Bantuan medis", "Medical aid"),
    ("psychological_rehabilitation", "Rehabilitasi psikologis", "Psychological rehabilitation"),
    ("psychosocial_rehabilitation", "Rehabilitasi psikososial", "Psychosocial rehabilitation"),
    ("restitution_facilitation", "Fasilitasi restitusi", "Restitution facilitation"),
)

LPSK_DECISION = _vocab(
    "lpsk_decision",
    ("pending", "Menunggu keputusan", "Pending"),
    ("granted", "Diterima", "Granted"),
    ("partly_granted", "Diterima sebagian", "Partly granted"),
    ("refused", "Ditolak", "Refused"),
)

RETURN_ESCORT = _vocab(
    "return_escort",
    ("migrant_worker_agency", "KP2MI/BP3MI", "Migrant worker agency (KP2MI/BP3MI)"),
    ("social_affairs", "Dinas Sosial", "Social affairs office (Dinas Sosial)"),
    ("ministry_shelter", "Kemensos (sentra/RPTC)", "Ministry shelter (Kemensos/RPTC)"),
    ("iom", "IOM", "IOM"),
    ("ngo", "LSM", "NGO"),
    ("police", "Kepolisian", "Police"),
    ("family", "Keluarga", "Family"),
    ("other", "Lainnya", "Other"),
)

REINTEGRATION_STATUS = _vocab(
    "reintegration_status",
    ("on_track", "Berjalan baik", "On track"),
    ("needs_support", "Perlu dukungan", "Needs support"),
    ("lost_contact", "Hilang kontak", "Lost contact"),
    ("retrafficked", "Menjadi korban lagi", "Trafficked again"),
)

INCIDENT_KIND = _vocab(
    "incident_kind",
    ("raid", "Penggerebekan", "Raid"),
    ("rescue", "Penyelamatan", "Rescue"),
    ("deportation", "Deportasi", "Deportation"),
    ("repatriation", "Pemulangan", "Repatriation"),
    ("other", "Lainnya", "Other"),
)

TRANSFER_STATUS = _vocab(
    "transfer_status",
    ("requested", "Diajukan", "Requested"),
    ("accepted", "Diterima", "Accepted"),
    ("declined", "Ditolak", "Declined"),
)

DOCUMENT_KIND = _vocab(
    "document_kind",
    ("identity_card", "KTP / identitas", "Identity document"),
    ("family_card", "Kartu Keluarga", "Family card"),
    ("birth_certificate", "Akta kelahiran", "Birth certificate"),
    ("consent", "Surat persetujuan", "Consent"),
    ("police_report", "Laporan polisi", "Police report"),
    ("medical_report", "Visum / laporan medis", "Medical report"),
    ("court_decision", "Putusan pengadilan", "Court decision"),
    ("photo", "Foto", "Photo"),
    ("other", "Lainnya", "Other"),
)

DOCUMENT_SUBJECT = _vocab(
    "document_subject",
    ("person", "Orang", "Person"),
    ("case", "Kasus", "Case"),
    ("service", "Layanan", "Service"),
    ("referral", "Rujukan", "Referral"),
    ("legal_step", "Langkah hukum", "Legal step"),
    ("return", "Pemulangan", "Return"),
)

# What a document's bytes are (read from the bytes themselves, never from a file name).
DOCUMENT_FORMAT = _vocab(
    "document_format",
    ("pdf", "PDF", "PDF"),
    ("jpeg", "JPEG", "JPEG"),
    ("png", "PNG", "PNG"),
    ("webp", "WebP", "WebP"),
)

DUPLICATE_REASON = _vocab(
    "duplicate_reason",
    ("same_nik", "NIK sama", "Same NIK"),
    ("similar_name", "Nama mirip, umur cocok", "Similar name, compatible age"),
)


VOCABULARIES: dict[str, Vocabulary] = {
    v.name: v
    for v in (
        EXPLOITATION,
        LABOUR_SECTOR,
        MEANS_OF_CONTROL,
        RECRUITMENT_METHOD,
        RECRUITER_RELATIONSHIP,
        INTAKE_SOURCE,
        SERVICE_TYPE,
        PROVIDER_TYPE,
        CASE_STATUS,
        RISK_LEVEL,
        TRAFFICKING_STATUS,
        SERVICE_STATUS,
        REFERRAL_STATUS,
        URGENCY,
        SEX,
        EDUCATION,
        MARITAL_STATUS,
        NATIONALITY,
        DISABILITY,
        CLOSURE_REASON,
        ROLE,
        OFFICE_LEVEL,
        PAPER,
        LETTER_LANGUAGE,
        COUNTRY,
        ASSESSMENT_KIND,
        ASSESSMENT_DOMAIN,
        PLAN_GOAL_STATUS,
        LEGAL_STEP_KIND,
        VERDICT_OUTCOME,
        LPSK_PROTECTION,
        LPSK_DECISION,
        RETURN_ESCORT,
        REINTEGRATION_STATUS,
        INCIDENT_KIND,
        TRANSFER_STATUS,
        DUPLICATE_REASON,
        DOCUMENT_KIND,
        DOCUMENT_SUBJECT,
        DOCUMENT_FORMAT,
    )
}

# --- Age groups ----------------------------------------------------------------------------
# (code, lowest age, highest age or None for open-ended), in years completed.
# Children are under 18 (UU 35/2014).

AGE_GROUPS: tuple[tuple[str, int, int | None], ...] = (
    ("0-5", 0, 5),
    ("6-12", 6, 12),
    ("13-17", 13, 17),
    ("18-24", 18, 24),
    ("25-44", 25, 44),
    ("45-59", 45, 59),
    ("60+", 60, None),
)

# CTDC's published bands, for the anonymised export.
CTDC_AGE_BANDS: tuple[tuple[str, int, int | None], ...] = (
    ("0-8", 0, 8),
    ("9-17", 9, 17),
    ("18-20", 18, 20),
    ("21-23", 21, 23),
    ("24-26", 24, 26),
    ("27-29", 27, 29),
    ("30-38", 30, 38),
    ("39-47", 39, 47),
    ("48+", 48, None),
)


def _band(bands: tuple[tuple[str, int, int | None], ...], age: int) -> str:
    if isinstance(age, bool) or not isinstance(age, int):
        raise TypeError(f"age must be a whole number of years, not {age!r}")
    if age < 0:
        raise ValueError(f"age cannot be negative: {age}")
    for code, low, high in bands:
        if low <= age and (high is None or age <= high):
            return code
    raise ValueError(f"no band for age {age}")  # unreachable: the bands cover 0 and up


def age_group(age: int) -> str:
    """The statistics age group (``AGE_GROUPS``) of an age in completed years."""
    return _band(AGE_GROUPS, age)


def ctdc_age_band(age: int) -> str:
    """The CTDC age band (``CTDC_AGE_BANDS``) of an age in completed years."""
    return _band(CTDC_AGE_BANDS, age)
