"""The benchmark database: copies of a returnable demo order, each found and returnable."""

import pytest
import sqlalchemy as sa
from sqlmodel import Session, func, select

from alme_portal.orders.models.orders import Order, ShipmentLine
from alme_portal.orders.services.lookup import find_order, order_id_for_number
from alme_portal.platform import clock, db
from alme_portal.returns.services import options as return_options
from bench import portal, portal_db


@pytest.mark.both_databases
def test_copies_of_the_template_are_found_by_their_email_and_returnable(database_url):
    number, email = portal.template_order()
    portal_db.prepare_url(database_url, template=number, copies=3)
    url = database_url
    engine = db.engine_for(url)
    with Session(engine) as session:
        template = order_id_for_number(session, number)
        expected = return_options.return_options(session, template, "en", clock.today())
        for index in (1, 2, 3):
            found = find_order(session, order_number=portal_db.clone_number(index),
                               email=email, client_address="bench")  # fmt: skip
            assert found.status == "done"
            options = return_options.return_options(session, found.value, "en", clock.today())
            assert [(line["name"], line["returnable"], line["refusal"]) for line in
                    options["lines"]] == [(line["name"], line["returnable"], line["refusal"])
                                          for line in expected["lines"]]  # fmt: skip
        assert order_id_for_number(session, portal_db.clone_number(4)) is None
        copies = session.exec(
            select(func.count()).select_from(Order).where(Order.number.startswith("BR"))
        ).one()
        assert copies == 3
        # Parcel lines point at the copy's own lines, never at the template's.
        carried = session.exec(select(ShipmentLine)).all()
        assert len({row.order_line_id for row in carried}) == len(carried)
    with engine.begin() as connection:  # the portal's next order after the copies (sequences)
        row = connection.execute(sa.select(Order.__table__).where(Order.number == number))
        new = {**row.one()._mapping, "number": "ZZ000001"}
        del new["id"]
        connection.execute(sa.insert(Order.__table__), new)
    engine.dispose()
