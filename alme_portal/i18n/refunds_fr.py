"""Textes français des remboursements (R8-R12, O9), des échanges (E6) et de la console (R6)."""

MESSAGES: dict[str, str] = {
    "supplement.item": "Échange {number} : différence de prix",
    "supplement.email.subject": "Réglez la différence de votre échange {number}",
    "supplement.email.body": (
        "Bonjour,\n\nL’article choisi en échange coûte {amount} de plus. Réglez la différence "
        "par carte ici :\n{link}\n\nVotre échange {number} part dès qu’il est payé. Sans "
        "paiement avant le {date}, l’échange est annulé.\n\nL’équipe {brand}"
    ),
    "supplement.cancelled.subject": "Votre échange {number} est annulé",
    "supplement.cancelled.body": (
        "Bonjour,\n\nLa différence de votre échange {number} n’a pas été réglée à temps : "
        "l’échange est annulé. Votre retour n’est pas concerné.\n\nL’équipe {brand}"
    ),
    "supplement.unavailable": (
        "La page de paiement ne peut pas s’ouvrir pour le moment. Réessayez dans quelques minutes."
    ),
    "supplement.paid": (
        "Merci : votre paiement est bien reçu. Votre échange part dès que votre banque le "
        "confirme, et nous vous envoyons son suivi par e-mail."
    ),
    "supplement.unknown": "Ce lien de paiement n’est pas valide.",
    "refund.where.title": "Où est mon remboursement",
    "refund.where.statement": "Sur votre relevé au plus tard le {date}",
    "refund.where.done.stripe": "Envoyé à votre banque le {date}",
    "refund.where.done.paypal": "Sur votre compte PayPal depuis le {date}",
    "refund.where.done.alma": "Effectué par Alma le {date}",
    "refund.where.sent.stripe": "Envoyé à votre banque le {date}, en attente de sa confirmation",
    "refund.where.sent.paypal": "Envoyé à PayPal le {date}, en attente de sa confirmation",
    "refund.where.sent.alma": "Envoyé à Alma le {date}, en attente de sa confirmation",
    "refund.where.sending.stripe": "En cours d’envoi à votre banque",
    "refund.where.sending.paypal": "En cours d’envoi à PayPal",
    "refund.where.sending.alma": "En cours d’envoi à Alma",
    "refund.where.failed": (
        "Retardé : le prestataire de paiement l’a refusé, notre équipe s’en occupe et vous écrira"
    ),
    "refund.where.credit_note": (
        "Votre prestataire de paiement n’a pas pu le reprendre : avoir {code} à la place, "
        "valable jusqu’au {date}"
    ),
    "refund.where.instalment": "Échéance {sequence} : {amount} de moins",
    "refund.where.not_charged": "{amount} de moins prélevés à l’échéance",
    "refund.where.paid_back": "{amount} recrédités sur la carte qui a payé",
    "refund.where.new_credit_note": "Avoir {code}",
    "refund.where.new_gift_card": "Nouvelle carte cadeau {code}",
    "refund.where.issued": "À vous dès maintenant, valable jusqu’au {date}",
    "refund.where.stored_now": "Recrédité dès maintenant",
    "refund.paid.subject": "Votre remboursement de la commande {number} est en route",
    "refund.paid.body.stripe": (
        "Bonjour,\n\nNous avons recrédité {amount} sur votre {method}. Ils apparaissent sur "
        "votre relevé au plus tard le {date}.\n\nL’équipe {brand}"
    ),
    "refund.paid.body.paypal": (
        "Bonjour,\n\n{amount} sont de retour sur votre compte PayPal ({method}). Si PayPal les "
        "reverse sur la carte associée, ils apparaissent au plus tard le {date}.\n\n"
        "L’équipe {brand}"
    ),
    "refund.paid.body.alma": (
        "Bonjour,\n\nAlma a déduit {amount} de votre {method} : les échéances non encore "
        "prélevées sont réduites ou annulées, et ce que vous avez déjà payé au-delà de ce que "
        "vous gardez est recrédité sur votre carte, sur votre relevé au plus tard le {date}."
        "\n\nL’équipe {brand}"
    ),
    "refund.credit_note_instead.subject": (
        "Un avoir pour votre remboursement de la commande {number}"
    ),
    "refund.credit_note_instead.body": (
        "Bonjour,\n\nVotre prestataire de paiement n’a pas pu reprendre {amount} sur votre "
        "{method} : nous vous avons donc émis l’avoir {code} de ce montant, valable jusqu’au "
        "{date} et utilisable en plusieurs commandes.\n\nL’équipe {brand}"
    ),
    "staff.refund.title": "Remboursements auprès des prestataires de paiement",
    "staff.refund.log": "remboursement",
    "staff.refund.retry": "Réessayer",
    "staff.refund.credit_note_button": "Rembourser en avoir à la place",
    "staff.refund.retried": "Le remboursement est renvoyé.",
    "staff.refund.credit_note": "Un avoir est émis et envoyé par e-mail à la place.",
    "staff.refund.not_failed": "Ce remboursement n’a pas échoué : rien n’a changé.",
    "staff.refund.row": "{provider} · {method} · {amount} · {state}",
    "staff.refund.state.pending": "à envoyer",
    "staff.refund.state.sent": "envoyé",
    "staff.refund.state.succeeded": "réussi",
    "staff.refund.state.failed": "échoué",
    "staff.refund.state.credit_note": "avoir à la place",
    "staff.refund.state.retry": "prestataire injoignable, nouvel essai plus tard",
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
    "refund.not_collected": (
        "Vous aviez choisi un avoir, mais cette somme n’était pas encore prélevée : votre "
        "paiement est simplement réduit d’autant, il n’y a donc rien à rendre en avoir."
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
    "staff.log.received": "reçu à l’Atelier",
    "staff.log.received_postage": "reçu à l’Atelier, frais de port {amount}",
    "staff.log.accepted": "{item} accepté",
    "staff.log.refused": "{item} refusé : {grounds}",
    "staff.log.settled": "clôturé : {status}",
    "staff.log": "Historique",
    "staff.denied": "Réservé aux comptes de l'équipe.",
}
