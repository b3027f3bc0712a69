"""The data-scale benchmark runs end to end on a small database (behaviour only, never timings)."""

import json
from collections import Counter

import pytest
from sqlmodel import Session, func, select

from alme_portal.demo import loader as demo
from alme_portal.orders.models.feed import LookupFailure
from alme_portal.orders.services.lookup import ORDER_NUMBER_PATTERN, find_order, order_view
from alme_portal.platform import clock
from bench import data_scale


@pytest.fixture
def engine(tmp_path):
    with clock.use_clock(data_scale.NOW):
        engine = data_scale.prepare_database(tmp_path)
        yield engine
        engine.dispose()


def test_orders_grow_to_the_exact_total_and_are_all_found_with_their_email(engine):
    orders = data_scale.SyntheticOrders(engine, seed=7)
    assert orders.grow_to(50) == 50 - len(demo.ORDERS)
    assert data_scale.count_orders(engine) == 50
    assert orders.grow_to(200) == 150
    assert data_scale.count_orders(engine) == 200
    known = data_scale.synthetic_orders(engine)
    assert len(known) == len({number for number, _ in known}) == 200 - len(demo.ORDERS)
    with Session(engine) as session:
        for position, (number, email) in enumerate(known):
            assert ORDER_NUMBER_PATTERN.fullmatch(number)
            _assert_found_with_a_full_page(session, number, email.upper(), f"c{position}")
        assert session.exec(select(func.count()).select_from(LookupFailure)).one() == 0


def _assert_found_with_a_full_page(session, number, email, client_address):
    result = find_order(session, order_number=number, email=email, client_address=client_address)
    assert result.status == "done", number
    page = order_view(session, result.value, "en")
    assert page["number"] == number
    assert 1 <= len(page["lines"]) <= 3
    assert len(page["payments"]) == 1
    assert page["payments"][0]["amount_cents"] == page["totals"]["total_cents"]
    assert 1 <= len(page["shipments"]) <= 2
    carried = Counter()
    for shipment in page["shipments"]:
        carried.update({line["id"]: line["quantity"] for line in shipment["lines"]})
    assert carried == {line["id"]: line["quantity"] for line in page["lines"]}


def test_the_same_seed_gives_the_same_orders(tmp_path):
    numbers_and_emails = []
    for name in ("first", "second"):
        (tmp_path / name).mkdir()
        with clock.use_clock(data_scale.NOW):
            engine = data_scale.prepare_database(tmp_path / name)
        data_scale.SyntheticOrders(engine, seed=3).grow_to(60)
        numbers_and_emails.append(data_scale.synthetic_orders(engine))
        engine.dispose()
    assert numbers_and_emails[0] == numbers_and_emails[1]


def test_command_line_reports_every_size_and_writes_json(tmp_path, capsys):
    report = tmp_path / "out" / "data_scale.json"
    args = ["--sizes", "50", "200", "--iterations", "6", "--warmup", "2", "--json", str(report)]
    assert data_scale.main(args) == 0
    result = json.loads(report.read_text())
    assert result["metric"] == data_scale.METRIC
    assert result["goal"] == 1.5
    assert set(result["sizes"]) == {"50", "200"}
    for size, figures in result["sizes"].items():
        assert figures["orders"] == figures["rows"]["customer_order"] == int(size)
        assert figures["found"]["statuses"] == {"found": 6}
        assert figures["not_found"]["statuses"] == {"not_found": 6}
        assert {"p50_ms", "p95_ms", "p99_ms"} <= set(figures["found"])
    assert isinstance(result["ratio"], float) and isinstance(result["pass"], bool)
    assert result["query_plans"] and result["full_scans"] == []
    assert "| 200 |" in capsys.readouterr().out


@pytest.mark.parametrize("sizes", [(200, 50), (200,), (10, 200), (50, 50)])
def test_sizes_must_grow_from_above_the_demo(sizes):
    with pytest.raises(ValueError):
        data_scale.run(sizes, iterations=1, warmup=0)
