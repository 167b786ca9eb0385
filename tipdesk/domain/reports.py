"""What a statistics report holds: tables of counts with stable row and column keys.

Labels are looked up at the edge (screen, PDF, XLSX, CSV) from the keys, so all four show
the same numbers under the same words. Age groups are DOMAIN.md's; a child is under 18
(UU 35/2014). A case counts in the breakdowns when it was handled in the period: opened
on or before its last day and not closed before its first.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from tipdesk.domain.vocab import VOCABULARIES

# (key, lowest age, highest age): DOMAIN.md "Age groups for statistics".
AGE_GROUPS: tuple[tuple[str, int, int], ...] = (
    ("0-5", 0, 5),
    ("6-12", 6, 12),
    ("13-17", 13, 17),
    ("18-24", 18, 24),
    ("25-44", 25, 44),
    ("45-59", 45, 59),
    ("60+", 60, 200),
)
UNKNOWN = "unknown"
TOTAL = "total"
COUNT = "count"
RUPIAH = "rupiah"  # a column of whole rupiah (issue 22)

# The headline figures (table "summary"), in order.
SUMMARY_ROWS = (
    "new_cases",
    "handled",
    "open_at_end",
    "closed",
    "children",
    "adults",
    "cross_border",
    "migrant_worker",
    "overdue_follow_up",
)

_WORDS: dict[str, tuple[str, str]] = {
    # summary rows
    "new_cases": ("Kasus baru", "New cases"),
    "handled": ("Kasus ditangani", "Cases handled"),
    "open_at_end": ("Kasus terbuka di akhir periode", "Cases open at the end of the period"),
    "closed": ("Kasus ditutup", "Cases closed"),
    "children": ("Korban anak (< 18 tahun)", "Child victims (under 18)"),
    "adults": ("Korban dewasa", "Adult victims"),
    "cross_border": ("Kasus lintas negara", "Cross-border cases"),
    "migrant_worker": ("Kasus pekerja migran", "Migrant-worker cases"),
    "overdue_follow_up": ("Tindak lanjut terlambat", "Overdue follow-ups"),
    "median_reply_days": ("Median hari sampai jawaban rujukan", "Median days to a referral reply"),
    "replied": ("Rujukan yang dijawab", "Referrals answered"),
    # columns and fallbacks
    COUNT: ("Jumlah", "Count"),
    TOTAL: ("Total", "Total"),
    UNKNOWN: ("Tidak diketahui", "Unknown"),
    "none": ("Tidak ada", "None"),
    "child": ("Anak (< 18)", "Child (under 18)"),
    "adult": ("Dewasa (18+)", "Adult (18+)"),
    "period": ("Periode", "Period"),
    # the case journey (issue 22): rows of the journey tables, and the money column
    "police_report": ("Kasus dengan laporan polisi", "Cases with a police report"),
    "prosecution": ("Kasus dalam penuntutan", "Cases in prosecution"),
    "verdict": ("Kasus dengan putusan pengadilan", "Cases with a verdict"),
    "convicted": ("Kasus dengan terdakwa terbukti bersalah", "Cases with a conviction"),
    "restitution_requested": ("Restitusi diajukan", "Restitution requested"),
    "restitution_assessed": ("Restitusi dinilai LPSK", "Restitution assessed by LPSK"),
    "restitution_awarded": ("Restitusi diputus pengadilan", "Restitution awarded"),
    "restitution_paid": ("Restitusi dibayar", "Restitution paid"),
    "lpsk_requested": ("Permohonan perlindungan LPSK", "LPSK protection requests"),
    "lpsk_granted": ("Permohonan LPSK diterima", "LPSK requests granted"),
    "lpsk_partly_granted": ("Permohonan LPSK diterima sebagian", "LPSK requests partly granted"),
    "lpsk_refused": ("Permohonan LPSK ditolak", "LPSK requests refused"),
    "returns_completed": ("Pemulangan selesai (serah terima)", "Returns completed (handover)"),
    RUPIAH: ("Jumlah (Rp)", "Amount (Rp)"),
    "office": ("Kantor", "Office"),
    "generated": ("Dibuat", "Generated"),
}

# key -> (Indonesian title, English title, row kind, column kind)
# Row kinds: "summary", a vocabulary name, "age_group", "age_class", "office", "month",
# "province", "regency", "figure", "journey", "incident" (an incident number). Column
# kinds: "count", "sex", "exploitation", "office", "money" (count and rupiah).
TABLES: dict[str, tuple[str, str, str, str]] = {
    "summary": ("Ringkasan", "Summary", "summary", "count"),
    "by_office": ("Per kantor", "By office", "office", "summary"),
    "sex_age": (
        "Korban menurut jenis kelamin dan kelompok umur",
        "Victims by sex and age group",
        "age_group",
        "sex",
    ),
    "sex_child": (
        "Korban anak dan dewasa menurut jenis kelamin",
        "Child and adult victims by sex",
        "age_class",
        "sex",
    ),
    "exploitation": ("Jenis eksploitasi", "Type of exploitation", "exploitation", "count"),
    "labour_sector": (
        "Sektor kerja (kerja paksa)",
        "Labour sector (forced labour)",
        "labour_sector",
        "count",
    ),
    "means_of_control": ("Cara pengendalian", "Means of control", "means_of_control", "count"),
    "recruitment_method": ("Cara perekrutan", "Recruitment method", "recruitment_method", "count"),
    "recruiter_relationship": (
        "Hubungan dengan perekrut",
        "Relationship to the recruiter",
        "recruiter_relationship",
        "count",
    ),
    "destination_country": (
        "Negara tujuan eksploitasi",
        "Country of exploitation",
        "country",
        "count",
    ),
    "origin_province": ("Provinsi asal korban", "Province of origin", "province", "count"),
    "origin_regency": (
        "Kabupaten/kota asal korban",
        "Regency or city of origin",
        "regency",
        "count",
    ),
    "services_by_type": (
        "Layanan yang diberikan menurut jenis",
        "Services provided by type",
        "service_type",
        "count",
    ),
    "services_by_provider": (
        "Layanan yang diberikan menurut jenis penyedia",
        "Services provided by type of provider",
        "provider_type",
        "count",
    ),
    "referrals_by_status": (
        "Rujukan menurut status",
        "Referrals by status",
        "referral_status",
        "count",
    ),
    "referral_reply": ("Waktu jawaban rujukan", "Time to a referral reply", "figure", "count"),
    # The case journey (issue 22): see JOURNEY_NOTES for what each figure counts.
    "legal_process": ("Proses pidana", "The criminal case", "journey", "count"),
    "restitution": ("Restitusi", "Restitution", "journey", "money"),
    "protection_return": (
        "Perlindungan LPSK dan pemulangan",
        "LPSK protection and return home",
        "journey",
        "count",
    ),
    "victims_by_incident": (
        "Korban per kejadian (penggerebekan, deportasi)",
        "Victims per incident (raid, deportation)",
        "incident",
        "count",
    ),
    "cases_per_month": (
        "Kasus baru per bulan menurut jenis eksploitasi",
        "New cases per month by type of exploitation",
        "month",
        "exploitation",
    ),
}


# The rows of the journey tables, in order.
JOURNEY_ROWS: dict[str, tuple[str, ...]] = {
    "legal_process": ("police_report", "prosecution", "verdict", "convicted"),
    "restitution": (
        "restitution_requested",
        "restitution_assessed",
        "restitution_awarded",
        "restitution_paid",
    ),
    "protection_return": (
        "lpsk_requested",
        "lpsk_granted",
        "lpsk_partly_granted",
        "lpsk_refused",
        "returns_completed",
    ),
}

# What each journey table counts, printed under it (screen, PDF, XLSX, CSV notes).
JOURNEY_NOTES: dict[str, tuple[str, str]] = {
    "legal_process": (
        "Dari kasus yang ditangani pada periode ini, menurut langkah hukum bertanggal paling "
        "lambat pada akhir periode: laporan polisi; penuntutan = tahap II, dakwaan atau "
        "tuntutan tanpa putusan; putusan = putusan, banding, kasasi, inkracht atau eksekusi; "
        "terbukti bersalah = putusan dengan hasil terbukti bersalah.",
        "Of the cases handled in the period, by legal steps dated on or before its last day: "
        "a police report; prosecution = handed to the prosecutor, indictment or demand and "
        "no verdict yet; verdict = a verdict, appeal, cassation, final verdict or execution; "
        "conviction = a verdict step whose outcome is convicted.",
    ),
    "restitution": (
        "Permohonan restitusi kasus yang ditangani, dihitung menurut tanggal langkahnya pada "
        "periode ini (diajukan, dinilai LPSK, diputus, dibayar); jumlah dalam rupiah penuh. "
        "Jumlah yang kosong atau negatif tidak dijumlahkan.",
        "Restitution claims of the cases handled, counted by the date of each step within "
        "the period (requested, assessed by LPSK, awarded, paid); amounts in whole rupiah. "
        "An amount left blank or below zero is not added.",
    ),
    "protection_return": (
        "Permohonan LPSK yang diajukan pada periode ini dan keputusan LPSK yang bertanggal "
        "pada periode ini; pemulangan selesai = serah terima (atau, tanpa tanggal serah "
        "terima, tiba) pada periode ini. Hanya kasus yang ditangani.",
        "LPSK requests made in the period and LPSK decisions dated in the period; a return "
        "is completed by its handover (or, without a handover date, its arrival) in the "
        "period. Cases handled in the period only.",
    ),
    "victims_by_incident": (
        "Kasus yang ditangani pada periode ini yang terkait dengan satu kejadian.",
        "Cases handled in the period that are linked to an incident.",
    ),
}


def table_note(key: str, lang: str) -> str:
    pair = JOURNEY_NOTES.get(key)
    if pair is None:
        return ""
    return pair[0] if lang == "id" else pair[1]


def word(key: str, lang: str) -> str:
    pair = _WORDS.get(key)
    if pair is None:
        return key
    return pair[0] if lang == "id" else pair[1]


def table_title(key: str, lang: str) -> str:
    spec = TABLES[key]
    return spec[0] if lang == "id" else spec[1]


def age_group(age: int | None) -> str:
    if age is None or age < 0:
        return UNKNOWN
    return next((key for key, low, high in AGE_GROUPS if low <= age <= high), UNKNOWN)


@dataclass(frozen=True)
class ReportRow:
    key: str  # a code, an age group, an office code, "2026-11"...
    values: tuple[float | int | None, ...]


@dataclass(frozen=True)
class ReportTable:
    key: str  # a key of TABLES
    columns: tuple[str, ...]  # column keys ("count"; sex codes + "total"; ...)
    rows: tuple[ReportRow, ...]

    def value(self, row: str, column: str = COUNT) -> float | int | None:
        index = self.columns.index(column)
        found = next((r for r in self.rows if r.key == row), None)
        return found.values[index] if found else 0

    @property
    def row_kind(self) -> str:
        return TABLES[self.key][2]

    @property
    def column_kind(self) -> str:
        return TABLES[self.key][3]


@dataclass(frozen=True)
class Report:
    office_code: str  # the register's office
    office_name: str
    level: str  # district | province
    scope: str  # the office code reported on, "" for all of them
    period_from: dt.date
    period_to: dt.date
    generated_at: str  # ISO UTC
    tables: dict[str, ReportTable] = field(default_factory=dict)


def row_label(
    kind: str, key: str, lang: str, *, offices: dict[str, str] | None = None, place_name=None
) -> str:
    """The words for a row (or column) key of a table of this kind."""
    if key in (TOTAL, UNKNOWN, COUNT, RUPIAH, "none") or kind in (
        "summary",
        "figure",
        "age_class",
        "journey",
        "money",
    ):
        return word(key, lang)
    if kind in VOCABULARIES:
        vocab = VOCABULARIES[kind]
        try:
            return vocab.label(key, lang)
        except KeyError:
            return key
    if kind == "office":
        return (offices or {}).get(key, key)
    if kind in ("province", "regency") and place_name is not None:
        return place_name(key) or key
    return key
