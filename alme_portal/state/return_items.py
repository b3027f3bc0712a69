"""Step 1 of the return wizard: which items, and how many of each (R2)."""

import dataclasses

import reflex as rx

from alme_portal.platform.inputs import whole_number
from alme_portal.returns.views import return_wizard as wizard
from alme_portal.state.return_draft import ReturnState


@dataclasses.dataclass
class ItemRow:
    """One line of the order on the items step."""

    id: str = ""
    name: str = ""
    image: str = ""
    details: str = ""
    refusal: str = ""
    until: str = ""
    quantities: list[str] = dataclasses.field(default_factory=list)
    chosen: str = "0"


MAX_QUANTITY = 99
"""More units than any order line holds (the feed caps a line at 99)."""


class ReturnItemsState(ReturnState):
    """The order's lines with what can still be returned."""

    @rx.var
    def item_rows(self) -> list[ItemRow]:
        """Every line with its quantity choices or refusal (R2)."""
        rows = wizard.item_rows(self._options(), self.quantities, self.language)
        return [ItemRow(**row) for row in rows]

    @rx.var
    def any_returnable(self) -> bool:
        """Whether anything on the order can be returned today."""
        return any(line["returnable"] for line in self._options()["lines"])

    @rx.var
    def withdrawal_open(self) -> bool:
        """Whether the order is within its EU withdrawal period."""
        return bool(self._options().get("withdrawal_open"))

    @rx.event
    def set_quantity(self, line_id: str, quantity: str):
        """Choose how many of a line to return (0 removes it)."""
        if not self._ready("items") or not isinstance(line_id, str):
            return
        line = next((x for x in self._options()["lines"] if str(x["id"]) == line_id), None)
        count = whole_number(quantity, most=MAX_QUANTITY)
        if line is None or count is None:
            return
        wanted = min(count, line["returnable"])
        self.quantities = {**self.quantities, line_id: wanted}
        self.step_error = ""

    @rx.event
    def items_done(self):
        """Continue from the items: resolve each chosen item in turn."""
        if not self._ready("items"):
            return
        if not self._chosen():
            self.step_error = "returns.items.none"
            return
        self.step, self.current, self.step_error = "resolve", 0, ""
        self._restore_item()
