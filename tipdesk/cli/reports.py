"""Figures: ``report`` (PDF, XLSX or CSV of a period), ``stats-export`` (anonymised CSV)."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from tipdesk.cli.common import EXIT_OK, add_command, lang, open_register, say
from tipdesk.domain.errors import BadArgument


def add_parsers(subparsers: argparse._SubParsersAction) -> None:
    p = add_command(
        subparsers,
        "report",
        cmd_report,
        "write the statistics report of a period as PDF, XLSX or CSV",
    )
    p.add_argument(
        "--from",
        dest="date_from",
        required=True,
        metavar="YYYY-MM-DD",
        help="first day of the period",
    )
    p.add_argument(
        "--to", dest="date_to", required=True, metavar="YYYY-MM-DD", help="last day of the period"
    )
    p.add_argument(
        "--office", metavar="CODE", help="province: only the cases of this district office"
    )
    p.add_argument(
        "--format",
        choices=("pdf", "xlsx", "csv"),
        help="file format (default: from the --out file name)",
    )
    p.add_argument("--out", required=True, metavar="FILE", help="a new file")
    p.add_argument(
        "--lang",
        choices=("id", "en"),
        help="language of the report (default: TIPDESK_LANG, else Indonesian)",
    )

    p = add_command(
        subparsers,
        "stats-export",
        cmd_stats_export,
        "write the anonymised, k-anonymous statistical export (CSV)",
    )
    p.add_argument("--out", required=True, metavar="FILE.csv", help="a new file")
    p.add_argument(
        "--k",
        type=int,
        metavar="K",
        help="smallest group of alike records that may be shown (default 11)",
    )


def cmd_report(args: argparse.Namespace) -> int:
    """``tipdesk report demo-register --from 2026-01-01 --to 2026-06-30 --out h1.pdf``"""
    from tipdesk.domain.errors import ReportFormatUnknown
    from tipdesk.services.reports import build_report
    from tipdesk.services.reports.files import FORMATS, write_report

    start, end = _day(args.date_from, "--from"), _day(args.date_to, "--to")
    if end < start:
        raise BadArgument(
            argument="--to", reason=say("cli_period_ends_before_it_starts", start=start, end=end)
        )
    out = _new_file(args.out)
    fmt = args.format or out.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise ReportFormatUnknown(format=fmt or out.name, known=", ".join(FORMATS))
    with open_register(args) as session:
        report = build_report(session, start, end, office_code=args.office or "")
        path = write_report(session, report, out, fmt, lang=args.lang or lang())
    print(say("cli_report_written", path=path))
    return EXIT_OK


def _day(text: str, argument: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise BadArgument(argument=argument, reason=say("cli_not_a_date", text=text)) from None


def _new_file(path: str) -> Path:
    """``--out``: a file that does not exist yet, in a folder that does."""
    from tipdesk.domain.errors import OutputExists

    out = Path(path)
    if out.is_dir():
        raise BadArgument(argument="--out", reason=say("cli_out_is_a_folder"))
    if out.exists():
        raise OutputExists(path=str(out))
    if not out.parent.is_dir():
        raise BadArgument(argument="--out", reason=say("cli_folder_missing", folder=out.parent))
    return out


def cmd_stats_export(args: argparse.Namespace) -> int:
    """``tipdesk stats-export ntt-register --out stats.csv [--k 11]``"""
    from tipdesk.services.reports.stats_export import DEFAULT_K, export_stats

    if args.k is not None and args.k < 2:
        raise BadArgument(argument="--k", reason=say("cli_k_too_small"))
    out = _new_file(args.out)
    with open_register(args) as session:
        result = export_stats(session, out, k=DEFAULT_K if args.k is None else args.k)
    print(say("cli_stats_export_written", path=result.path))
    print(say("cli_stats_exported", count=result.exported, k=result.k))
    print(say("cli_stats_generalised", count=result.generalised))
    print(say("cli_stats_suppressed", count=result.suppressed))
    print(say("cli_stats_without_consent", count=result.without_consent))
    return EXIT_OK
