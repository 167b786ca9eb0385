import dataclasses

import pytest

from tipdesk.domain import records as r
from tipdesk.storage.rows import TABLES


@pytest.mark.parametrize("record_type", list(TABLES))
def test_table_columns_are_the_record_fields(session, record_type):
    table = TABLES[record_type]
    columns = {c.name for c in session.db[table].columns} - {"rid"}
    assert columns == {f.name for f in dataclasses.fields(record_type)}


def plan(session, sql, params=()):
    return " ".join(row[3] for row in session.db.execute(f"EXPLAIN QUERY PLAN {sql}", params))


@pytest.mark.parametrize(
    "sql,index",
    [
        ("SELECT id FROM cases WHERE status = ? ORDER BY opened_on", "cases_status"),
        ("SELECT id FROM cases WHERE assigned_to = ? AND status = ?", "cases_worker"),
        ("SELECT id FROM cases WHERE opened_on BETWEEN ? AND ?", "cases_opened"),
        ("SELECT id FROM cases WHERE follow_up_on <= ?", "cases_follow_up"),
        ("SELECT id FROM referrals WHERE follow_up_on <= ?", "referrals_follow_up"),
        ("SELECT id FROM services WHERE case_id = ?", "services_case"),
    ],
)
def test_listing_queries_use_an_index(session, sql, index):
    params = ["x"] * sql.count("?")
    assert index in plan(session, sql, params)


def test_case_rid_is_an_explicit_integer_key(session):
    # VACUUM may renumber implicit rowids; the search index refers to rid.
    pk = [c for c in session.db["cases"].columns if c.is_pk]
    assert [c.name for c in pk] == ["rid"]
    assert r.Case  # the record type itself has no rid
