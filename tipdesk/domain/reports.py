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
    "office": ("Kantor", "Office"),
    "generated": ("Dibuat", "Generated"),
}

# key -> (Indonesian title, English title, row kind, column kind)
# Row kinds: "summary", a vocabulary name, "age_group", "age_class", "office", "month",
# "province", "regency", "figure". Column kinds: "count", "sex", "exploitation", "office".
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
    "cases_per_month": (
        "Kasus baru per bulan menurut jenis eksploitasi",
        "New cases per month by type of exploitation",
        "month",
        "exploitation",
    ),
}


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
    if key in (TOTAL, UNKNOWN, COUNT, "none") or kind in ("summary", "figure", "age_class"):
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
