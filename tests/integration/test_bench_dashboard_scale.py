"""The dashboard data-scale benchmark runs end to end (behaviour only, never timings)."""

from bench import dashboard_scale


def test_both_members_are_measured_and_their_balances_follow_the_rules():
    result = dashboard_scale.run((10, 300), iterations=5, warmup=1)
    assert set(result["sizes"]) == {"10", "300"}
    assert result["sizes"]["300"]["entries"] == 300 and result["sizes"]["10"]["count"] == 5
    assert result["balances_match_rules"] is True
    assert result["ratio"] > 0 and result["goal"] == 1.5
