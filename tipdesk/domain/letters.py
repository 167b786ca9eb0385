"""The words and numbers of an Indonesian official letter (DOMAIN.md, "Official letters").

Month names, Roman months, numbers in words (``1 (satu) berkas``) and letter numbers made
from the office's pattern. Pure functions: the renderer and the numbering both use them.
"""

from __future__ import annotations

import datetime as dt
import re
import string

MONTHS = {
    "id": (
        "Januari",
        "Februari",
        "Maret",
        "April",
        "Mei",
        "Juni",
        "Juli",
        "Agustus",
        "September",
        "Oktober",
        "November",
        "Desember",
    ),
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}
# Monday first, as ``date.weekday()`` counts.
DAY_NAMES = {
    "id": ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
ROMAN_MONTHS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")

# Placeholders a number pattern may use; {number} and {year} are required, because the
# counter restarts each year and a number without its year would repeat.
PLACEHOLDERS = ("classification", "number", "unit", "month", "month_roman", "year", "office")
REQUIRED_PLACEHOLDERS = ("number", "year")

_ID_UNITS = (
    "nol",
    "satu",
    "dua",
    "tiga",
    "empat",
    "lima",
    "enam",
    "tujuh",
    "delapan",
    "sembilan",
    "sepuluh",
    "sebelas",
)
_EN_UNITS = (
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
)
_EN_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


def long_date(day: dt.date, lang: str = "id") -> str:
    """``28 November 2026`` with the month named in the letter's language."""
    return f"{day.day} {MONTHS[lang][day.month - 1]} {day.year}"


def day_name(day: dt.date, lang: str = "id") -> str:
    return DAY_NAMES[lang][day.weekday()]


def date_in_words(day: dt.date, lang: str = "id") -> str:
    """The date as a berita acara writes it: ``tanggal tujuh bulan Desember tahun dua
    ribu dua puluh enam``; in English ``7 (seven) December 2026 (two thousand and
    twenty-six)``."""
    month = MONTHS[lang][day.month - 1]
    if lang == "id":
        return f"tanggal {words_id(day.day)} bulan {month} tahun {words_id(day.year)}"
    return f"{day.day} ({words_en(day.day)}) {month} {day.year} ({words_en(day.year)})"


def roman_month(month: int) -> str:
    return ROMAN_MONTHS[month - 1]


def words_id(n: int) -> str:
    """An integer in Indonesian words (``125`` -> ``seratus dua puluh lima``)."""
    if n < 0:
        return "minus " + words_id(-n)
    if n < 12:
        return _ID_UNITS[n]
    if n < 20:
        return f"{_ID_UNITS[n - 10]} belas"
    if n < 100:
        tens, rest = divmod(n, 10)
        return f"{_ID_UNITS[tens]} puluh" + (f" {_ID_UNITS[rest]}" if rest else "")
    if n < 200:
        return "seratus" + (f" {words_id(n - 100)}" if n > 100 else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        return f"{_ID_UNITS[hundreds]} ratus" + (f" {words_id(rest)}" if rest else "")
    if n < 2000:
        return "seribu" + (f" {words_id(n - 1000)}" if n > 1000 else "")
    if n < 1_000_000:
        thousands, rest = divmod(n, 1000)
        return f"{words_id(thousands)} ribu" + (f" {words_id(rest)}" if rest else "")
    millions, rest = divmod(n, 1_000_000)
    return f"{words_id(millions)} juta" + (f" {words_id(rest)}" if rest else "")


def words_en(n: int) -> str:
    """An integer in English words (``125`` -> ``one hundred and twenty-five``)."""
    if n < 0:
        return "minus " + words_en(-n)
    if n < 20:
        return _EN_UNITS[n]
    if n < 100:
        tens, rest = divmod(n, 10)
        return _EN_TENS[tens] + (f"-{_EN_UNITS[rest]}" if rest else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        return f"{_EN_UNITS[hundreds]} hundred" + (f" and {words_en(rest)}" if rest else "")
    if n < 1_000_000:
        thousands, rest = divmod(n, 1000)
        joiner = " and " if 0 < rest < 100 else " "
        return f"{words_en(thousands)} thousand" + (f"{joiner}{words_en(rest)}" if rest else "")
    millions, rest = divmod(n, 1_000_000)
    return f"{words_en(millions)} million" + (f" {words_en(rest)}" if rest else "")


def attachments_text(count: int, lang: str = "id") -> str:
    """The Lampiran line: ``1 (satu) berkas``, ``2 (two) files``, ``-`` for none."""
    if count <= 0:
        return "-"
    if lang == "id":
        return f"{count} ({words_id(count)}) berkas"
    return f"{count} ({words_en(count)}) {'file' if count == 1 else 'files'}"


def pattern_problems(pattern: str) -> list[str]:
    """What is wrong with a number pattern, as codes: ``unknown:<name>``,
    ``missing:<name>`` or ``malformed``; empty when the pattern is usable."""
    try:
        names = [
            name
            for _text, name, spec, conv in string.Formatter().parse(pattern)
            if name is not None and not spec and not conv
        ]
        specs = [
            (name, spec, conv)
            for _t, name, spec, conv in string.Formatter().parse(pattern)
            if name is not None and (spec or conv)
        ]
    except ValueError:
        return ["malformed"]
    if specs:
        return ["malformed"]
    problems = [f"unknown:{name}" for name in dict.fromkeys(names) if name not in PLACEHOLDERS]
    problems += [f"missing:{name}" for name in REQUIRED_PLACEHOLDERS if name not in names]
    return problems


def letter_number(
    pattern: str, *, number: int, day: dt.date, classification: str, unit: str, office: str
) -> str:
    """The letter number from the office's pattern, e.g. ``400.2.4/123/UPTD-PPA/XI/2026``."""
    return pattern.format(
        classification=classification,
        number=number,
        unit=unit,
        month=f"{day.month:02d}",
        month_roman=roman_month(day.month),
        year=day.year,
        office=office,
    )


def sent_without_letter(status: str, letter_number: str) -> bool:
    """A referral past "draft" (sent, accepted, declined, completed) that names no letter:
    only issuing its letter sends a referral, so this is data made some other way."""
    return bool(status) and status != "draft" and not letter_number.strip()


_SAFE_NAME = re.compile(r"[^A-Za-z0-9.-]+")


def file_name_for(number: str) -> str:
    """A file name for a saved letter, from its number only (never the person's name)."""
    return "Surat-" + (_SAFE_NAME.sub("-", number).strip("-") or "rujukan") + ".pdf"
