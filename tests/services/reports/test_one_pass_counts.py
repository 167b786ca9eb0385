"""The breakdowns a report counts in one read of the handled cases (issue 22, for speed)
are the same, figure for figure, as each breakdown's own GROUP BY: on demo cases, and on
a register holding values the app cannot read (tests/bad_rows.py)."""

from __future__ import annotations

import datetime as dt

from tests.bad_rows import planted_register
from tests.helpers import sign_in
from tipdesk.services.reports import _period
from tipdesk.storage import reports as store


def _both(session, start, end):
    period = _period(session, start, end, "")
    with session.db.atomic(), store.report_cases(session.db, period):
        one_pass = store.case_breakdowns(session.db, period, batch=7)
        one_pass |= store.service_counts(session.db)
        each = {key: store.breakdown(session.db, key, period) for key in one_pass}
    return one_pass, each


def test_one_read_counts_what_each_group_by_counts(tmp_path):
    planted = planted_register(tmp_path)
    with sign_in(planted.folder, "admin") as s:
        # damaged lists of every shape json_each meets
        s.db.execute(
            'UPDATE cases SET means_of_control = \'[1, null, ["threats"], "threats"]\' '
            "WHERE rid = (SELECT min(rid) FROM cases WHERE means_of_control <> '[]')"
        )
        s.db.execute(
            "UPDATE cases SET exploitation_types = '{\"a\": 1}' "
            "WHERE rid = (SELECT max(rid) FROM cases)"
        )
        for start, end in (
            (dt.date(2015, 1, 1), dt.date(2026, 11, 30)),
            (dt.date(2026, 11, 1), dt.date(2026, 11, 30)),
        ):
            one_pass, each = _both(s, start, end)
            assert set(one_pass) == set(store.ONE_PASS) | set(store.LISTS) | {
                "services_by_type",
                "services_by_provider",
            }
            for key, counts in each.items():
                assert one_pass[key] == counts, key
            assert any(one_pass[key] for key in one_pass)
            if start.year == 2015:  # the damaged lists count once each as "unknown"
                assert any(row == "unknown" for row, _, _ in one_pass["exploitation"])
                assert any(row == "unknown" for row, _, _ in one_pass["means_of_control"])
