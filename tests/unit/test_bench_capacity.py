"""The capacity search of `make bench` (issue 21): doubling, then bisection."""

import pytest

from bench import capacity


def _app(limit):
    """An app whose p95 passes 100 ms above `limit` sessions; the trials it was given."""
    tried = []

    def trial(sessions):
        tried.append(sessions)
        return {"errors": 0, "overall": {"p95": 50.0 if sessions <= limit else 400.0}}

    return trial, tried


@pytest.mark.parametrize("limit", [1, 37, 130, 260, 999])
def test_the_search_ends_within_its_precision_of_the_true_capacity(limit):
    trial, _ = _app(limit)
    found = capacity.search(trial, start=50, most=1600, max_trials=20)
    assert found["sessions"] <= limit < found["first_failed"]
    assert found["first_failed"] - found["sessions"] <= max(
        1, capacity.PRECISION * found["sessions"]
    )


def test_an_app_holding_the_most_tried_is_reported_as_holding_it():
    trial, tried = _app(10_000)
    found = capacity.search(trial, start=200, most=1600)
    assert tried == [200, 400, 800, 1600]
    assert (found["sessions"], found["first_failed"]) == (1600, None)


def test_errors_fail_a_trial_whatever_its_latency():
    found = capacity.search(
        lambda n: {"errors": int(n > 100), "overall": {"p95": 1.0}}, start=100, most=400
    )
    assert found["trials"][1] == {"sessions": 200, "p95": 1.0, "errors": 1, "held": False}
    assert found["sessions"] >= 100 and found["first_failed"] <= 115


def test_the_number_of_trials_is_bounded():
    trial, tried = _app(333)
    capacity.search(trial, start=50, most=1600, max_trials=4)
    assert tried == [50, 100, 200, 400]
