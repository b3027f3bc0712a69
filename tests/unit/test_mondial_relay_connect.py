"""R3: API Connect's paperless return request and its answers (reference §2.6, §2.7)."""

import xml.etree.ElementTree as ET

import pytest

from alme_portal.adapters.carriers.mondial_relay_booking import Party
from alme_portal.adapters.carriers.mondial_relay_connect import (
    REQUEST_NAMESPACE,
    ConnectAccount,
    first_error,
    shipment_request,
)

NS = {"r": REQUEST_NAMESPACE}
CUSTOMER = Party(
    name="Hélène Lefèvre", street="12 rue des Écoles", postcode="75005", city="Paris",
    country="FR", phone="+33612345678", email="H@example.fr",
)  # fmt: skip
ATELIER = Party(name="Almé Atelier", street="27 rue du Faubourg Saint-Honoré",
                postcode="75008", city="Paris", country="FR", phone="+33767463963")  # fmt: skip
ACCOUNT = ConnectAccount("https://connect-api.mondialrelay.com/api/shipment",
                         "BDTEST@business-api.mondialrelay.com", "secret<&>", "BDTEST")  # fmt: skip


def test_r3_a_paperless_return_asks_a_qr_code_from_any_relay_point_back_to_the_merchant():
    root = ET.fromstring(shipment_request(ACCOUNT, CUSTOMER, ATELIER, 60, "RT-AL100101-12345"))
    assert root.tag == f"{{{REQUEST_NAMESPACE}}}ShipmentCreationRequest"
    assert root.findtext("r:Context/r:Password", namespaces=NS) == "secret<&>"
    assert root.findtext("r:OutputOptions/r:OutputType", namespaces=NS) == "QRCode"
    assert root.find("r:OutputOptions/r:OutputFormat", NS) is None  # none for a QR code
    shipment = root.find("r:ShipmentsList/r:Shipment", NS)
    assert shipment.findtext("r:OrderNo", namespaces=NS) == "RT-AL100101-123"  # 15 at most
    assert shipment.find("r:CollectionMode", NS).attrib == {"Mode": "REL", "Location": ""}
    assert shipment.find("r:DeliveryMode", NS).attrib == {"Mode": "LCC", "Location": ""}
    assert shipment.find("r:Parcels/r:Parcel/r:Weight", NS).attrib == {
        "Value": "100", "Unit": "gr"}  # fmt: skip
    sender = shipment.find("r:Sender/r:Address", NS)
    assert sender.findtext("r:Lastname", namespaces=NS) == "LEFEVRE"
    assert sender.findtext("r:Streetname", namespaces=NS) == "12 RUE DES ECOLES"
    assert sender.findtext("r:MobileNo", namespaces=NS) == "+33612345678"
    assert sender.findtext("r:Email", namespaces=NS) == "h@example.fr"
    recipient = shipment.find("r:Recipient/r:Address", NS)
    assert recipient.findtext("r:PostCode", namespaces=NS) == "75008"


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ('<ShipmentCreationResponse xmlns="http://www.example.org/Response"><ShipmentsList/>'
         '<StatusList><Status Code="10001" Level="Critical Error" Message="Invalid user and/or '
         'password."/></StatusList></ShipmentCreationResponse>', 10001),
        ('<ShipmentCreationResponse xmlns="http://www.example.org/Response"><StatusList>'
         '<Status code="10051" level="Error" message="Service_Expedition_DomicileTelephoneRequis"'
         '/></StatusList></ShipmentCreationResponse>', 10051),  # lower-case attributes
        ('<ShipmentCreationResponse xmlns="http://www.example.org/Response"><ShipmentsList>'
         '<Shipment><StatusList><Status Code="10033" Level="Error" Message="No weight"/>'
         '</StatusList></Shipment></ShipmentsList></ShipmentCreationResponse>', 10033),
        ('<ShipmentCreationResponse xmlns="http://www.example.org/Response"><StatusList>'
         '<Status Code="10014" Level="Warning" Message="Invalid order number."/>'
         '<Status Code="0" Message="Sandbox"/></StatusList></ShipmentCreationResponse>', None),
    ],
)  # fmt: skip
def test_r3_errors_come_with_http_200_at_any_of_three_levels(body, code):
    assert first_error(ET.fromstring(body)) == code
