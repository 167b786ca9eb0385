"""Dates as a person reads them: day/month/year (``07/12/2026``) in both languages.

Storage stays ISO (``2026-12-07``); only what is shown and typed changes. Lists, forms,
Reports, History/audit and Home all format through these functions, and every date edit
and calendar is set up by ``setup_date_edit`` / ``setup_calendar`` so the popup speaks the
app's language (month and day names come from ``QLocale``, not from translations).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QCalendarWidget, QDateEdit

from tipdesk.ui.i18n import current_language

DATE_FORMAT = "%d/%m/%Y"  # day first, four-digit year: how Indonesian forms write dates
QT_DATE_FORMAT = "dd/MM/yyyy"  # the same, for QDateEdit
TIME_FORMAT = "%H:%M"


def ui_locale() -> QLocale:
    """The locale of the app's language (month names, ``1.234`` / ``1,234``)."""
    if current_language() == "id":
        return QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia)
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


def format_date(day: dt.date | None) -> str:
    """``07/12/2026``; "" for no date."""
    if day is None:
        return ""
    if isinstance(day, dt.datetime):
        day = day.date()
    return day.strftime(DATE_FORMAT)


def format_datetime(moment: dt.datetime | None) -> str:
    """A moment in local time: ``07/12/2026 14:05``; naive times are taken as UTC."""
    if moment is None:
        return ""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone().strftime(f"{DATE_FORMAT} {TIME_FORMAT}")


def format_timestamp(stamp: str) -> str:
    """A stored UTC time (``2026-11-28T03:04:05.123Z``) as local date and time."""
    try:
        moment = dt.datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return stamp
    return format_datetime(moment)


def format_iso(text: str) -> str:
    """An ISO date or time kept as text (``2026-12-07``) in the shown format; other text
    is given back unchanged."""
    try:
        if len(text) == 10:
            return format_date(dt.date.fromisoformat(text))
        if len(text) > 10 and text[4] == "-" and text[10] in "T ":
            return format_timestamp(text)
    except (ValueError, IndexError):
        pass
    return text


def setup_calendar(calendar: QCalendarWidget) -> QCalendarWidget:
    """Month and day names in the app's language, weeks from Monday, no week numbers."""
    calendar.setLocale(ui_locale())
    calendar.setFirstDayOfWeek(ui_locale().firstDayOfWeek())
    calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
    calendar.setGridVisible(True)
    return calendar


def setup_date_edit(edit: QDateEdit) -> QDateEdit:
    """dd/MM/yyyy with a calendar popup in the app's language."""
    edit.setLocale(ui_locale())
    edit.setDisplayFormat(QT_DATE_FORMAT)
    edit.setCalendarPopup(True)
    calendar = edit.calendarWidget()
    if calendar is None:
        calendar = QCalendarWidget(edit)
        edit.setCalendarWidget(calendar)
    setup_calendar(calendar)
    return edit
