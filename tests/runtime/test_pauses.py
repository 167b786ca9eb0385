"""The cycle collector is paused around bulk work and always runs again after it."""

import gc
import threading

import pytest

from tests.helpers import new_case, same
from tipdesk.domain.errors import BatchDamaged
from tipdesk.runtime import pauses
from tipdesk.runtime.pauses import collector_paused
from tipdesk.services import sync
from tipdesk.storage import bulk


@pytest.fixture(autouse=True)
def _collector_on():
    gc.enable()
    yield
    pauses._depth = 0  # a test that failed half-way leaves no pause behind
    gc.enable()


def test_pauses_nest_and_the_collector_runs_again_after_the_last():
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer pause still holds
    assert gc.isenabled()


def test_a_pause_does_not_start_a_collector_that_was_off():
    gc.disable()
    with collector_paused():
        pass
    assert not gc.isenabled()


def test_pauses_from_two_threads_end_with_the_collector_on():
    inside, leave = threading.Event(), threading.Event()

    def other():
        with collector_paused():
            inside.set()
            leave.wait(10)

    thread = threading.Thread(target=other)
    thread.start()
    inside.wait(10)
    with collector_paused():
        leave.set()
        thread.join(10)
        assert not gc.isenabled()  # the other thread's end did not restart it
    assert gc.isenabled()


def test_an_import_runs_paused_and_leaves_the_collector_on_even_when_refused(offices, monkeypatch):
    district, province, stick = offices
    new_case(district.session)
    batch = district.export(province, stick)
    real = bulk.insert_tuples
    seen = []

    def insert_and_look(db, table, columns, values):
        seen.append(gc.isenabled())
        return real(db, table, columns, values)

    monkeypatch.setattr(bulk, "insert_tuples", insert_and_look)

    def refuse(db, table, columns, values):
        seen.append(gc.isenabled())
        raise KeyError(table)  # content the tables refuse: BatchDamaged

    with monkeypatch.context() as m:
        m.setattr(bulk, "insert_tuples", refuse)
        with pytest.raises(BatchDamaged):
            sync.import_batch(province.session, batch)
    assert gc.isenabled() and seen == [False]
    sync.import_batch(province.session, batch)
    assert gc.isenabled() and seen and not any(seen)
    same(district, province)
