"""Textes français des remboursements (R8-R12, O9), des échanges (E6) et de la console (R6)."""

MESSAGES: dict[str, str] = {
    "refund.new_credit_note": "Avoir {code} : {amount}, valable jusqu'au {date}",
    "refund.new_gift_card": "Nouvelle carte cadeau {code} : {amount}, valable jusqu'au {date}",
    "refund.gift_card": "{amount} recrédités sur votre carte cadeau {code}",
    "refund.credit_back": "{amount} remboursés sur votre {method}, visibles d'ici le {date}",
    "refund.not_charged": "{amount} de moins prélevés sur votre {method}",
    "refund.instalment_reduced": (
        "Échéance {sequence} de votre paiement en 3 fois : {amount} de moins"
    ),
    "refund.postage": "{amount} pour vos frais d'envoi",
    "refund.exchange_order": (
        "Votre commande d'échange {number} part gratuitement à votre adresse de livraison."
    ),
    "refund.supplement": (
        "Le nouvel article coûte {amount} de plus : nous vous envoyons un lien de paiement."
    ),
    "refund.refused": "{item} : refusé ({grounds})",
    "refund.returned_parcel": "Votre colis est revenu à l'Atelier : il est remboursé en entier.",
    "refund.email.subject": "Votre retour {number} est traité",
    "refund.email.body": (
        "Bonjour,\n\nNous avons reçu et contrôlé votre retour {number}.\n\n{lines}\n\n"
        "L'équipe {brand}"
    ),
    "refund.email.parcel_subject": "Votre commande {number} est remboursée",
    "refund.email.parcel_body": "Bonjour,\n\n{lines}\n\nL'équipe {brand}",
    "ground.missing_labels": "étiquettes d'origine manquantes",
    "ground.stains": "taches ou délavage",
    "ground.odour": "odeur désagréable ou de lessive",
    "ground.torn": "déchiré ou abîmé",
    "ground.not_alme": "pas un produit ALME",
    "ground.worn": "porté",
    "ground.sole_removed": "semelle de protection retirée",
    "ground.box_missing": "boîte ou pochon manquant",
}
