"""Working days of an Indonesian government office: Monday to Friday, less the national
public holidays and collective leave (cuti bersama) that a joint decree of three
ministers (SKB 3 Menteri) sets each year (DOMAIN.md, "Working days").

The dates are data (``NATIONAL_DAYS_OFF``), never logic; a ``WorkCalendar`` takes an
office's own local days off on top (``extra``), which is where an admin's edits come in
once the register keeps them as a setting.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

_D = dt.date

# Days off that fall on a weekday or a weekend alike (a weekend one changes nothing but
# is kept so the list reads like the decree). Sources:
# - 2025: SKB No. 1017/2024, 2/2024, 2/2024, as amended by SKB No. 933/2025, 1/2025,
#   3/2025 (cuti bersama 18 August 2025 added).
# - 2026: SKB No. 1497/2025, 2/2025, 5/2025 (17 holidays, 8 days of cuti bersama).
# - 2027: no decree was known when this list was made: only the holidays fixed by date in
#   law (New Year, Labour Day, Pancasila Day, Independence Day, Christmas). Add the
#   movable holidays and cuti bersama of 2027 here when the SKB is published.
NATIONAL_DAYS_OFF: dict[int, tuple[dt.date, ...]] = {
    2025: (
        _D(2025, 1, 1),  # Tahun Baru Masehi
        _D(2025, 1, 27),  # Isra Mikraj
        _D(2025, 1, 28),  # cuti bersama Imlek
        _D(2025, 1, 29),  # Tahun Baru Imlek
        _D(2025, 3, 28),  # cuti bersama Nyepi
        _D(2025, 3, 29),  # Nyepi
        _D(2025, 3, 31),  # Idul Fitri
        _D(2025, 4, 1),  # Idul Fitri
        _D(2025, 4, 2),  # cuti bersama Idul Fitri
        _D(2025, 4, 3),  # cuti bersama Idul Fitri
        _D(2025, 4, 4),  # cuti bersama Idul Fitri
        _D(2025, 4, 7),  # cuti bersama Idul Fitri
        _D(2025, 4, 18),  # Wafat Isa Almasih
        _D(2025, 4, 20),  # Paskah
        _D(2025, 5, 1),  # Hari Buruh
        _D(2025, 5, 12),  # Waisak
        _D(2025, 5, 13),  # cuti bersama Waisak
        _D(2025, 5, 29),  # Kenaikan Isa Almasih
        _D(2025, 5, 30),  # cuti bersama Kenaikan
        _D(2025, 6, 1),  # Hari Lahir Pancasila
        _D(2025, 6, 6),  # Idul Adha
        _D(2025, 6, 9),  # cuti bersama Idul Adha
        _D(2025, 6, 27),  # Tahun Baru Islam
        _D(2025, 8, 17),  # Proklamasi Kemerdekaan
        _D(2025, 8, 18),  # cuti bersama Kemerdekaan (amending SKB)
        _D(2025, 9, 5),  # Maulid Nabi
        _D(2025, 12, 25),  # Natal
        _D(2025, 12, 26),  # cuti bersama Natal
    ),
    2026: (
        _D(2026, 1, 1),  # Tahun Baru Masehi
        _D(2026, 1, 16),  # Isra Mikraj
        _D(2026, 2, 16),  # cuti bersama Imlek
        _D(2026, 2, 17),  # Tahun Baru Imlek
        _D(2026, 3, 18),  # cuti bersama Nyepi
        _D(2026, 3, 19),  # Nyepi
        _D(2026, 3, 20),  # cuti bersama Idul Fitri
        _D(2026, 3, 21),  # Idul Fitri
        _D(2026, 3, 22),  # Idul Fitri
        _D(2026, 3, 23),  # cuti bersama Idul Fitri
        _D(2026, 3, 24),  # cuti bersama Idul Fitri
        _D(2026, 4, 3),  # Wafat Isa Almasih
        _D(2026, 4, 5),  # Paskah
        _D(2026, 5, 1),  # Hari Buruh
        _D(2026, 5, 14),  # Kenaikan Isa Almasih
        _D(2026, 5, 15),  # cuti bersama Kenaikan
        _D(2026, 5, 27),  # Idul Adha
        _D(2026, 5, 28),  # cuti bersama Idul Adha
        _D(2026, 5, 31),  # Waisak
        _D(2026, 6, 1),  # Hari Lahir Pancasila
        _D(2026, 6, 16),  # Tahun Baru Islam
        _D(2026, 8, 17),  # Proklamasi Kemerdekaan
        _D(2026, 8, 25),  # Maulid Nabi
        _D(2026, 12, 24),  # cuti bersama Natal
        _D(2026, 12, 25),  # Natal
    ),
    2027: (
        _D(2027, 1, 1),  # Tahun Baru Masehi
        _D(2027, 5, 1),  # Hari Buruh
        _D(2027, 6, 1),  # Hari Lahir Pancasila
        _D(2027, 8, 17),  # Proklamasi Kemerdekaan
        _D(2027, 12, 25),  # Natal
    ),
}


@dataclass(frozen=True)
class WorkCalendar:
    """Which days an office works. ``extra``: the office's own days off (a regional
    holiday, an office closure), on top of the national list."""

    extra: frozenset[dt.date] = field(default_factory=frozenset)
    national: dict[int, tuple[dt.date, ...]] = field(default_factory=lambda: NATIONAL_DAYS_OFF)

    @classmethod
    def with_local_days(cls, days: Iterable[dt.date]) -> WorkCalendar:
        return cls(extra=frozenset(days))

    def is_working_day(self, day: dt.date) -> bool:
        if day.weekday() >= 5:
            return False
        return day not in self.extra and day not in self.national.get(day.year, ())

    def add(self, start: dt.date, days: int) -> dt.date:
        """The day ``days`` working days after ``start`` (before it, if negative): from
        Friday, 1 working day is the next Monday. ``start`` itself need not be one."""
        step = 1 if days >= 0 else -1
        day, left = start, abs(days)
        while left:
            day += dt.timedelta(days=step)
            if self.is_working_day(day):
                left -= 1
        return day

    def count(self, start: dt.date, end: dt.date) -> int:
        """Working days after ``start`` up to and including ``end`` (negative when ``end``
        comes first): ``add(start, count(start, end))`` is ``end`` when it is a working day."""
        if end < start:
            return -self.count(end, start)
        return sum(
            1
            for offset in range(1, (end - start).days + 1)
            if self.is_working_day(start + dt.timedelta(days=offset))
        )

    def latest_start(self, due_after: int, today: dt.date) -> dt.date:
        """The last day from which ``due_after`` working days have been reached by
        ``today``: a thing started on or before it is due (``add(start, n) <= today``)."""
        day = today
        # Walk back until add(day, n) <= today holds; add() is monotone in ``day``.
        while self.add(day, due_after) > today:
            day -= dt.timedelta(days=1)
        return day


NATIONAL = WorkCalendar()
