"""Step 2 of the return wizard, per item: reason, refund or exchange (R7, E1-E5)."""

import reflex as rx

from alme_portal.i18n import translate
from alme_portal.platform.inputs import whole_number
from alme_portal.platform.vocabulary import RefundDestination, Resolution
from alme_portal.returns.rules import returns
from alme_portal.returns.views import return_wizard as wizard
from alme_portal.state.return_draft import ReturnState


class ReturnItemState(ReturnState):
    """The item being resolved: its reason, and a refund or the exchange wanted."""

    @rx.var
    def item_title(self) -> str:
        """``Item 1 of 2``."""
        count = len(self._chosen())
        return translate(self.language, "returns.item_of", index=self.current + 1, count=count)

    @rx.var
    def item(self) -> dict[str, str]:
        """The item being resolved."""
        line = self._line()
        if line is None:
            return {}
        quantity = self.quantities.get(str(line["id"]), 0)
        return {
            "name": line["name"],
            "image": line["image"],
            "details": wizard.line_details(line, self.language)
            + " · "
            + translate(self.language, "order.quantity", quantity=quantity),
        }

    @rx.var
    def reasons(self) -> list[dict[str, str]]:
        """Rule R7: every reason."""
        return wizard.reason_choices(self.language)

    @rx.var
    def is_defect(self) -> bool:
        """Rule R7: whether the chosen reason is a defect."""
        return returns.is_defect(self.reason)

    @rx.var
    def sizes(self) -> list[dict[str, str]]:
        """Rule E3: the other sizes of the item."""
        line = self._line()
        return wizard.size_choices(line, self.language) if line else []

    @rx.var
    def products(self) -> list[dict[str, str]]:
        """Rule E2: the products one can exchange for."""
        return wizard.product_choices(self._products())

    @rx.var
    def colours(self) -> list[dict[str, str]]:
        """The colours of the chosen product, named in her language."""
        return wizard.colour_choices(self._products(), self.wanted_product, self.language)

    @rx.var
    def variants(self) -> list[dict[str, str]]:
        """The sizes and prices of the chosen product and colour."""
        return wizard.variant_choices(
            self._products(), self.wanted_product, self.wanted_colour, self.language
        )

    @rx.var
    def wanted_out_of_stock(self) -> bool:
        """Rule E5: the chosen exchange item is sold out."""
        wanted = self._variant(self.wanted_variant)
        return (
            self.resolution != Resolution.REFUND and wanted is not None and not wanted["in_stock"]
        )

    @rx.var
    def price_difference(self) -> str:
        """Rule E4: what a product exchange costs or gives back."""
        line = self._line()
        if line is None or self.resolution != Resolution.PRODUCT_EXCHANGE:
            return ""
        wanted = self._variant(self.wanted_variant)
        quantity = self.quantities.get(str(line["id"]), 0)
        return wizard.price_difference_text(line, quantity, wanted, self.language)

    @rx.event
    def choose(self, field: str, value: str):
        """Pick a reason, an outcome, a refund method or an exchange item for this item."""
        if not self._ready("resolve") or not isinstance(value, str):
            return
        allowed = {
            "reason": returns.REASONS,
            "resolution": tuple(Resolution),
            "refund_method": tuple(RefundDestination),
        }
        if field in allowed and value in allowed[field]:
            setattr(self, field, value)
            if field == "resolution":
                self.wanted_variant = self.wanted_product = self.wanted_colour = ""
        elif field == "wanted_variant" and whole_number(value) is not None:
            self.wanted_variant = value
        elif field == "wanted_product" and whole_number(value) is not None:
            self.wanted_product, self.wanted_colour, self.wanted_variant = value, "", ""
        elif field == "wanted_colour" and value in [c["value"] for c in self.colours]:
            self.wanted_colour, self.wanted_variant = value, ""
        self.step_error = ""

    @rx.event
    def confirm_item(self):
        """Confirm refund or the exchange of this item, then go to the next one."""
        line = self._line()
        if not self._ready("resolve") or line is None:
            return
        problem = self._item_problem(line)
        if problem:
            self.step_error = problem
            return
        self.choices = {
            **self.choices,
            str(line["id"]): {
                "reason": self.reason,
                "resolution": self.resolution,
                "refund_method": self.refund_method if self.resolution == Resolution.REFUND else "",
                "variant_id": self.wanted_variant if self.resolution != Resolution.REFUND else "",
            },
        }
        self.step_error = ""
        if self.current + 1 < len(self._chosen()):
            self.current += 1
            self._restore_item()
        else:
            self.step = "details"

    def _item_problem(self, line: dict) -> str | None:
        if self.reason not in returns.REASONS:
            return "returns.invalid.reason"
        if self.resolution not in tuple(Resolution):
            return "returns.invalid.resolution"
        if self.resolution == Resolution.REFUND:
            ok = self.refund_method in tuple(RefundDestination)
            return None if ok else "returns.invalid.refund_method"
        wanted = self._variant(self.wanted_variant)
        quantity = self.quantities.get(str(line["id"]), 0)
        return wizard.exchange_check(line, quantity, wanted, self.resolution)

    @rx.event
    def return_instead(self):
        """Rule E5: the wanted size is sold out: refund this item instead."""
        if self._ready("resolve"):
            self.resolution, self.wanted_variant = Resolution.REFUND, ""
            self.step_error = ""
