"""The reads behind Home's deadlines (services/casework/deadlines.py says what each rule
means). Each rule is one query that walks an index in the order of its due date and
stops after ``limit`` hits, so its cost follows what it finds, not the register's size;
each hit is ``(case_id, due, record_id)``, due as ISO text (the date the rule starts
from: the service adds its allowance). Only live records of live cases whose status is
one of ``statuses`` count; ``owner`` limits them to one worker's cases, as the lists do.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlite_utils import Database

# The steps of a criminal case while it is with the police or the prosecutor, before the
# indictment; and the steps at or after it, or that end it (SP3).
BEFORE_INDICTMENT = (
    "police_report",
    "investigation",
    "suspect_named",
    "file_returned",
    "file_complete",
    "handed_to_prosecutor",
)
FROM_INDICTMENT = (
    "indictment",
    "demand",
    "verdict",
    "appeal",
    "cassation",
    "final",
    "execution",
    "investigation_stopped",
)

Hit = tuple[str, str, str]


def _in(values: Sequence[str]) -> str:
    return ", ".join("?" * len(values))


def _case_scope(statuses: Sequence[str], owner: tuple[str, str]) -> tuple[str, list[Any]]:
    """Conditions on the joined case ``c``: live, of these statuses, the owner's."""
    # "+": tested on the row the rule's walk reaches, never the index the walk takes.
    sql = f"c.deleted = 0 AND +c.status IN ({_in(statuses)})"
    params: list[Any] = list(statuses)
    if owner[0]:
        # Tested on the case row the walk reads anyway: a set of the worker's cases would
        # read each of them first (a busy worker of a province has thousands).
        sql += " AND (+c.assigned_to = ? OR +c.created_by = ?) AND +c.origin = ?"
        params += [owner[0], owner[0], owner[1]]
    return sql, params


def _hits(db: Database, sql: str, params: list[Any]) -> list[Hit]:
    return [(row[0], row[1], row[2]) for row in db.execute(sql, params)]


def risk_responses_overdue(
    db: Database,
    *,
    since: str,
    today: str,
    statuses: Sequence[str],
    owner: tuple[str, str],
    limit: int,
) -> list[Hit]:
    """Assessments whose ``respond_by`` is from ``since`` to before ``today`` (a bounded
    walk: every case has a triage, and nearly all are answered) with nothing recorded since:
    no later assessment of the case (by date, then the order recorded), no service of it
    started on or after the assessment's day, no note of it dated after that day."""
    scope, params = _case_scope(statuses, owner)
    sql = f"""
        SELECT a.case_id, a.respond_by, a.id
        FROM assessments a CROSS JOIN cases c ON c.id = a.case_id
        WHERE a.respond_by >= ? AND a.respond_by < ? AND a.deleted = 0 AND {scope}
          AND NOT EXISTS (SELECT 1 FROM assessments b WHERE b.case_id = a.case_id
                AND b.deleted = 0 AND (b.assessed_on > a.assessed_on
                    OR (b.assessed_on = a.assessed_on AND b.rowid > a.rowid)))
          AND NOT EXISTS (SELECT 1 FROM services s WHERE s.case_id = a.case_id
                AND s.deleted = 0 AND s.started_on >= a.assessed_on)
          AND NOT EXISTS (SELECT 1 FROM case_notes n WHERE n.case_id = a.case_id
                AND n.deleted = 0 AND n.noted_on > a.assessed_on)
        ORDER BY a.respond_by, a.rowid LIMIT ?"""
    return _hits(db, sql, [since, today, *params, limit])


def cases_without_assessment(
    db: Database,
    *,
    opened_by: str,
    kind: str,
    statuses: Sequence[str],
    owner: tuple[str, str],
    limit: int,
) -> list[Hit]:
    """Open cases opened on or before ``opened_by`` with no live assessment of ``kind``,
    the first opened first; due is the opening date (record id: the case's)."""
    scope, params = _case_scope(statuses, owner)
    sql = f"""
        SELECT c.id, c.opened_on, c.id FROM cases c
        WHERE c.closed_on IS NULL AND c.opened_on <= ? AND {scope}
          AND NOT EXISTS (SELECT 1 FROM assessments b WHERE b.case_id = c.id
                AND b.deleted = 0 AND b.kind = ?)
        ORDER BY c.opened_on, c.rid LIMIT ?"""
    return _hits(db, sql, [opened_by, *params, kind, limit])


def plan_reviews_due(
    db: Database,
    *,
    today: str,
    goal_statuses: Sequence[str],
    statuses: Sequence[str],
    owner: tuple[str, str],
    limit: int,
) -> list[Hit]:
    """Per case, its plan goal with the earliest review date on or before ``today``
    among goals still of ``goal_statuses``."""
    scope, params = _case_scope(statuses, owner)
    marks = _in(goal_statuses)
    sql = f"""
        SELECT g.case_id, g.review_on, g.id
        FROM plan_goals g CROSS JOIN cases c ON c.id = g.case_id
        WHERE g.review_on IS NOT NULL AND g.review_on <= ? AND g.deleted = 0
          AND g.status IN ({marks}) AND {scope}
          AND NOT EXISTS (SELECT 1 FROM plan_goals h WHERE h.case_id = g.case_id
                AND h.deleted = 0 AND h.status IN ({marks}) AND h.review_on IS NOT NULL
                AND (h.review_on < g.review_on
                    OR (h.review_on = g.review_on AND h.rowid < g.rowid)))
        ORDER BY g.review_on, g.rowid LIMIT ?"""
    return _hits(db, sql, [today, *goal_statuses, *params, *goal_statuses, limit])


def restitution_not_requested(
    db: Database, *, today: str, statuses: Sequence[str], owner: tuple[str, str], limit: int
) -> list[Hit]:
    """Cases with a step before the indictment (``BEFORE_INDICTMENT``), none from it on
    (``FROM_INDICTMENT``), and no restitution request: no restitution record with a
    request date, no step marked "restitution requested". Due is the first such step's
    date. One walk of legal_steps_kind per kind, merged by date."""
    scope, params = _case_scope(statuses, owner)
    before, after = _in(BEFORE_INDICTMENT), _in(FROM_INDICTMENT)
    sql = f"""
        SELECT s.case_id, s.step_on, s.id
        FROM legal_steps s CROSS JOIN cases c ON c.id = s.case_id
        WHERE s.kind = ? AND s.step_on <= ? AND s.deleted = 0 AND {scope}
          AND NOT EXISTS (SELECT 1 FROM legal_steps e WHERE e.case_id = s.case_id
                AND e.deleted = 0 AND e.kind IN ({before})
                AND (e.step_on < s.step_on OR (e.step_on = s.step_on AND e.rowid < s.rowid)))
          AND NOT EXISTS (SELECT 1 FROM legal_steps e WHERE e.case_id = s.case_id
                AND e.deleted = 0 AND (e.kind IN ({after}) OR e.restitution_requested = 1))
          AND NOT EXISTS (SELECT 1 FROM restitution x WHERE x.case_id = s.case_id
                AND x.deleted = 0 AND x.requested_on IS NOT NULL)
        ORDER BY s.step_on, s.rowid LIMIT ?"""
    found: list[Hit] = []
    for kind in BEFORE_INDICTMENT:
        found += _hits(
            db,
            sql,
            [kind, today, *params, *BEFORE_INDICTMENT, *FROM_INDICTMENT, limit],
        )
    return sorted(found, key=lambda hit: hit[1])[:limit]


def restitution_unpaid(
    db: Database, *, awarded_by: str, statuses: Sequence[str], owner: tuple[str, str], limit: int
) -> list[Hit]:
    """Restitution awarded on or before ``awarded_by`` and not paid (no payment date,
    or less paid than awarded); due is the award date. Restitution records are a few per
    case with a criminal case, so these are read without an index of their own."""
    scope, params = _case_scope(statuses, owner)
    # The awards in date order first (no index: a scan and a sort of narrow rows), then
    # each one's case, until ``limit``: the cases of awards not listed are never read.
    sql = f"""
        SELECT x.case_id, x.awarded_on, x.id
        FROM (SELECT case_id, awarded_on, id FROM restitution
              WHERE awarded_on IS NOT NULL AND awarded_on <= ? AND deleted = 0
                AND (paid_on IS NULL OR paid_amount < awarded_amount)
              ORDER BY awarded_on, rowid) AS x
        CROSS JOIN cases c ON c.id = x.case_id
        WHERE {scope} LIMIT ?"""
    return _hits(db, sql, [awarded_by, *params, limit])


def checkups_due(
    db: Database, *, today: str, statuses: Sequence[str], owner: tuple[str, str], limit: int
) -> list[Hit]:
    """A case's latest check-up (by date, then the order recorded) whose next check-up
    date is on or before ``today``; due is that date."""
    scope, params = _case_scope(statuses, owner)
    sql = f"""
        SELECT k.case_id, k.next_on, k.id
        FROM reintegration_checkups k CROSS JOIN cases c ON c.id = k.case_id
        WHERE k.next_on IS NOT NULL AND k.next_on <= ? AND k.deleted = 0 AND {scope}
          AND NOT EXISTS (SELECT 1 FROM reintegration_checkups l WHERE l.case_id = k.case_id
                AND l.deleted = 0 AND (l.checked_on > k.checked_on
                    OR (l.checked_on = k.checked_on AND l.rowid > k.rowid)))
        ORDER BY k.next_on, k.rowid LIMIT ?"""
    return _hits(db, sql, [today, *params, limit])


def returns_without_checkup(
    db: Database, *, home_by: str, statuses: Sequence[str], owner: tuple[str, str], limit: int
) -> list[Hit]:
    """A case's latest return, home (handed over, else arrived) on or before ``home_by``,
    with no check-up of the case on or after that day; due is the day home. Returns are
    one or two per returned victim, read without an index of their own."""
    scope, params = _case_scope(statuses, owner)
    home = "coalesce(t.handover_on, t.arrived_on)"
    later = "coalesce(u.handover_on, u.arrived_on)"
    # As restitution_unpaid: the returns in date order first, then each one's probes and
    # case, until ``limit``.
    sql = f"""
        SELECT t.case_id, t.home, t.id
        FROM (SELECT case_id, {home} AS home, id, rowid AS rid FROM returns t
              WHERE {home} IS NOT NULL AND {home} <= ? AND deleted = 0
              ORDER BY home, rowid) AS t
        CROSS JOIN cases c ON c.id = t.case_id
        WHERE NOT EXISTS (SELECT 1 FROM returns u WHERE u.case_id = t.case_id
                AND u.deleted = 0 AND {later} IS NOT NULL
                AND ({later} > t.home OR ({later} = t.home AND u.rowid > t.rid)))
          AND NOT EXISTS (SELECT 1 FROM reintegration_checkups k WHERE k.case_id = t.case_id
                AND k.deleted = 0 AND k.checked_on >= t.home)
          AND {scope}
        LIMIT ?"""
    return _hits(db, sql, [home_by, *params, limit])


def case_heads(db: Database, case_ids: Sequence[str]) -> dict[str, tuple[str, str]]:
    """``{case id: (case number, person's full name)}`` of the given cases."""
    if not case_ids:
        return {}
    return {
        row[0]: (row[1], row[2] or "")
        for row in db.execute(
            f"""SELECT c.id, c.case_number, p.full_name FROM cases c
            LEFT JOIN persons p ON p.id = c.person_id WHERE c.id IN ({_in(case_ids)})""",
            list(case_ids),
        )
    }
