"""A statistics report in words: every title, row and column label in one language.

The PDF, XLSX and CSV writers print a :class:`LabelledReport`, so all three say the same
thing under the same words; the numbers are the report's own, untouched.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from tipdesk.domain import reports as d
from tipdesk.domain.letters import MONTHS, long_date

Number = float | int | None

TEXT = {
    "id": {
        "title": "Laporan statistik TPPO",
        "office": "Kantor",
        "scope": "Lingkup",
        "all_offices": "Semua kantor",
        "period": "Periode",
        "generated": "Dibuat",
        "at": "pukul",
        "from": "Dari tanggal",
        "to": "Sampai tanggal",
        "page": "Halaman {n} dari {total}",
        "no_data": "Tidak ada data pada periode ini.",
        "figure": "Gambar {n}. {title}",
        "sheet": "Lembar",
        "table": "Tabel",
        "notes": "Catatan",
        "years": "{key} tahun",
        "multi": "Satu kasus dapat tercatat pada lebih dari satu jenis, sehingga jumlahnya "
        "dapat melebihi jumlah kasus.",
        "confidential": "Angka agregat. Angka yang kecil dapat mengungkap identitas korban; "
        "jangan sebarkan laporan ini di luar instansi yang berwenang.",
    },
    "en": {
        "title": "Statistical report (trafficking in persons)",
        "office": "Office",
        "scope": "Scope",
        "all_offices": "All offices",
        "period": "Period",
        "generated": "Generated",
        "at": "at",
        "from": "From",
        "to": "To",
        "page": "Page {n} of {total}",
        "no_data": "No data in this period.",
        "figure": "Figure {n}. {title}",
        "sheet": "Sheet",
        "table": "Table",
        "notes": "Notes",
        "years": "{key} years",
        "multi": "A case may count under more than one type, so the figures may add up to "
        "more than the number of cases.",
        "confidential": "Aggregate figures. Small numbers can reveal who a victim is; do not "
        "share this report outside the competent authorities.",
    },
}

# Tables in which a case counts once per value of a multi-valued field.
MULTI_VALUED = ("exploitation", "means_of_control", "cases_per_month")

# The heading over the row labels, by row kind.
ROW_HEADINGS: dict[str, tuple[str, str]] = {
    "summary": ("Uraian", "Item"),
    "figure": ("Uraian", "Item"),
    "office": ("Kantor", "Office"),
    "age_group": ("Kelompok umur", "Age group"),
    "age_class": ("Anak atau dewasa", "Child or adult"),
    "exploitation": ("Jenis eksploitasi", "Type of exploitation"),
    "labour_sector": ("Sektor kerja", "Labour sector"),
    "means_of_control": ("Cara pengendalian", "Means of control"),
    "recruitment_method": ("Cara perekrutan", "Recruitment method"),
    "recruiter_relationship": ("Hubungan dengan perekrut", "Relationship to the recruiter"),
    "country": ("Negara", "Country"),
    "province": ("Provinsi", "Province"),
    "regency": ("Kabupaten/kota", "Regency or city"),
    "service_type": ("Jenis layanan", "Service type"),
    "provider_type": ("Jenis penyedia", "Type of provider"),
    "referral_status": ("Status rujukan", "Referral status"),
    "month": ("Bulan", "Month"),
    "journey": ("Uraian", "Item"),
    "incident": ("Nomor kejadian", "Incident number"),
}

# Worksheet names: at most 31 characters, none of []:*?/\ , unique per language.
SHEET_NAMES: dict[str, tuple[str, str]] = {
    "summary": ("Ringkasan", "Summary"),
    "by_office": ("Per kantor", "By office"),
    "sex_age": ("Jenis kelamin dan umur", "Sex and age group"),
    "sex_child": ("Anak dan dewasa", "Children and adults"),
    "exploitation": ("Jenis eksploitasi", "Type of exploitation"),
    "labour_sector": ("Sektor kerja", "Labour sector"),
    "means_of_control": ("Cara pengendalian", "Means of control"),
    "recruitment_method": ("Cara perekrutan", "Recruitment method"),
    "recruiter_relationship": ("Hubungan dengan perekrut", "Relationship to recruiter"),
    "destination_country": ("Negara tujuan", "Country of exploitation"),
    "origin_province": ("Provinsi asal", "Province of origin"),
    "origin_regency": ("Kabupaten-kota asal", "Regency or city of origin"),
    "services_by_type": ("Layanan per jenis", "Services by type"),
    "services_by_provider": ("Layanan per jenis penyedia", "Services by provider type"),
    "referrals_by_status": ("Rujukan per status", "Referrals by status"),
    "referral_reply": ("Waktu jawaban rujukan", "Time to a referral reply"),
    "legal_process": ("Proses pidana", "Criminal case"),
    "restitution": ("Restitusi", "Restitution"),
    "protection_return": ("LPSK dan pemulangan", "LPSK and return home"),
    "victims_by_incident": ("Korban per kejadian", "Victims per incident"),
    "cases_per_month": ("Kasus per bulan", "Cases per month"),
}
INFO_SHEET = "Info"
_SHEET_FORBIDDEN = str.maketrans({c: "-" for c in "[]:*?/\\"})
# Indonesian time zones by UTC offset in hours.
_ZONES = {7: "WIB", 8: "WITA", 9: "WIT"}


@dataclass(frozen=True)
class LabelledRow:
    key: str
    label: str
    values: tuple[Number, ...]


@dataclass(frozen=True)
class LabelledTable:
    key: str
    title: str
    sheet: str  # worksheet name
    row_heading: str
    columns: tuple[str, ...]  # keys, as in the report
    column_labels: tuple[str, ...]
    rows: tuple[LabelledRow, ...]
    note: str = ""


@dataclass(frozen=True)
class LabelledReport:
    lang: str
    title: str
    office: str
    period: str
    generated: str
    period_from: dt.date
    period_to: dt.date
    info: tuple[tuple[str, str], ...]  # (label, value) lines under the title
    tables: tuple[LabelledTable, ...]
    text: dict[str, str]


def labelled(
    report: d.Report, lang: str, *, offices: dict[str, str], place_name: Callable[[str], str | None]
) -> LabelledReport:
    """``report`` with its labels in ``lang``; ``offices`` maps office codes to names,
    ``place_name`` a Kemendagri code to a province or regency name."""
    t = TEXT[lang]
    office = f"{report.office_name} ({report.office_code})"
    period = period_text(report.period_from, report.period_to, lang)
    generated = generated_text(report.generated_at, lang)
    info = [(t["office"], office)]
    if report.scope:
        info.append((t["scope"], f"{offices.get(report.scope, report.scope)} ({report.scope})"))
    elif report.level == "province":
        info.append((t["scope"], t["all_offices"]))
    info += [(t["period"], period), (t["generated"], generated)]
    tables = tuple(_table(table, lang, offices, place_name) for table in report.tables.values())
    return LabelledReport(
        lang,
        t["title"],
        office,
        period,
        generated,
        report.period_from,
        report.period_to,
        tuple(info),
        tables,
        t,
    )


def _table(
    table: d.ReportTable,
    lang: str,
    offices: dict[str, str],
    place_name: Callable[[str], str | None],
) -> LabelledTable:
    row_kind, column_kind = table.row_kind, table.column_kind
    rows = tuple(
        LabelledRow(
            row.key,
            label(row_kind, row.key, lang, offices=offices, place_name=place_name),
            row.values,
        )
        for row in table.rows
    )
    heading = ROW_HEADINGS.get(row_kind, (row_kind, row_kind))
    return LabelledTable(
        key=table.key,
        title=d.table_title(table.key, lang),
        sheet=sheet_name(table.key, lang),
        row_heading=heading[0] if lang == "id" else heading[1],
        columns=table.columns,
        column_labels=tuple(label(column_kind, c, lang, offices=offices) for c in table.columns),
        rows=rows,
        note=TEXT[lang]["multi"] if table.key in MULTI_VALUED else d.table_note(table.key, lang),
    )


def label(
    kind: str,
    key: str,
    lang: str,
    *,
    offices: dict[str, str] | None = None,
    place_name: Callable[[str], str | None] | None = None,
) -> str:
    """:func:`tipdesk.domain.reports.row_label`, with months and age groups in words."""
    if key in (d.TOTAL, d.UNKNOWN, d.COUNT, d.RUPIAH, "none"):
        return d.word(key, lang)
    if kind == "month":
        return month_label(key, lang)
    if kind == "age_group":
        return TEXT[lang]["years"].format(key=key.replace("-", "\u2013"))
    if kind == "office" and key == "?":
        return d.word(d.UNKNOWN, lang)
    return d.row_label(kind, key, lang, offices=offices, place_name=place_name)


def month_label(key: str, lang: str, *, short: bool = False) -> str:
    """``2026-11`` -> ``November 2026`` (``Nov 26`` when short)."""
    try:
        year, month = int(key[:4]), int(key[5:7])
        name = MONTHS[lang][month - 1]
    except (ValueError, IndexError):
        return key
    if short:
        return f"{name[:3]} {year % 100:02d}"
    return f"{name} {year}"


def sheet_name(key: str, lang: str) -> str:
    pair = SHEET_NAMES.get(key)
    name = (pair[0] if lang == "id" else pair[1]) if pair else d.table_title(key, lang)
    return name.translate(_SHEET_FORBIDDEN)[:31]


def period_text(start: dt.date, end: dt.date, lang: str) -> str:
    """``1 November 2026 – 30 November 2026``."""
    return f"{long_date(start, lang)} \u2013 {long_date(end, lang)}"


def generated_text(iso_utc: str, lang: str) -> str:
    """The report's UTC time as local time: ``1 Desember 2026 pukul 05.19 WITA``."""
    try:
        when = dt.datetime.fromisoformat(iso_utc.replace("Z", "+00:00")).astimezone()
    except ValueError:
        return iso_utc
    offset = when.utcoffset() or dt.timedelta()
    hours, rest = divmod(int(offset.total_seconds()) // 60, 60)
    zone = _ZONES.get(hours) if not rest else None
    if zone is None:
        sign = "+" if offset >= dt.timedelta() else "-"
        minutes = abs(int(offset.total_seconds())) // 60
        zone = "UTC" if not minutes else f"UTC{sign}{minutes // 60:02d}:{minutes % 60:02d}"
    day = long_date(when.date(), lang)
    if lang == "id":
        return f"{day} {TEXT[lang]['at']} {when:%H.%M} {zone}"
    return f"{day}, {when:%H:%M} {zone}"


def number_text(value: Number, lang: str) -> str:
    """``12.345`` and ``5,5`` in Indonesian, ``12,345`` and ``5.5`` in English."""
    if value is None:
        return "\u2013"
    text = f"{value:,.1f}" if isinstance(value, float) else f"{value:,}"
    if lang == "id":
        text = text.translate(str.maketrans(",.", ".,"))
    return text
