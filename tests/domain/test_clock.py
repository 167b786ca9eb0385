import uuid

from hypothesis import given
from hypothesis import strategies as st

from tipdesk.domain.clock import HybridClock, UuidV7, format_rev, parse_rev


def test_revs_order_as_text_and_carry_the_office():
    clock = HybridClock("office-a", physical=lambda: 1_700_000_000_000)
    first, second = clock.tick(), clock.tick()
    assert first == "1700000000000-0000-office-a"
    assert second == "1700000000000-0001-office-a"
    assert first < second


@given(st.lists(st.integers(0, 10**13 - 1), min_size=1, max_size=200))
def test_revs_strictly_increase_whatever_the_wall_clock_does(times):
    readings = iter(times)
    clock = HybridClock("o", physical=lambda: next(readings))
    revs = [clock.tick() for _ in times]
    assert revs == sorted(revs)
    assert len(set(revs)) == len(revs)


def test_a_clock_that_goes_back_does_not_reissue_a_rev():
    readings = iter([5_000, 4_000, 4_000])
    clock = HybridClock("o", physical=lambda: next(readings))
    assert [parse_rev(clock.tick())[:2] for _ in range(3)] == [(5000, 0), (5000, 1), (5000, 2)]


def test_counter_overflow_moves_to_the_next_millisecond():
    clock = HybridClock("o", last=format_rev(1000, 9999, "o"), physical=lambda: 1000)
    assert parse_rev(clock.tick())[:2] == (1001, 0)


def test_observed_remote_rev_makes_later_local_revs_sort_after_it():
    clock = HybridClock("local", physical=lambda: 1000)
    remote = format_rev(9_000, 3, "remote")
    clock.observe(remote)
    assert clock.tick() > remote


def test_restart_from_saved_clock_continues_after_it():
    clock = HybridClock("o", physical=lambda: 2000)
    saved = clock.tick()
    restarted = HybridClock("o", last=saved, physical=lambda: 1000)
    assert restarted.tick() > saved


def test_uuid7_version_variant_and_order():
    make = UuidV7(clock=lambda: 1_700_000_000_000)
    ids = [make() for _ in range(5000)]
    assert ids == sorted(ids)
    assert len(set(ids)) == len(ids)
    parsed = uuid.UUID(ids[0])
    assert parsed.version == 7
    assert parsed.variant == uuid.RFC_4122
    assert int(ids[0].replace("-", "")[:12], 16) == 1_700_000_000_000


def test_uuid7_taken_by_the_thousand_continue_the_order_of_single_ones():
    make = UuidV7(clock=lambda: 1_700_000_000_000)
    ids = [make(), *make.many(3000), make(), *make.many(5000), make()]
    assert ids == sorted(ids) and len(set(ids)) == len(ids)
    assert all(uuid.UUID(i).version == 7 and uuid.UUID(i).variant == uuid.RFC_4122 for i in ids)
    # 12 bits of counter a millisecond: past them, the next millisecond's ids
    times = {int(i.replace("-", "")[:12], 16) for i in ids}
    assert min(times) == 1_700_000_000_000 and 2 <= len(times) <= 4
    assert make.many(0) == []


def test_a_rev_far_ahead_of_our_time_is_not_followed_when_capped():
    clock = HybridClock("a", physical=lambda: 1_000_000)
    far = format_rev(1_000_000 + 10 * 3600 * 1000, 0, "b")
    clock.observe(far, max_lead_ms=3600 * 1000)
    assert parse_rev(clock.tick())[0] == 1_000_000
    clock.observe(far)
    assert parse_rev(clock.tick())[0] == 1_000_000 + 10 * 3600 * 1000
