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
    "staff.kicker": "Atelier",
    "staff.title": "Console des retours",
    "staff.intro": "Réservé à l'équipe de l'Atelier : réceptionner, contrôler, rembourser.",
    "staff.login.title": "Connexion équipe",
    "staff.greeting": "Connecté·e :",
    "staff.receive.title": "Réceptionner un colis",
    "staff.receive.field": "Numéro de retour ou QR code",
    "staff.receive.hint": "Saisissez le numéro (RT-…) ou scannez le QR code de l'étiquette.",
    "staff.receive.postage": "Frais d'envoi payés, en euros (retours envoyés par la cliente)",
    "staff.receive.submit": "Marquer reçu",
    "staff.receive.done": "Retour réceptionné : contrôlez ses articles.",
    "staff.receive.unknown": "Aucun retour n'a ce numéro ou ce QR code.",
    "staff.receive.twice": "Ce retour a déjà été réceptionné.",
    "staff.receive.postage_invalid": "Indiquez les frais d'envoi en euros, par exemple 5,90.",
    "staff.queue.to_receive": "À réceptionner",
    "staff.queue.to_inspect": "À contrôler",
    "staff.queue.done": "Traités",
    "staff.queue.empty": "Rien ici.",
    "staff.queue.parcel": "Mondial Relay {number} · {stage} · {date}",
    "staff.queue.label_pending": "Étiquette prépayée en cours de réservation chez Mondial Relay",
    "staff.queue.label_failing": (
        "Étiquette prépayée non réservée : {attempts} tentative(s), dernière réponse {error} ; "
        "nouvel essai automatique"
    ),
    "staff.queue.items": "{count} article(s) · {method} · déclaré le {date}",
    "staff.open": "Ouvrir",
    "staff.detail.order": "Commande {number}",
    "staff.line.reason": "Motif : {reason}",
    "staff.line.defect": "Défaut signalé sous 48 h : à isoler pour le fournisseur",
    "staff.line.hint": "Cochez ce que vous constatez ; rien de coché accepte l'article.",
    "staff.line.submit": "Enregistrer le contrôle",
    "staff.line.accepted": "Accepté",
    "staff.line.refused": "Refusé : {grounds}",
    "staff.inspect.done": "Contrôle enregistré.",
    "staff.inspect.settled": "Dernier article contrôlé : retour traité, cliente prévenue.",
    "staff.inspect.unknown": "Cet article ne fait partie d'aucun retour.",
    "staff.inspect.not_received": "Réceptionnez le colis avant de le contrôler.",
    "staff.inspect.twice": "Cet article a déjà été contrôlé.",
    "staff.inspect.grounds": "Ne cochez que des motifs de la liste de cet article.",
    "staff.outcome": "Résultat",
    "staff.log": "Historique",
    "staff.denied": "Réservé aux comptes de l'équipe.",
}
