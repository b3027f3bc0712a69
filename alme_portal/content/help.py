"""The help page's topics, in the portal's own words, in English and French.

Every number in the text is read from `settings` when the topics are built, so the help always
says what the portal does. French text is written with plain spaces; `_french` adds the
no-break spaces French typography wants (before ``: ; ? ! »``, after ``«``, between a number
and its unit).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from alme_portal.platform import settings
from alme_portal.platform.money import NBSP, format_cents

_DAYS_PER_YEAR = 365
_COUNTRY_NAMES = {"FR": ("France", "France"), "BE": ("Belgium", "Belgique")}
_FRENCH_UNITS = r"(?:jours?|heures?|h|mois|ans?|fois|loves|destinations|derniers)\b"
_FRENCH_SPACES = re.compile(rf" (?=[:;?!»])|(?<=«) |(?<=\d) (?={_FRENCH_UNITS})|(?<=\d h) (?=\d)")


@dataclass(frozen=True)
class HelpTopic:
    """One question of the help page and its answer, in both languages."""

    id: str
    section: str
    rule_ids: tuple[str, ...]
    title: dict[str, str]
    body: dict[str, str]

    def __hash__(self) -> int:
        # The generated hash would fail on the dict fields; ids are unique.
        return hash(self.id)


SECTION_TITLES = {
    "orders": {"en": "Orders and payment", "fr": "Commandes et paiement"},
    "delivery": {"en": "Delivery and tracking", "fr": "Livraison et suivi"},
    "returns": {"en": "Returns and refunds", "fr": "Retours et remboursements"},
    "exchanges": {"en": "Exchanges", "fr": "Échanges"},
    "loyalty": {"en": "Almé Lovers", "fr": "Almé Lovers"},
    "referral": {"en": "Refer a friend", "fr": "Parrainage"},
    "contact": {"en": "Contact", "fr": "Contact"},
}


def _french(text: str) -> str:
    return _FRENCH_SPACES.sub(NBSP, text)


def _topic(
    topic_id: str,
    section: str,
    rule_ids: tuple[str, ...],
    *,
    title: tuple[str, str],
    body: tuple[str, str],
) -> HelpTopic:
    """Build a topic from its English and French (title, body)."""
    return HelpTopic(
        id=topic_id,
        section=section,
        rule_ids=rule_ids,
        title={"en": title[0], "fr": _french(title[1])},
        body={"en": body[0], "fr": _french(body[1])},
    )


def _join(items: Iterable[str], last_word: str) -> str:
    """``a, b and c``: the items in a sentence, `last_word` before the last one."""
    items = list(items)
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} {last_word} {items[-1]}"


def _span(pair: tuple[int, int], language: str) -> str:
    """``2–3`` in English, ``2 à 3`` in French."""
    return f"{pair[0]}–{pair[1]}" if language == "en" else f"{pair[0]} à {pair[1]}"


def _validity(days: int, language: str) -> str:
    """A validity in whole years when it is one (``1 year``, ``1 an``), else in days."""
    years, rest = divmod(days, _DAYS_PER_YEAR)
    if rest or not years:
        return f"{days} days" if language == "en" else f"{days} jours"
    if language == "en":
        return f"{years} year" if years == 1 else f"{years} years"
    return f"{years} an" if years == 1 else f"{years} ans"


def _countries(codes: Iterable[str], language: str) -> str:
    index = 0 if language == "en" else 1
    names = [_COUNTRY_NAMES.get(code, (code, code))[index] for code in codes]
    return _join(names, "and" if language == "en" else "et")


def _numbered(steps: list[str]) -> str:
    return "\n".join(f"{number}. {step}" for number, step in enumerate(steps, start=1))


def _order_topics() -> list[HelpTopic]:
    deferred_en = _join(map(str, settings.DEFERRED_PAYMENT_DAYS), "or")
    deferred_fr = _join(map(str, settings.DEFERRED_PAYMENT_DAYS), "ou")
    contact_en = f"{settings.CONTACT_EMAIL} or {settings.CONTACT_PHONE}"
    contact_fr = f"{settings.CONTACT_EMAIL} ou au {settings.CONTACT_PHONE}"
    return [
        _topic(
            "modify-cancel",
            "orders",
            ("O1", "O2"),
            title=("Changing or cancelling an order", "Modifier ou annuler une commande"),
            body=(
                "As long as no part of your order has left our warehouse, you can ask us from "
                "its page to change a size, a colour or the delivery place, or to cancel the "
                "order. We record your request at once but cannot promise it: the parcel may "
                "leave in the meantime. Once something has shipped, it can no longer be changed; "
                "return the items instead.\n\n"
                'Your order shows "Cancelled", or the confirmation e-mail never came? Contact us '
                f"at {contact_en} and we will look into it.",
                "Tant qu'aucune partie de votre commande n'a quitté notre entrepôt, vous pouvez "
                "nous demander depuis sa page de changer une taille, une couleur ou le lieu de "
                "livraison, ou d'annuler la commande. Nous enregistrons votre demande aussitôt, "
                "sans pouvoir la garantir : le colis peut partir entre-temps. Dès qu'un article "
                "est expédié, il ne peut plus être modifié ; retournez-le plutôt.\n\n"
                "Votre commande indique « Annulée », ou l'e-mail de confirmation n'est jamais "
                f"arrivé ? Contactez-nous à {contact_fr}, nous regardons ce qui s'est passé.",
            ),
        ),
        _topic(
            "payment-methods",
            "orders",
            ("O10",),
            title=("How you can pay", "Moyens de paiement"),
            body=(
                f"Card (Visa, Mastercard), payment in {settings.INSTALMENT_COUNT} instalments, "
                f"deferred payment at {deferred_en} days, PayPal, e-gift card or credit note. A "
                "gift card can be combined with one other method.\n\n"
                "You are charged when you place the order, not when it ships. With deferred "
                "payment, the items you send back in time are never charged.",
                f"Carte bancaire (Visa, Mastercard), paiement en {settings.INSTALMENT_COUNT} "
                f"fois, paiement différé à {deferred_fr} jours, PayPal, e-carte cadeau ou avoir. "
                "Une carte cadeau peut se combiner avec un autre moyen de paiement.\n\n"
                "Le paiement est pris à la commande, pas à l'expédition. En paiement différé, "
                "les articles renvoyés à temps ne sont jamais débités.",
            ),
        ),
        _topic(
            "discount-codes",
            "orders",
            ("O11",),
            title=("Discount codes", "Codes de réduction"),
            body=(
                'Enter your code in the "Discount code or gift card" field at checkout. Codes '
                "are exact: no spaces, capital and small letters exactly as written. If a code "
                "is refused, check its conditions: validity dates, items concerned and minimum "
                "purchase.",
                "Saisissez votre code dans le champ « Code de réduction ou carte cadeau » au "
                "moment de payer. Les codes sont exacts : sans espace, majuscules et minuscules "
                "comprises. Si un code est refusé, vérifiez ses conditions : dates de validité, "
                "articles concernés et montant minimum d'achat.",
            ),
        ),
    ]


def _delivery_topics() -> list[HelpTopic]:
    colissimo = settings.COLISSIMO_DELIVERY_WORKING_DAYS
    relay = settings.MONDIAL_RELAY_DELIVERY_WORKING_DAYS
    relay_en = _countries(settings.MONDIAL_RELAY_COUNTRIES, "en")
    relay_fr = _countries(settings.MONDIAL_RELAY_COUNTRIES, "fr")
    chrono_en = _countries(settings.CHRONOPOST_COUNTRIES, "en")
    chrono_fr = _countries(settings.CHRONOPOST_COUNTRIES, "fr")
    cutoff = settings.CHRONOPOST_CUTOFF_HOUR
    promise = settings.CHRONOPOST_PROMISE_HOURS
    return [
        _topic(
            "delivery-times",
            "delivery",
            ("O3", "O4"),
            title=("Dispatch and delivery times", "Délais d'expédition et de livraison"),
            body=(
                "In-stock items leave our warehouse within "
                f"{settings.DISPATCH_WITHIN_WORKING_HOURS} working hours. Pre-order items leave "
                "on the date shown on their product sheet; an order mixing pre-orders of "
                "different dates comes in several parcels, each with its own carrier, tracking "
                "number and dates.\n\n"
                "In working days from dispatch (Monday to Friday, public holidays excluded):\n"
                f"• Colissimo, home delivery: {_span(colissimo, 'en')} working days, to "
                f"{settings.COLISSIMO_DESTINATION_COUNT} destinations.\n"
                f"• Mondial Relay, relay point: {_span(relay, 'en')} working days, {relay_en} "
                "only.\n"
                f"• Chronopost, home delivery: within {promise} hours for orders placed before "
                f"{cutoff}:00 Paris time, {chrono_en} only; placed later, count one more working "
                "day.",
                "Les articles en stock quittent notre entrepôt sous "
                f"{settings.DISPATCH_WITHIN_WORKING_HOURS} heures ouvrées. Les articles en "
                "précommande partent à la date indiquée sur leur fiche produit ; une commande qui "
                "mêle des précommandes de dates différentes arrive en plusieurs colis, chacun "
                "avec son transporteur, son numéro de suivi et ses dates.\n\n"
                "En jours ouvrés à compter de l'expédition (du lundi au vendredi, hors jours "
                "fériés) :\n"
                f"• Colissimo, à domicile : {_span(colissimo, 'fr')} jours ouvrés, vers "
                f"{settings.COLISSIMO_DESTINATION_COUNT} destinations.\n"
                f"• Mondial Relay, en point relais : {_span(relay, 'fr')} jours ouvrés, "
                f"{relay_fr} uniquement.\n"
                f"• Chronopost, à domicile : sous {promise} heures pour toute commande passée "
                f"avant {cutoff} h (heure de Paris), {chrono_fr} uniquement ; passée plus tard, "
                "comptez un jour ouvré de plus.",
            ),
        ),
        _topic(
            "customs",
            "delivery",
            ("O5",),
            title=("Customs fees outside the EU", "Frais de douane hors Union européenne"),
            body=(
                "For a delivery outside the European Union, customs duties and taxes may be "
                "payable when you collect your parcel, under the carrier's terms and French tax "
                "law. Your order page reminds you of it for such destinations.",
                "Pour une livraison hors de l'Union européenne, des droits de douane et taxes "
                "peuvent être à régler au retrait du colis, selon les conditions du transporteur "
                "et la loi fiscale française. La page de votre commande vous le rappelle pour "
                "ces destinations.",
            ),
        ),
        _topic(
            "tracking",
            "delivery",
            ("O6", "O7"),
            title=("Tracking your parcel", "Suivre votre colis"),
            body=(
                "When a parcel leaves our warehouse, we e-mail you its tracking number and link; "
                "if you cannot find that e-mail, look in your spam folder. You can also follow "
                "every parcel in this portal with your order number and e-mail, or in your order "
                "history if you have an account.\n\n"
                "Tracking may take a while to update after the parcel has left us. If it stops "
                "updating, contact the carrier directly: they know where the parcel is.",
                "Quand un colis quitte notre entrepôt, nous vous envoyons par e-mail son numéro "
                "et son lien de suivi ; si vous ne le trouvez pas, regardez dans vos spams. Vous "
                "pouvez aussi suivre chaque colis sur ce portail avec votre numéro de commande et "
                "votre e-mail, ou dans l'historique de vos commandes si vous avez un compte.\n\n"
                "Le suivi peut mettre un peu de temps à s'actualiser après le départ du colis. "
                "S'il ne bouge plus, contactez directement le transporteur : c'est lui qui sait "
                "où se trouve le colis.",
            ),
        ),
        _topic(
            "not-received",
            "delivery",
            ("O8",),
            title=("Marked as delivered, but not received", "Indiqué livré, mais pas reçu"),
            body=(
                "The carrier may have left your parcel with a neighbour, the caretaker or "
                "concierge, or at your post office: ask around and check there first. Still "
                f"nothing? Write to {settings.CONTACT_EMAIL} and we will help you.",
                "Le transporteur a pu confier votre colis à un voisin, au gardien ou à la "
                "concierge, ou le déposer à votre bureau de poste : renseignez-vous d'abord de "
                f"ce côté. Toujours rien ? Écrivez-nous à {settings.CONTACT_EMAIL}, nous vous "
                "aidons.",
            ),
        ),
        _topic(
            "returned-to-atelier",
            "delivery",
            ("O9",),
            title=("A parcel sent back to us", "Un colis revenu à l'Atelier"),
            body=(
                "If your parcel comes back to our Atelier (not collected, address problem), we "
                "cannot send it out again. It is refunded automatically within "
                f"{settings.O9_REFUND_WORKING_DAYS} working days of reaching us: you have "
                "nothing to do.",
                "Si votre colis revient à notre Atelier (non retiré, problème d'adresse), nous "
                "ne pouvons pas le réexpédier. Il est remboursé automatiquement sous "
                f"{settings.O9_REFUND_WORKING_DAYS} jours ouvrés après son retour : vous n'avez "
                "rien à faire.",
            ),
        ),
    ]


def _return_steps() -> tuple[str, str]:
    english = [
        'Enter your order number and the order\'s e-mail, then "Find my order".',
        "Select an item to return. Several items? You can add the others later on.",
        "Choose the reason for the return.",
        "Choose how you want to be refunded, credit note or original payment method, then "
        '"Confirm refund".',
        'Check your details, then "Continue".',
        'Click "Confirm my return".',
        '"Download your return label"; we also send it by e-mail.',
    ]
    french = [
        "Saisissez votre numéro de commande et l'e-mail de la commande, puis « Trouver ma "
        "commande ».",
        "Sélectionnez un article à retourner. Plusieurs articles ? Vous pourrez ajouter les "
        "autres ensuite.",
        "Choisissez le motif du retour.",
        "Choisissez votre mode de remboursement, avoir ou moyen de paiement d'origine, puis "
        "« Confirmer le remboursement ».",
        "Vérifiez vos informations, puis « Continuer ».",
        "Cliquez sur « Confirmer mon retour ».",
        "« Téléchargez votre étiquette retour » ; nous vous l'envoyons aussi par e-mail.",
    ]
    return _numbered(english), _numbered(french)


def _return_topics() -> list[HelpTopic]:
    credit_note_en = _validity(settings.CREDIT_NOTE_VALIDITY_DAYS, "en")
    credit_note_fr = _validity(settings.CREDIT_NOTE_VALIDITY_DAYS, "fr")
    deferred_en = _join(map(str, settings.DEFERRED_PAYMENT_DAYS), "or")
    deferred_fr = _join(map(str, settings.DEFERRED_PAYMENT_DAYS), "ou")
    instalments = settings.INSTALMENT_COUNT
    refund_days = settings.REFUND_VISIBLE_WORKING_DAYS
    cap = settings.SELF_SHIP_REIMBURSEMENT_CAP_CENTS
    return [
        _topic(
            "declare-return",
            "returns",
            ("R1",),
            title=("Declaring a return, step by step", "Déclarer un retour, étape par étape"),
            body=_return_steps(),
        ),
        _topic(
            "return-window",
            "returns",
            ("R2",),
            title=("How long you have to return an item", "Le délai pour retourner un article"),
            body=(
                f"You have {settings.RETURN_WINDOW_DAYS} days from receiving an item to declare "
                "its return. The count starts on the delivery date of the parcel it came in, so "
                "items delivered in separate parcels can have different deadlines.",
                f"Vous avez {settings.RETURN_WINDOW_DAYS} jours à compter de la réception d'un "
                "article pour déclarer son retour. Le délai part de la date de livraison du colis "
                "qui le contenait : des articles livrés dans des colis différents peuvent donc "
                "avoir des dates limites différentes.",
            ),
        ),
        _topic(
            "return-label",
            "returns",
            ("R3",),
            title=("Your prepaid return label", "Votre étiquette retour prépayée"),
            body=(
                "The return label is prepaid: sending your parcel from a Mondial Relay point "
                "costs you nothing. You can download it for "
                f"{settings.LABEL_VALIDITY_DAYS} days after declaring the return, and we also "
                "send it by e-mail. Print it, stick it over the old label (or remove the old one "
                "so that the wrong code is not scanned), slip the recipient card inside and drop "
                "the parcel at a Mondial Relay point.",
                "L'étiquette retour est prépayée : l'envoi depuis un point Mondial Relay ne vous "
                f"coûte rien. Elle reste téléchargeable {settings.LABEL_VALIDITY_DAYS} jours "
                "après la déclaration du retour, et nous vous l'envoyons aussi par e-mail. "
                "Imprimez-la, collez-la sur l'ancienne étiquette (ou retirez celle-ci pour "
                "qu'un mauvais code ne soit pas scanné), glissez la carte destinataire dans le "
                "colis et déposez-le dans un point Mondial Relay.",
            ),
        ),
        _topic(
            "store-drop-off",
            "returns",
            ("R4",),
            title=("Returning in one of our salons", "Retourner dans l'un de nos salons"),
            body=(
                'Prefer to bring it in? When you choose the return method, pick "Drop off my '
                'return in store", then the salon that suits you.',
                "Vous préférez passer nous voir ? Au moment de choisir le mode de retour, "
                "sélectionnez « Déposer mon retour en boutique », puis le salon de votre choix.",
            ),
        ),
        _topic(
            "return-from-abroad",
            "returns",
            ("R5",),
            title=("Returning from abroad", "Retourner depuis l'étranger"),
            body=(
                "Mondial Relay collects returns in "
                f"{_countries(settings.MONDIAL_RELAY_COUNTRIES, 'en')}. From any other country, "
                "send the parcel with the carrier of your choice at your own cost: we reimburse "
                f"the shipping up to {format_cents(cap, 'en')}.",
                "Mondial Relay récupère les retours en "
                f"{_countries(settings.MONDIAL_RELAY_COUNTRIES, 'fr')}. Depuis un autre pays, "
                "envoyez le colis avec le transporteur de votre choix, à vos frais : nous vous "
                "remboursons l'envoi jusqu'à "
                f"{format_cents(cap, 'fr')}.",
            ),
        ),
        _topic(
            "inspection",
            "returns",
            ("R6",),
            title=("How we inspect returns", "Le contrôle des retours"),
            body=(
                "Every return is checked when it reaches us. We may refuse an item:\n"
                "• without its original labels;\n"
                "• stained or faded by washing;\n"
                "• with an unpleasant smell or a smell of detergent;\n"
                "• torn or damaged;\n"
                "• that is not an ALME piece;\n"
                "• showing wear from use;\n"
                "• shoes whose protective adhesive sole was removed, or sent back without their "
                "shoe box and dust bag.\n\n"
                "Noticed a defect when your parcel arrived? Tell us within "
                f"{settings.DEFECT_REPORT_HOURS} hours of receiving it.",
                "Chaque retour est contrôlé à son arrivée. Nous pouvons refuser un article :\n"
                "• sans ses étiquettes d'origine ;\n"
                "• taché ou délavé ;\n"
                "• qui sent mauvais ou la lessive ;\n"
                "• déchiré ou abîmé ;\n"
                "• qui n'est pas une pièce ALME ;\n"
                "• usé par le port ;\n"
                "• des chaussures dont la semelle adhésive de protection a été retirée, ou "
                "renvoyées sans leur boîte et leur pochon.\n\n"
                "Un défaut constaté à la réception ? Signalez-le-nous dans les "
                f"{settings.DEFECT_REPORT_HOURS} heures qui suivent.",
            ),
        ),
        _topic(
            "defects",
            "returns",
            ("R7",),
            title=("A defective or wrong item", "Un article défectueux ou erroné"),
            body=(
                "We are sorry! Declare a return and choose the reason that fits: damaged or "
                "defective, poor quality, arrived crumpled, or item received incorrectly if it "
                "is not what you ordered. We set these items aside to examine them and follow up "
                "with our suppliers.",
                "Toutes nos excuses ! Déclarez un retour en choisissant le motif qui convient : "
                "abîmé ou défectueux, qualité insuffisante, arrivé froissé, ou article reçu par "
                "erreur s'il ne correspond pas à votre commande. Nous isolons ces articles pour "
                "les examiner et agir auprès de nos fournisseurs.",
            ),
        ),
        _topic(
            "refund-timing",
            "returns",
            ("R8",),
            title=("When you are refunded", "Quand vous êtes remboursée"),
            body=(
                "Either way, the refund is issued as soon as your return has arrived and been "
                "inspected.\n"
                "• Credit note: we e-mail you its code. It is valid for "
                f"{credit_note_en} and can be used over several orders until it is spent, in "
                'the "Discount code or gift card" field.\n'
                "• Original payment method: the refund shows on your account within "
                f"{_span(refund_days, 'en')} working days.",
                "Dans les deux cas, le remboursement est émis dès que votre retour est arrivé et "
                "a été contrôlé.\n"
                f"• Avoir : nous vous envoyons son code par e-mail. Il est valable "
                f"{credit_note_fr} et s'utilise en plusieurs fois jusqu'à épuisement, dans le "
                "champ « Code de réduction ou carte cadeau ».\n"
                "• Moyen de paiement d'origine : le remboursement apparaît sur votre compte sous "
                f"{_span(refund_days, 'fr')} jours ouvrés.",
            ),
        ),
        _topic(
            "gift-card-refunds",
            "returns",
            ("R9", "R10"),
            title=("Orders paid with a gift card", "Commandes payées par carte cadeau"),
            body=(
                "Paid entirely with a gift card: if you choose a credit note, you receive a new "
                f"gift card, valid for {credit_note_en}, at the order's e-mail address; if you "
                "choose the original payment method, the amount goes back onto the gift card "
                "you used.\n\n"
                "Paid with a gift card and another method: the gift card is credited first, up "
                "to what it paid, and the rest goes back to the other method (your bank card, "
                "for example). No new gift card is created.",
                "Commande payée entièrement par carte cadeau : si vous choisissez un avoir, vous "
                f"recevez une nouvelle carte cadeau, valable {credit_note_fr}, à l'adresse "
                "e-mail de la commande ; si vous choisissez le moyen de paiement d'origine, le "
                "montant est recrédité sur la carte cadeau utilisée.\n\n"
                "Carte cadeau et autre moyen de paiement : la carte cadeau est recréditée en "
                "premier, à hauteur de ce qu'elle a payé, et le reste revient sur l'autre moyen "
                "(votre carte bancaire, par exemple). Aucune nouvelle carte cadeau n'est créée.",
            ),
        ),
        _topic(
            "instalment-refunds",
            "returns",
            ("R11",),
            title=(
                f"Refunds on a payment in {instalments} instalments",
                f"Remboursement d'un paiement en {instalments} fois",
            ),
            body=(
                "If the refund is more than you still owe, the remaining instalments are "
                "cancelled and the difference is paid back to you. If it is less, the remaining "
                "instalments are reduced. A full refund cancels the instalments to come and pays "
                "back those already taken.",
                "Si le remboursement dépasse ce qu'il vous reste à payer, les échéances restantes "
                "sont annulées et la différence vous est reversée. S'il est inférieur, les "
                "échéances restantes sont réduites d'autant. Un remboursement total annule les "
                "échéances à venir et rembourse celles déjà prélevées.",
            ),
        ),
        _topic(
            "deferred-refunds",
            "returns",
            ("R12",),
            title=("Returns with deferred payment", "Retours en paiement différé"),
            body=(
                f"With deferred payment at {deferred_en} days, a return that reaches us before "
                "the deadline is simply never charged. If it arrives after the deadline, once "
                "you have been charged, we credit the amount back to you.",
                f"En paiement différé à {deferred_fr} jours, un retour qui nous parvient avant "
                "l'échéance n'est tout simplement jamais débité. S'il arrive après, une fois le "
                "prélèvement effectué, nous vous recréditons le montant.",
            ),
        ),
        _topic(
            "exchange-order-returns",
            "returns",
            ("R13",),
            title=("Returning an exchange order", "Retourner une commande d'échange"),
            body=(
                "An exchange order can be returned like any other order, with the same steps "
                "and the same deadline.",
                "Une commande d'échange se retourne comme n'importe quelle commande, avec les "
                "mêmes étapes et le même délai.",
            ),
        ),
    ]


def _exchange_topics() -> list[HelpTopic]:
    return [
        _topic(
            "exchange-how",
            "exchanges",
            ("E1", "E2"),
            title=(
                "Exchanging for another size or another product",
                "Échanger contre une autre taille ou un autre produit",
            ),
            body=(
                "Declare it like a return and, instead of a refund, choose:\n"
                '• "Exchange the item" for the same piece in another size;\n'
                '• "Exchange the item for another product" for a different piece.\n'
                "Another colour of the same piece counts as a product exchange.",
                "Déclarez-le comme un retour et, au lieu d'un remboursement, choisissez :\n"
                "• « Échanger l'article » pour la même pièce dans une autre taille ;\n"
                "• « Échanger l'article contre un autre produit » pour une autre pièce.\n"
                "Une autre couleur de la même pièce compte comme un échange de produit.",
            ),
        ),
        _topic(
            "exchange-price",
            "exchanges",
            ("E3", "E4"),
            title=("Price differences on an exchange", "Les différences de prix à l'échange"),
            body=(
                "Size exchange: the price you paid stands. No supplement if the piece has gone "
                "up since, no refund if it has gone down.\n"
                "Product exchange: if the new piece costs more, you pay the difference; if it "
                "costs less, we refund the difference.",
                "Échange de taille : le prix payé fait foi. Aucun supplément si la pièce a "
                "augmenté depuis, aucun remboursement si elle a baissé.\n"
                "Échange de produit : si la nouvelle pièce coûte plus cher, vous réglez la "
                "différence ; si elle coûte moins cher, nous vous remboursons la différence.",
            ),
        ),
        _topic(
            "exchange-unavailable",
            "exchanges",
            ("E5", "E8"),
            title=("The size you want is sold out", "La taille souhaitée est épuisée"),
            body=(
                "If the piece you want is no longer available, the exchange cannot go ahead: "
                "return your item for a refund instead. You can also be told when it is back: "
                'on the product page, select the size, click "CREATE ALERT" and enter your '
                "e-mail. We write to you as soon as the size is back in stock.",
                "Si la pièce souhaitée n'est plus disponible, l'échange n'est pas possible : "
                "retournez plutôt votre article pour être remboursée. Vous pouvez aussi être "
                "prévenue de son retour : sur la fiche produit, choisissez la taille, cliquez sur "
                "« CRÉER UNE ALERTE » et saisissez votre e-mail. Nous vous écrivons dès que la "
                "taille est de nouveau en stock.",
            ),
        ),
        _topic(
            "exchange-shipping",
            "exchanges",
            ("E6", "E7"),
            title=("Delivery of your exchange", "La livraison de votre échange"),
            body=(
                "Shipping the exchange order is on us. It uses the same method and destination "
                "as your original order: the same relay point, or the same address. To change "
                "the address, contact customer service.\n\n"
                "The exchange order leaves once your return has been received, on average "
                f"{settings.EXCHANGE_RETURN_PROCESSING_DAYS} days after you drop it off. Allow "
                f"{_span(settings.EXCHANGE_DELIVERY_WORKING_DAYS, 'en')} working days in all "
                "(pre-order pieces can take longer). You can follow it in this portal like any "
                "order.",
                "La livraison de la commande d'échange est offerte. Elle utilise le même mode et "
                "la même destination que votre commande d'origine : même point relais ou même "
                "adresse. Pour changer d'adresse, contactez le service client.\n\n"
                "La commande d'échange part dès réception de votre retour, en moyenne "
                f"{settings.EXCHANGE_RETURN_PROCESSING_DAYS} jours après son dépôt. Comptez "
                f"{_span(settings.EXCHANGE_DELIVERY_WORKING_DAYS, 'fr')} jours ouvrés au total "
                "(les pièces en précommande peuvent demander plus de temps). Vous la suivez sur "
                "ce portail comme toute commande.",
            ),
        ),
    ]


def _tier_lines(language: str) -> str:
    lines = []
    for tier_id, threshold in settings.TIER_THRESHOLDS_CENTS:
        name = tier_id.replace("_", " ").title()
        if language == "en":
            since = (
                f"from {format_cents(threshold, 'en')}" if threshold else "from account creation"
            )
            lines.append(f"• {name}: {since}")
        else:
            since = (
                f"dès {format_cents(threshold, 'fr')}" if threshold else "dès la création du compte"
            )
            lines.append(f"• {name} : {since}")
    return (";\n" if language == "en" else " ;\n").join(lines) + ".\n"


def _loyalty_topics() -> list[HelpTopic]:
    pending = settings.LOVES_PENDING_DAYS
    return [
        _topic(
            "loves-earning",
            "loyalty",
            ("L1", "L3", "L8"),
            title=(
                "Joining Almé Lovers and earning loves",
                "Rejoindre Almé Lovers et gagner des loves",
            ),
            body=(
                "Every Almé account is a member: joining is as simple as creating a free "
                f"account. You earn {settings.LOVES_PER_EURO} loves for every euro you spend, "
                "online when you are logged in as you order, or in our salons. There is no cap."
                f"\n\nLoves from a purchase stay pending for {pending} calendar days, then they "
                "are credited to your balance.",
                "Chaque compte Almé est membre : il suffit de créer un compte gratuit. Vous "
                f"gagnez {settings.LOVES_PER_EURO} loves par euro dépensé, en ligne si vous êtes "
                "connectée au moment de commander, ou dans nos salons. Sans aucun plafond.\n\n"
                f"Les loves d'un achat restent en attente pendant {pending} jours calendaires, "
                "puis ils s'ajoutent à votre solde.",
            ),
        ),
        _topic(
            "loves-missions",
            "loyalty",
            ("L2",),
            title=("Missions", "Les missions"),
            body=(
                "Missions earn extra loves, once each: follow us on Instagram, add your "
                "birthday, subscribe to the newsletter... New missions appear over time; find "
                'them under "Earn loves" in your dashboard.',
                "Les missions rapportent des loves en plus, une fois chacune : nous suivre sur "
                "Instagram, ajouter votre anniversaire, vous inscrire à la newsletter... De "
                "nouvelles missions arrivent régulièrement ; retrouvez-les dans « Gagner des "
                "loves » sur votre tableau de bord.",
            ),
        ),
        _topic(
            "loves-claim",
            "loyalty",
            ("L9",),
            title=("An order that earned no loves", "Une commande qui n'a rien rapporté"),
            body=(
                "Loves are earned when you are logged in as you order, with your account's "
                "e-mail. If you ordered logged out or with another e-mail, ask from your "
                "dashboard for the order to be counted: we check it against the order's e-mail "
                "and add the loves.",
                "Les loves se gagnent en étant connectée au moment de commander, avec l'e-mail "
                "de votre compte. Si vous avez commandé sans être connectée ou avec un autre "
                "e-mail, demandez depuis votre tableau de bord que la commande soit comptée : "
                "nous la vérifions avec l'e-mail de la commande et ajoutons les loves.",
            ),
        ),
        _topic(
            "loves-returns",
            "loyalty",
            ("L4", "L6"),
            title=("Loves, vouchers and returns", "Loves, bons et retours"),
            body=(
                f"An order returned in full within {pending} days earns no loves: its pending "
                "loves are cancelled. A partial return reduces them in proportion to the amount "
                "refunded.\n\n"
                "If you return part of an order paid partly with a loyalty voucher, the voucher "
                "is not given back and no credit note replaces it. A full return refunds "
                "everything you actually paid, after the discount.",
                f"Une commande retournée en totalité sous {pending} jours ne rapporte aucun "
                "love : ses loves en attente sont annulés. Un retour partiel les réduit en "
                "proportion du montant remboursé.\n\n"
                "Si vous retournez une partie d'une commande payée en partie avec un bon "
                "fidélité, le bon n'est pas rendu et aucun avoir ne le remplace. Un retour total "
                "rembourse tout ce que vous avez réellement payé, remise déduite.",
            ),
        ),
        _topic(
            "loves-rewards",
            "loyalty",
            ("L5", "L11"),
            title=("Rewards and loyalty vouchers", "Récompenses et bons fidélité"),
            body=(
                "Exchange your loves for a loyalty voucher from your dashboard. A voucher is "
                f"valid for {settings.VOUCHER_VALIDITY_MONTHS} months, needs no minimum "
                "purchase and works once per order. It cannot be combined with a discount code, "
                "but it can with a gift card (they have separate fields).\n\n"
                "Your dashboard shows your balance, pending loves, available rewards and all the "
                "tiers, yours highlighted with its benefits.",
                "Échangez vos loves contre un bon fidélité depuis votre tableau de bord. Un bon "
                f"est valable {settings.VOUCHER_VALIDITY_MONTHS} mois, sans minimum d'achat, à "
                "raison d'un par commande. Il ne se cumule pas avec un code de réduction, mais "
                "bien avec une carte cadeau (ce sont deux champs distincts).\n\n"
                "Votre tableau de bord affiche votre solde, vos loves en attente, vos "
                "récompenses disponibles et tous les paliers, le vôtre mis en avant avec ses "
                "avantages.",
            ),
        ),
        _topic(
            "tiers",
            "loyalty",
            ("L7",),
            title=("The tiers", "Les paliers"),
            body=(
                "Your tier depends on what you spent over the last "
                f"{settings.TIER_WINDOW_MONTHS} months:\n{_tier_lines('en')}"
                "Crossing a threshold brings a welcome e-mail with a surprise, and you keep the "
                f"tier for {settings.TIER_HOLD_MONTHS} months from the day you reached it.",
                "Votre palier dépend de vos achats des "
                f"{settings.TIER_WINDOW_MONTHS} derniers mois :\n{_tier_lines('fr')}"
                "Franchir un seuil vous vaut un e-mail de bienvenue avec une surprise, et vous "
                f"gardez ce palier {settings.TIER_HOLD_MONTHS} mois à partir du jour où vous "
                "l'avez atteint.",
            ),
        ),
        _topic(
            "leave-program",
            "loyalty",
            ("L10",),
            title=("Leaving Almé Lovers", "Quitter Almé Lovers"),
            body=(
                "You can leave the programme from your dashboard, after confirming. Leaving is "
                "final: all your loves and rewards are cancelled and cannot be restored.",
                "Vous pouvez quitter le programme depuis votre tableau de bord, après "
                "confirmation. C'est définitif : tous vos loves et récompenses sont annulés, "
                "sans retour possible.",
            ),
        ),
    ]


def _referral_topics() -> list[HelpTopic]:
    amount_en = format_cents(settings.REFERRAL_AMOUNT_CENTS, "en")
    amount_fr = format_cents(settings.REFERRAL_AMOUNT_CENTS, "fr")
    return [
        _topic(
            "referral",
            "referral",
            ("F1", "F3", "F4"),
            title=(
                f"{amount_en} for you, {amount_en} for your friend",
                f"{amount_fr} pour vous, {amount_fr} pour votre amie",
            ),
            body=(
                "Log in and share your referral link with a friend, by e-mail or as a link. She "
                f"gets a {amount_en} code for her first Almé order, valid "
                f"{settings.REFERRAL_FRIEND_CODE_DAYS} days. As soon as she places that order, "
                f"you receive a {amount_en} voucher, valid {settings.REFERRAL_MEMBER_VOUCHER_DAYS}"
                " days, and an e-mail telling you so. One voucher for every friend who orders.",
                "Connectez-vous et partagez votre lien de parrainage avec une amie, par e-mail "
                f"ou par lien. Elle reçoit un code de {amount_fr} pour sa première commande "
                f"Almé, valable {settings.REFERRAL_FRIEND_CODE_DAYS} jours. Dès qu'elle passe "
                f"cette commande, vous recevez un bon de {amount_fr}, valable "
                f"{settings.REFERRAL_MEMBER_VOUCHER_DAYS} jours, et un e-mail pour vous le dire. "
                "Un bon par amie qui commande.",
            ),
        ),
        _topic(
            "referral-conditions",
            "referral",
            ("F2", "F5"),
            title=("When a referral does not count", "Quand un parrainage ne compte pas"),
            body=(
                "It must be your friend's first Almé order, and she must order with the same "
                "e-mail address you invited. Most missed referrals come from a typo in that "
                "address: check the addresses you invited on your referral page and correct any "
                "mistake.",
                "Il doit s'agir de la première commande Almé de votre amie, passée avec "
                "l'adresse e-mail que vous avez invitée. La plupart des parrainages manqués "
                "viennent d'une faute de frappe dans cette adresse : vérifiez les adresses "
                "invitées sur votre page de parrainage et corrigez toute erreur.",
            ),
        ),
    ]


def _opening_hours(language: str) -> str:
    """``9:00–12:30 and 13:30–17:00`` / ``de 9 h à 12 h 30 et de 13 h 30 à 17 h``."""
    if language == "en":
        spans = [f"{a}:{b:02d}–{c}:{d:02d}" for a, b, c, d in settings.CONTACT_HOURS]
        return _join(spans, "and")

    def french_time(hour: int, minute: int) -> str:
        return f"{hour} h {minute:02d}" if minute else f"{hour} h"

    spans = [
        f"de {french_time(a, b)} à {french_time(c, d)}" for a, b, c, d in settings.CONTACT_HOURS
    ]
    return _join(spans, "et")


def _contact_topics() -> list[HelpTopic]:
    phone, phone_abroad = settings.CONTACT_PHONE, settings.CONTACT_PHONE_E164
    domains = [f"@{domain}" for domain in settings.UNREACHABLE_EMAIL_DOMAINS]
    return [
        _topic(
            "contact",
            "contact",
            ("C1",),
            title=("Contacting us", "Nous contacter"),
            body=(
                f"E-mail {settings.CONTACT_EMAIL} or call {phone} (from abroad: "
                f"{phone_abroad}). The team answers Monday to Friday, {_opening_hours('en')}, "
                "Paris time, except on public holidays.",
                f"Écrivez-nous à {settings.CONTACT_EMAIL} ou appelez le {phone} (depuis "
                f"l'étranger : {phone_abroad}). L'équipe vous répond du lundi au vendredi, "
                f"{_opening_hours('fr')}, heure de Paris, hors jours fériés.",
            ),
        ),
        _topic(
            "orange-wanadoo",
            "contact",
            ("C2",),
            title=(
                f"E-mail addresses {_join(domains, 'and')}",
                f"Adresses e-mail {_join(domains, 'et')}",
            ),
            body=(
                f"Addresses ending in {_join(domains, 'or')} do not receive our e-mails at the "
                "moment: no order confirmation, no return label, no reply from customer service. "
                "We are working on it, and your orders are still processed normally. If you "
                "can, use another address; otherwise check your junk folder and call us on "
                f"{phone} whenever you need us.",
                f"Les adresses se terminant par {_join(domains, 'ou')} ne reçoivent pas nos "
                "e-mails en ce moment : ni confirmation de commande, ni étiquette retour, ni "
                "réponse du service client. Nous y travaillons, et vos commandes sont traitées "
                "normalement. Si possible, utilisez une autre adresse ; sinon, surveillez vos "
                f"courriers indésirables et appelez-nous au {phone} dès que besoin.",
            ),
        ),
    ]


def build_help_topics() -> tuple[HelpTopic, ...]:
    """Build every help topic from the current settings, in page order."""
    return (
        *_order_topics(),
        *_delivery_topics(),
        *_return_topics(),
        *_exchange_topics(),
        *_loyalty_topics(),
        *_referral_topics(),
        *_contact_topics(),
    )


HELP_TOPICS: tuple[HelpTopic, ...] = build_help_topics()
