"""Statistics for a period and office (issue 7): the figures offices report upward.

All counting happens in SQL over the cases handled in the period (storage/reports.py);
this module only arranges the counts into tables with stable keys (domain/reports.py),
which the screen, the PDF, the XLSX and the CSV all print, so they show the same numbers.

The package: this module makes the figures; ``files`` writes them as PDF, XLSX or CSV;
``stats_export`` writes the anonymised one-row-per-case export.
"""

from __future__ import annotations

import datetime as dt

from tipdesk.domain import reports as d
from tipdesk.domain.errors import BadArgument, NotFound
from tipdesk.domain.vocab import VOCABULARIES
from tipdesk.services.access import permissions
from tipdesk.services.casework import listing
from tipdesk.services.session import Session, utc_now
from tipdesk.storage import reports as store

_VOCAB_COLUMNS = {"sex": "sex", "exploitation": "exploitation"}


def _period(session: Session, start: dt.date, end: dt.date, office_code: str) -> store.Period:
    if end < start:
        raise BadArgument(argument="--to", reason="the period ends before it starts")
    origin = ""
    if office_code:
        ids = store.office_ids(session.db)
        if office_code not in ids:
            raise NotFound(what="office", key=office_code)
        origin = ids[office_code]
    as_of = min(end, session.today())
    return store.Period(start.isoformat(), end.isoformat(), as_of.isoformat(), origin)


def _ordered(kind: str, keys: set[str]) -> list[str]:
    """Row or column keys in a reader's order: a vocabulary's own order, age groups by
    age, months and places by code; "unknown" and "none" last."""
    tail = [k for k in ("none", d.UNKNOWN) if k in keys]
    rest = keys - set(tail)
    if kind in VOCABULARIES:
        codes = VOCABULARIES[kind].codes()
        known = [c for c in codes if c in rest]
        return known + sorted(rest - set(known)) + tail
    if kind == "age_group":
        return [k for k, _, _ in d.AGE_GROUPS if k in rest] + tail
    if kind == "age_class":
        return [k for k in ("child", "adult") if k in rest] + tail
    return sorted(rest) + tail


def _table(key: str, counts: list[tuple[str, str, int]]) -> d.ReportTable:
    """A breakdown's (row, column, count) triples as a table with a total column and,
    for one-column tables, no total row (a case may count in several rows)."""
    _, _, row_kind, column_kind = d.TABLES[key]
    cells = {(row, col): n for row, col, n in counts}
    rows = _ordered(row_kind, {row for row, _ in cells})
    if column_kind == "count":
        return d.ReportTable(
            key,
            (d.COUNT,),
            tuple(d.ReportRow(row, (cells.get((row, d.COUNT), 0),)) for row in rows),
        )
    vocab = _VOCAB_COLUMNS.get(column_kind, column_kind)
    columns = _ordered(vocab, {col for _, col in cells})
    if column_kind == "sex":  # both sexes always shown, so tables line up month to month
        columns = [c for c in VOCABULARIES["sex"].codes()] + [
            c for c in columns if c not in VOCABULARIES["sex"].codes()
        ]
    values = [
        (
            *(cells.get((row, c), 0) for c in columns),
            sum(cells.get((row, c), 0) for c in columns),
        )
        for row in rows
    ]
    out = [d.ReportRow(row, v) for row, v in zip(rows, values, strict=True)]
    totals = [sum(v[i] for v in values) for i in range(len(columns) + 1)]
    out.append(d.ReportRow(d.TOTAL, tuple(totals)))
    return d.ReportTable(key, (*columns, d.TOTAL), tuple(out))


def _journey_tables(figures: dict[str, tuple[int, int]]) -> dict[str, d.ReportTable]:
    """The criminal case, restitution (count and rupiah) and LPSK and return tables."""
    out = {}
    for key, rows in d.JOURNEY_ROWS.items():
        money = d.TABLES[key][3] == "money"
        out[key] = d.ReportTable(
            key,
            (d.COUNT, d.RUPIAH) if money else (d.COUNT,),
            tuple(d.ReportRow(row, figures[row] if money else (figures[row][0],)) for row in rows),
        )
    return out


def build_report(
    session: Session, start: dt.date, end: dt.date, *, office_code: str = ""
) -> d.Report:
    """Every table of the report for the period (and office: in a province, one
    district; "" for the whole register, with a row per office)."""
    permissions.require(session, "view_statistics")
    period = _period(session, start, end, office_code)
    tables: dict[str, d.ReportTable] = {}
    db = session.db
    with db.atomic(), store.report_cases(db, period):  # one snapshot for every figure
        summary = store.summary(db, period)
        tables["summary"] = d.ReportTable(
            "summary", (d.COUNT,), tuple(d.ReportRow(k, (summary[k],)) for k in d.SUMMARY_ROWS)
        )
        if session.office.level == "province" and not office_code:
            offices = store.by_office(db, period)
            columns = ("new_cases", "handled", "open_at_end", "closed")
            rows = [d.ReportRow(row[0], tuple(row[1:])) for row in offices]
            rows.append(
                d.ReportRow(
                    d.TOTAL,
                    tuple(sum(row[i] for row in offices) for i in range(1, len(columns) + 1)),
                )
            )
            tables["by_office"] = d.ReportTable("by_office", columns, tuple(rows))
        counted = store.case_breakdowns(db, period) | store.service_counts(db)
        for key in store.BREAKDOWNS:
            if key != "victims_by_incident":
                found = counted[key] if key in counted else store.breakdown(db, key, period)
                tables[key] = _table(key, found)
        tables.update(_journey_tables(store.journey(db)))
        victims = store.breakdown(db, "victims_by_incident", period)
        tables["victims_by_incident"] = d.ReportTable(
            "victims_by_incident",
            (d.COUNT,),
            (
                *(d.ReportRow(number, (n,)) for number, _, n in victims),
                d.ReportRow(d.TOTAL, (sum(n for _, _, n in victims),)),
            ),
        )
        answered, median = store.reply_days(db, period)
        tables["referral_reply"] = d.ReportTable(
            "referral_reply",
            (d.COUNT,),
            (
                d.ReportRow("replied", (answered,)),
                d.ReportRow(
                    "median_reply_days", (round(median, 1) if median is not None else None,)
                ),
            ),
        )
    order = list(d.TABLES)
    return d.Report(
        office_code=session.office.code,
        office_name=session.office.name,
        level=session.office.level,
        scope=office_code,
        period_from=start,
        period_to=end,
        generated_at=utc_now(),
        tables={k: tables[k] for k in order if k in tables},
    )


def cases_behind(
    session: Session,
    start: dt.date,
    end: dt.date,
    table: str,
    row: str,
    column: str = d.COUNT,
    *,
    office_code: str = "",
    limit: int = 1000,
) -> list[listing.CaseRow]:
    """The cases one figure counts, as list rows the user may see (de-identified for an
    analyst; a case worker cannot open reports)."""
    permissions.require(session, "view_statistics")
    period = _period(session, start, end, office_code)
    db = session.db
    with db.atomic(), store.report_cases(db, period):
        if table == "summary":
            if row not in store.SUMMARY_FIGURES:
                raise NotFound(what="figure", key=row)
            rids = store.summary_case_rids(db, row, period, limit=limit)
        elif table == "by_office":
            figure = column if column in store.SUMMARY_FIGURES else "handled"
            rids = store.summary_case_rids(
                db, figure, period, office_code="" if row == d.TOTAL else row, limit=limit
            )
        elif table in d.JOURNEY_ROWS:
            if row not in d.JOURNEY_ROWS[table]:
                raise NotFound(what="figure", key=row)
            rids = store.journey_case_rids(db, row, limit=limit)
        elif table in store.BREAKDOWNS:
            rids = store.cell_case_rids(db, table, period, row, column, limit=limit)
        else:
            raise NotFound(what="figure", key=table)
    return listing.rows_of(session, rids)


def office_choices(session: Session) -> list[tuple[str, str]]:
    """(code, name) of the offices a report can be limited to."""
    permissions.require(session, "view_statistics")
    names = store.office_names(session.db)
    return sorted(names.items())
