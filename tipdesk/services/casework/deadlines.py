"""Home's deadlines (issue 22): what the records of a case say is due, each with its due
date and the rule it follows from, for the open cases the user may list (a case worker
her own, as on the rest of Home). A deadline is listed from its due date on; one whose
due date has passed is late. It leaves the list when the record that meets it is saved.

The rules, from the stored records (live ones only, of cases not closed):

``risk_response``
    An assessment with a response date (``respond_by``) that has passed, and nothing
    recorded since it: no later assessment of the case, no service of it started on or
    after the assessment's day, no case note dated after that day. Due: ``respond_by``;
    it is listed the day after (the response date itself is the last day to respond),
    for ``risk_lookback_days`` days: past that, a case still without an assessment is
    listed by the ``assessment`` rule (walking every triage of a province would not be).
``assessment``
    A case with no biopsychosocial assessment ``assessment_working_days`` working days
    after it was opened. Due: the opening date plus those working days.
``plan_review``
    A plan goal still planned or in progress whose review date has come (one per case:
    the earliest). Due: the review date.
``restitution_request``
    A criminal case with the police or the prosecutor (a step from the police report to
    the hand-over to the prosecutor, ``storage.deadlines.BEFORE_INDICTMENT``), no
    indictment or later step and no SP3, and no restitution request (no restitution
    record with a request date, no legal step marked "restitution requested"): it must
    be asked for before the prosecutor's demand. Due: the first such step's date.
``restitution_payment``
    Restitution awarded and not paid (no payment date, or less paid than awarded)
    ``restitution_payment_days`` days after the award. Due: the award date plus those days.
``checkup``
    A reintegration check-up whose next check-up date has come with no check-up since;
    or a return home (handover, else arrival) with no check-up on or after that day
    within ``checkup_after_return_days`` days. Due: the next check-up date, or the day
    home plus those days.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from tipdesk.domain import workdays
from tipdesk.services.access import permissions
from tipdesk.services.casework.listing import COUNT_CAP, OPEN_STATUSES
from tipdesk.services.session import Session
from tipdesk.storage import deadlines as store
from tipdesk.storage import local

RULES = (
    "risk_response",
    "assessment",
    "plan_review",
    "restitution_request",
    "restitution_payment",
    "checkup",
)
# Plan goals still to be worked on: achieved, not achieved and dropped ones are settled.
OPEN_GOAL_STATUSES = ("planned", "in_progress")
# The office's own days off (ISO dates), kept with the register's local settings; an
# admin screen that edits them writes this key.
LOCAL_DAYS_OFF = "local_days_off"


@dataclass(frozen=True)
class DeadlineRules:
    """The allowances of the rules. None is set by the sources in DOMAIN.md: each is a
    choice recorded here (and in docs/DECISIONS.md), meant to become an office setting.

    - ``assessment_working_days``: the biopsychosocial assessment follows the complaint's
      follow-up (3 working days in the service standard); we allow 7 working days from
      the opening of the case.
    - ``restitution_payment_days``: UU 21/2007 art. 48(6) gives 14 days from the
      notification of the verdict to pay; counted here from the award date.
    - ``checkup_after_return_days``: the first reintegration visit within 30 days of
      the return home.
    - ``risk_lookback_days``: how long an unanswered risk response stays listed.
    """

    assessment_working_days: int = 7
    restitution_payment_days: int = 14
    checkup_after_return_days: int = 30
    risk_lookback_days: int = 30


DEFAULT_RULES = DeadlineRules()


@dataclass(frozen=True)
class Deadline:
    case_number: str
    full_name: str
    rule: str  # one of RULES
    due_on: dt.date
    case_id: str = ""
    record_id: str = ""  # the record the rule follows from (the case's id for "assessment")


@dataclass(frozen=True)
class Deadlines:
    items: list[Deadline]  # at most ``limit``, the earliest due first
    count: int  # all of them, up to COUNT_CAP (COUNT_CAP means "at least that many")
    # each rule's, counted in RULES order until COUNT_CAP is reached in all (then 0)
    by_rule: dict[str, int] = field(default_factory=dict)


def office_calendar(session: Session) -> workdays.WorkCalendar:
    """The national working days less the office's own days off."""
    days = local.get_setting(session.db, LOCAL_DAYS_OFF, []) or []
    return workdays.WorkCalendar.with_local_days(dt.date.fromisoformat(d) for d in days)


def deadlines(
    session: Session,
    *,
    today: dt.date | None = None,
    limit: int = 50,
    rules: DeadlineRules = DEFAULT_RULES,
    calendar: workdays.WorkCalendar | None = None,
) -> Deadlines:
    """The deadlines of the open cases the user may list that are due on or before
    ``today`` (for ``risk_response``: before it), the earliest first, at most ``limit``."""
    permissions.require(session, "view_own_cases")
    today = today or session.today()
    calendar = calendar or office_calendar(session)
    db = session.db
    scope: dict[str, Any] = {"statuses": OPEN_STATUSES, "owner": permissions.owner_filter(session)}
    finders = _finders(db, today, rules, calendar, scope)
    # The list: each rule's earliest ``limit``. The count: a rule that filled its part
    # of the list is counted on, rule after rule, until COUNT_CAP is reached in all.
    found = {rule: finders[rule](max(0, limit)) for rule in RULES}
    by_rule: dict[str, int] = {}
    left = COUNT_CAP
    for rule in RULES:
        hits = found[rule]
        by_rule[rule] = min(len(hits), left) if len(hits) < limit else len(finders[rule](left))
        left -= by_rule[rule]
    ordered = sorted(
        (
            (due, RULES.index(rule), case_id, record_id, rule)
            for rule, hits in found.items()
            for case_id, due, record_id in hits
        ),
    )[: max(0, limit)]
    heads = store.case_heads(db, sorted({item[2] for item in ordered}))
    items = [
        Deadline(
            case_number=heads.get(case_id, ("", ""))[0],
            full_name=heads.get(case_id, ("", ""))[1],
            rule=rule,
            due_on=due,
            case_id=case_id,
            record_id=record_id,
        )
        for due, _order, case_id, record_id, rule in ordered
    ]
    return Deadlines(items=items, count=COUNT_CAP - left, by_rule=by_rule)


Found = list[tuple[str, dt.date, str]]  # (case id, due date, record id), earliest due first


def _finders(
    db: Any,
    today: dt.date,
    rules: DeadlineRules,
    calendar: workdays.WorkCalendar,
    scope: dict[str, Any],
) -> dict[str, Callable[[int], Found]]:
    """Each rule as ``find(limit)``: its earliest ``limit`` deadlines."""

    def plus(days: int) -> dt.timedelta:
        return dt.timedelta(days=days)

    def dated(hits: list[store.Hit], shift: Callable[[dt.date], dt.date] = lambda d: d) -> Found:
        return [(case_id, shift(_date(day)), record_id) for case_id, day, record_id in hits]

    def risk(limit: int) -> Found:
        since = (today - plus(rules.risk_lookback_days)).isoformat()
        return dated(
            store.risk_responses_overdue(
                db, since=since, today=today.isoformat(), limit=limit, **scope
            )
        )

    def assessment(limit: int) -> Found:
        days = rules.assessment_working_days
        opened_by = calendar.latest_start(days, today).isoformat()
        hits = store.cases_without_assessment(
            db, opened_by=opened_by, kind="biopsychosocial", limit=limit, **scope
        )
        return dated(hits, lambda opened: calendar.add(opened, days))

    def plan(limit: int) -> Found:
        return dated(
            store.plan_reviews_due(
                db,
                today=today.isoformat(),
                goal_statuses=OPEN_GOAL_STATUSES,
                limit=limit,
                **scope,
            )
        )

    def request(limit: int) -> Found:
        return dated(
            store.restitution_not_requested(db, today=today.isoformat(), limit=limit, **scope)
        )

    def payment(limit: int) -> Found:
        days = plus(rules.restitution_payment_days)
        hits = store.restitution_unpaid(
            db, awarded_by=(today - days).isoformat(), limit=limit, **scope
        )
        return dated(hits, lambda awarded: awarded + days)

    def checkup(limit: int) -> Found:
        days = plus(rules.checkup_after_return_days)
        planned = dated(store.checkups_due(db, today=today.isoformat(), limit=limit, **scope))
        returned = store.returns_without_checkup(
            db, home_by=(today - days).isoformat(), limit=limit, **scope
        )
        both = planned + dated(returned, lambda home: home + days)
        return sorted(both, key=lambda hit: hit[1])[:limit]

    return {
        "risk_response": risk,
        "assessment": assessment,
        "plan_review": plan,
        "restitution_request": request,
        "restitution_payment": payment,
        "checkup": checkup,
    }


def _date(text: str) -> dt.date:
    return dt.date.fromisoformat(text)
