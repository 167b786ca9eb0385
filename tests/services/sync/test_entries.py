"""The quick, column-by-column check of an imported batch's entries must never let
through what the exact, entry-by-entry check refuses, must refuse with the same reason,
and must be the one that runs for an ordinary batch (else the import is slow)."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers import (
    TODAY,
    add_document,
    add_journey,
    add_simfoni_entry,
    add_transfer_and_link,
    close_all,
    copy_offices,
)
from tipdesk.domain import records as r
from tipdesk.domain.errors import TipdeskError
from tipdesk.services import sync
from tipdesk.services.casework import journey
from tipdesk.services.devtools.demo import add_demo_cases
from tipdesk.services.sync import entries
from tipdesk.storage import sync as store


@pytest.fixture(scope="module")
def batch(tmp_path_factory, enrolled_pair):
    """Every entry of a real first batch of 12 demo cases, by table, with what the
    province's import checks them against."""
    tmp = tmp_path_factory.mktemp("entries")
    district, province = copy_offices(enrolled_pair, tmp)
    add_demo_cases(district.session, 12, seed=3)
    # The demo makes no case journey (yet): one of each record, and an incident.
    for (case_id,) in district.session.db.execute("SELECT id FROM cases LIMIT 2").fetchall():
        add_journey(district.session, case_id)
    journey.create_incident(district.session, r.Incident(occurred_on=TODAY, kind="raid"))
    case_id, person_id = district.session.db.execute(
        "SELECT id, person_id FROM cases LIMIT 1"
    ).fetchone()
    add_transfer_and_link(district.session, case_id, person_id)
    number = district.session.db.execute("SELECT case_number FROM cases LIMIT 1").fetchone()[0]
    add_document(district.session, number)
    add_simfoni_entry(district.session, number)
    path = district.export(province, tmp / "first.tipbatch")
    _, changes, peer = sync._open(province.session, Path(path).read_bytes())
    chunks: dict[str, list] = {}
    for line in changes.lines():
        entry = orjson.loads(line)
        chunks.setdefault(entry["e"], []).append(entry)
    columns = {
        table: frozenset(store.table_columns(province.session.db, table)) for table in chunks
    }
    owners = {peer["office_id"], province.session.office.id}
    yield chunks, columns, peer["office_id"], owners
    close_all((district, province))


def outcome(check, *args) -> tuple | None:
    try:
        check(*args)
    except TipdeskError as error:
        return type(error).__name__, error.params.get("reason") or error.params.get("field")
    except (KeyError, TypeError) as error:  # the import turns these into "entry"
        return type(error).__name__, None
    return None


def one_by_one(table, chunk, columns, sender, owners) -> None:
    for entry in chunk:
        entries.check_entry(table, entry, columns, sender, owners)


def test_every_table_of_an_ordinary_batch_passes_the_quick_check(batch):
    chunks, columns, sender, owners = batch
    assert set(chunks) == set(store.APPLY_ORDER)
    for table, chunk in chunks.items():
        assert entries._all_pass(table, chunk, columns[table], sender, owners), table
        assert outcome(one_by_one, table, chunk, columns[table], sender, owners) is None


ODD = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-2, 2),
    st.integers(2**63, 2**70),
    st.floats(allow_nan=False),
    st.text(max_size=4),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
    st.sampled_from(
        [
            "",
            "*",
            "x" * 100_001,
            "2024-02-30",
            "2024-1-01",
            "2024-01-01\n",
            "\u0661" * 4 + "-01-01",
            "1796197305926-0000-x",
            "1796197305926-0000-x\n",
            "179619730592-0000-x",
            "female",
            "high",
            "confirmed",
            "id",
        ]
    ),
)


@st.composite
def mutation(draw, chunks):
    """Which table, which entry, and one change to it: a key removed, added or given an
    odd value, at the top of the entry, in its row or in one of its steps."""
    table = draw(st.sampled_from(sorted(chunks)))
    index = draw(st.integers(0, len(chunks[table]) - 1))
    place = draw(st.sampled_from(["entry", "row", "row", "row", "step"]))
    entry = chunks[table][index]
    keys = sorted(entry if place == "entry" else entry["row"] if place == "row" else [0, 1])
    key = draw(st.sampled_from([*keys, "extra"]))
    action = draw(st.sampled_from(["set", "set", "set", "drop"]))
    value = draw(ODD) if action == "set" else None
    return table, index, place, key, action, value


def mutated(chunks, table, index, place, key, action, value) -> list:
    chunk = list(chunks[table])
    entry = chunk[index] = copy.deepcopy(chunk[index])
    where = {"entry": entry, "row": entry["row"], "step": entry["steps"][0]}[place]
    if place == "step":
        where[key if key != "extra" else 0] = value
        return chunk
    if action == "drop":
        where.pop(key, None)
    else:
        where[key] = value
    return chunk


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_the_quick_check_refuses_with_the_exact_check_s_reason(batch, data):
    chunks, columns, sender, owners = batch
    table, *change = data.draw(mutation(chunks))
    chunk = mutated(chunks, table, *change)
    args = (table, chunk, columns[table], sender, owners)
    exact = outcome(one_by_one, *args)
    if entries._all_pass(*args):
        assert exact is None, (change, exact)
    assert outcome(entries.check_chunk, *args) == exact


def test_a_bad_entry_among_good_ones_is_refused_for_its_own_reason(batch):
    chunks, columns, sender, owners = batch
    chunk = copy.deepcopy(chunks["cases"])
    chunk[-1]["row"]["status"] = "lost"  # not a code of its vocabulary
    rules = entries.Rules(
        sender=sender,
        owners=frozenset(owners),
        today=dt.date.today(),
        partial=False,
        seq_from=0,
        seq_to=10**9,
    )
    assert outcome(entries.check_records, "cases", chunk, rules) == ("BatchEntryRefused", "status")
    chunk[-1]["row"]["origin"] = "someone else"  # and, before it, not theirs
    assert outcome(entries.check_chunk, "cases", chunk, columns["cases"], sender, owners) == (
        "BatchOverreach",
        None,
    )
