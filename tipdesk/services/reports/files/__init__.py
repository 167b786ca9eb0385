"""Statistics reports as files (issue 7): PDF for reading and printing, XLSX for
spreadsheets, long-format CSV for scripts; all three from one labelled report, so they
show the report's own numbers under the same words.

ReportLab and openpyxl are loaded only when a file of their kind is written.
"""

from __future__ import annotations

from pathlib import Path

from tipdesk.domain.errors import BadArgument, OutputExists, ReportFormatUnknown
from tipdesk.domain.regions import wilayah_name
from tipdesk.domain.reports import Report
from tipdesk.services.access import permissions
from tipdesk.services.reports import office_choices
from tipdesk.services.reports.files.labels import LabelledReport, labelled
from tipdesk.services.session import Session
from tipdesk.storage.files import atomic_write

FORMATS = ("pdf", "xlsx", "csv")
LANGS = ("id", "en")

__all__ = ["FORMATS", "LabelledReport", "check_output", "labelled_report", "render", "write_report"]


def check_output(out: Path, *, overwrite: bool = False) -> Path:
    """``out`` if a report may be written there: a file name in an existing folder, and
    not an existing file unless ``overwrite``."""
    out = Path(out)
    if out.is_dir():
        raise BadArgument(argument=str(out), reason="this is a folder; give a file name")
    if out.exists() and not overwrite:
        raise OutputExists(path=str(out))
    if not out.parent.is_dir():
        raise BadArgument(argument=str(out.parent), reason="the folder does not exist")
    return out


def labelled_report(session: Session, report: Report, lang: str = "id") -> LabelledReport:
    """``report`` with every label in ``lang`` (office and place names looked up)."""
    if lang not in LANGS:
        raise BadArgument(argument="--lang", reason="id or en")
    return labelled(report, lang, offices=dict(office_choices(session)), place_name=wilayah_name)


def render(session: Session, report: Report, fmt: str, *, lang: str = "id") -> bytes:
    """The bytes of the report file in ``fmt`` (pdf, xlsx or csv)."""
    permissions.require(session, "view_statistics")
    if fmt not in FORMATS:
        raise ReportFormatUnknown(format=fmt, known=", ".join(FORMATS))
    words = labelled_report(session, report, lang)
    if fmt == "csv":
        from tipdesk.services.reports.files.long_csv import render_csv

        return render_csv(words)
    if fmt == "xlsx":
        from tipdesk.services.reports.files.xlsx import render_xlsx

        return render_xlsx(words)
    from tipdesk.domain.validation import logo_bytes
    from tipdesk.services.letters import letter_settings
    from tipdesk.services.reports.files.pdf import render_pdf

    settings = letter_settings(session)
    return render_pdf(
        words, tuple(settings.letterhead), tuple(settings.address_lines), logo_bytes(settings)
    )


def write_report(
    session: Session,
    report: Report,
    out: Path,
    fmt: str,
    *,
    lang: str = "id",
    overwrite: bool = False,
) -> Path:
    """Write ``report`` to ``out`` as ``fmt`` (a temporary name, then renamed). Refuses an
    existing file unless ``overwrite`` (say, once a save dialog has asked)."""
    out = check_output(out, overwrite=overwrite)
    atomic_write(out, render(session, report, fmt, lang=lang))
    return out
