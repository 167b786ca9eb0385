"""read_ahead: a generator made on a worker thread, handed over in order, never outliving
its caller."""

import threading
import time

import pytest

from tipdesk.runtime.ahead import read_ahead


def _workers() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "test-ahead"]


def test_items_arrive_in_order_made_on_another_thread():
    made_on: set[int] = set()

    def items():
        for i in range(50):
            made_on.add(threading.get_ident())
            yield i

    assert list(read_ahead(items(), depth=2, name="test-ahead")) == list(range(50))
    assert made_on and threading.get_ident() not in made_on
    assert _workers() == []


def test_an_error_while_making_is_raised_to_the_caller_after_the_items_before_it():
    def items():
        yield 1
        yield 2
        raise ValueError("disk gone")

    got = []
    with pytest.raises(ValueError, match="disk gone"):
        for item in read_ahead(items(), name="test-ahead"):
            got.append(item)
    assert got == [1, 2] and _workers() == []


def test_stopping_early_stops_the_worker_and_closes_the_generator_on_its_thread():
    closed_on: list[int] = []
    stopped = threading.Event()

    def items():
        try:
            i = 0
            while True:
                yield i
                i += 1
        finally:
            closed_on.append(threading.get_ident())

    ahead = read_ahead(items(), depth=2, name="test-ahead", on_stop=stopped.set)
    assert [next(ahead) for _ in range(3)] == [0, 1, 2]
    ahead.close()
    assert stopped.is_set()
    assert closed_on and closed_on[0] != threading.get_ident()
    assert _workers() == []


class _FailsThenClosesSlowly:
    """Two items, then an error; closing takes a while (a connection being closed)."""

    def __init__(self) -> None:
        self.made = 0

    def __iter__(self):
        return self

    def __next__(self) -> int:
        self.made += 1
        if self.made > 2:
            raise ValueError("disk gone")
        return self.made

    def close(self) -> None:
        time.sleep(0.3)


def test_a_worker_that_failed_is_not_stopped_again_and_is_waited_for():
    stops: list[int] = []
    with pytest.raises(ValueError, match="disk gone"):
        list(
            read_ahead(_FailsThenClosesSlowly(), name="test-ahead", on_stop=lambda: stops.append(1))
        )
    # on_stop is for a worker still making items (it may touch what the worker closed).
    assert stops == [] and _workers() == []
