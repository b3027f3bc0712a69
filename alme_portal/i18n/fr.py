"""Messages en français. Mêmes clés que `en.py` ; les paramètres s'écrivent `{nom}`."""

MESSAGES: dict[str, str] = {
    # Shell
    "brand.city": "Paris",
    "brand.service": "Service client",
    "nav.track": "Suivre une commande",
    "nav.returns": "Retours & échanges",
    "nav.loyalty": "Almé Lovers",
    "nav.referral": "Parrainer une amie",
    "nav.help": "Aide",
    "nav.menu": "Menu",
    "nav.skip": "Aller au contenu",
    "nav.main_label": "Principale",
    "page.title.home": "Almé · Service client",
    "page.description.home": (
        "Suivez votre commande Almé, retournez ou échangez un article et suivez vos loves"
        " Almé Lovers."
    ),
    "page.title.help": "Aide · Almé",
    "page.description.help": (
        "Réponses sur la livraison, les retours, les échanges, les remboursements et Almé Lovers."
    ),
    "page.title.track": "Suivre ma commande · Almé",
    "page.description.track": (
        "Retrouvez votre commande avec son numéro et votre e-mail pour suivre ses colis."
    ),
    "page.title.order": "Ma commande · Almé",
    "page.description.order": "Votre commande, ses colis et ce que vous pouvez encore modifier.",
    "page.title.returns": "Retours et échanges · Almé",
    "page.description.returns": (
        "Retournez ou échangez un article en quelques étapes, avec une étiquette prépayée."
    ),
    "page.title.return": "Mon retour · Almé",
    "page.description.return": "Où en est votre retour, et où en est votre remboursement.",
    "page.title.withdrawal": "Rétractation · Almé",
    "page.description.withdrawal": (
        "Exercez votre droit de rétractation dans les 14 jours suivant la livraison."
    ),
    "page.title.loyalty": "Almé Lovers · Almé",
    "page.description.loyalty": "Vos loves, votre statut, vos missions et vos récompenses.",
    "page.title.account": "Mon compte · Almé",
    "page.description.account": (
        "Vos commandes, retours et remboursements, votre e-mail et votre mot de passe."
    ),
    "page.title.reset": "Mot de passe oublié · Almé",
    "page.description.reset": "Choisissez un nouveau mot de passe pour votre compte Almé.",
    "page.title.confirm": "Confirmez votre e-mail · Almé",
    "page.description.confirm": "Confirmez l'adresse e-mail de votre compte Almé.",
    "page.title.referral": "Parrainer une amie · Almé",
    "page.description.referral": (
        "Partagez votre lien : votre amie a 15 € de remise, vous recevez un bon."
    ),
    "page.title.friend": "15 € pour votre première commande · Almé",
    "page.description.friend": (
        "Une amie vous invite chez Almé : 15 € de remise sur votre première commande."
    ),
    "page.title.staff": "Console de l'Atelier · Almé",
    "page.description.staff": "Pour l'équipe de l'Atelier : réception et contrôle des retours.",
    "page.title.not_found": "Page introuvable · Almé",
    "page.description.not_found": "Cette page n'existe pas.",
    "lang.label": "Langue",
    "lang.en": "English",
    "lang.fr": "Français",
    "footer.contact": "Nous contacter",
    "footer.hours": "Du lundi au vendredi, {morning} et {afternoon}",
    "footer.note": "Nos conseillères répondent par e-mail et par téléphone.",
    "footer.rights": "Almé Paris. Portail en libre-service.",
    # Home
    "home.kicker": "Service client Almé",
    "home.title": "Comment pouvons-nous vous aider\u00a0?",
    "home.intro": (
        "Suivre un colis, retourner ou échanger un article, consulter vos loves et inviter une"
        " amie\u00a0: tout est ici, sans attendre de réponse."
    ),
    "home.track.title": "Suivre une commande",
    "home.track.body": "Où sont vos colis, quand ils arrivent, et que faire en cas de souci.",
    "home.track.cta": "Suivre ma commande",
    "home.returns.title": "Retour ou échange",
    "home.returns.body": (
        "Déclarez un retour ou un échange dans les {days}\u00a0jours suivant la livraison et"
        " téléchargez votre étiquette prépayée."
    ),
    "home.returns.cta": "Faire un retour",
    "home.loyalty.title": "Almé Lovers",
    "home.loyalty.body": "Vos loves, votre palier, vos missions et vos récompenses.",
    "home.loyalty.cta": "Voir mes loves",
    "home.referral.title": "Parrainer une amie",
    "home.referral.body": "{amount} pour vous, {amount} pour votre amie sur sa première commande.",
    "home.referral.cta": "Partager mon lien",
    "home.help.title": "Une question\u00a0?",
    "home.help.body": (
        "Délais de livraison, remboursements, cartes cadeaux, paliers\u00a0: les réponses sont"
        " dans notre aide."
    ),
    "home.help.cta": "Lire l'aide",
    # Help
    "help.title": "Aide",
    "help.intro": "Nos conditions en mots simples. Cherchez ou parcourez par thème.",
    "help.search.label": "Rechercher dans l'aide",
    "help.search.placeholder": "ex. remboursement, point relais, carte cadeau",
    "help.search.button": "Rechercher",
    "help.results.count": "{count} réponses",
    "help.results.one": "1 réponse",
    "help.results.none": "Aucune réponse ne correspond à votre recherche.",
    "help.results.none.next": "Essayez un autre mot, ou contactez-nous\u00a0:",
    "help.clear": "Voir tous les thèmes",
    # Not found and errors
    "notfound.title": "Cette page n'existe pas",
    "notfound.body": "Le lien est peut-être mal saisi, ou la page a changé d'adresse.",
    "notfound.home": "Retour à l'accueil",
    "notfound.help": "Lire l'aide",
    "error.dismiss": "Fermer",
    "error.generic": (
        "Un problème est survenu de notre côté. Réessayez dans un instant, ou écrivez à"
        " hello@almeparis.com."
    ),
    # Tracking: guest lookup (O1-O11)
    "track.kicker": "Suivi de commande",
    "track.title": "Suivre ma commande",
    "track.intro": "Saisissez votre numéro de commande et l'e-mail utilisé pour la commande.",
    "track.number": "Numéro de commande",
    "track.number.hint": "8 caractères, ex. AL100101, dans votre e-mail de confirmation",
    "track.email": "E-mail",
    "track.submit": "Trouver ma commande",
    "track.not_found": (
        "Nous ne trouvons pas de commande avec ce numéro et cet e-mail. Vérifiez-les et réessayez."
    ),
    "track.rate_limited": "Trop de tentatives. Vous pourrez réessayer à {time}.",
    "track.missing": "Saisissez votre numéro de commande et votre e-mail.",
    "track.again": "Chercher une autre commande",
    "track.need_lookup": (
        "Pour voir une commande, retrouvez-la d'abord avec son numéro et votre e-mail."
    ),
    # Tracking: order page
    "order.title": "Commande {number}",
    "order.placed": "Passée le {date}",
    "order.items": "Articles",
    "order.payment": "Paiement",
    "order.delivery": "Livraison",
    "order.relay": "Point Mondial Relay",
    "order.subtotal": "Sous-total",
    "order.shipping": "Livraison",
    "order.discount": "Remise",
    "order.total": "Total payé",
    "order.quantity": "Qté {quantity}",
    "order.size": "Taille {size}",
    "order.parcels": "Colis",
    "order.parcel": "Colis {index} sur {count}",
    "order.tracking_number": "Numéro de suivi",
    "order.carrier_link": "Suivre sur le site du transporteur",
    "order.expected": "Livraison prévue entre le {start} et le {end}",
    "order.estimate_day": "{carrier} prévoit de le livrer le {date}.",
    "order.estimate_window": "{carrier} prévoit de le livrer le {date}, entre {start} et {end}.",
    "order.ships_on": "Expédié le {date}",
    "order.planned": "Expédié le {date} (précommande)",
    "order.not_dispatched": "En préparation : il quitte notre entrepôt sous 24 heures ouvrées.",
    "order.waiting_relay": "Vous attend chez {relay} jusqu'au {date}.",
    "order.delivered_on": "Livré le {date}",
    "order.stale": (
        "Le transporteur ne répond pas pour le moment : voici les derniers événements connus."
    ),
    "order.unavailable": (
        "Le transporteur ne répond pas pour le moment : nous ne pouvons pas afficher le trajet"
        " de ce colis. Merci de réessayer dans quelques minutes."
    ),
    "order.no_events": "Pas encore d'événement de suivi.",
    "order.status.confirmed": "Confirmée",
    "order.status.partially_dispatched": "Partiellement expédiée",
    "order.status.dispatched": "Expédiée",
    "order.status.delivered": "Livrée",
    "order.status.cancelled": "Annulée",
    "order.status.returned_to_sender": "Revenue à l'Atelier",
    "parcel.status.planned": "Pas encore expédié",
    "parcel.status.label_created": "Étiquette créée",
    "parcel.status.dispatched": "Expédié",
    "parcel.status.in_transit": "En transit",
    "parcel.status.out_for_delivery": "En cours de livraison",
    "parcel.status.available_for_pickup": "Prêt à être retiré",
    "parcel.status.ready_for_pickup": "Prêt à être retiré",
    "parcel.status.delivery_failed": "Échec de livraison",
    "parcel.status.exception": "Incident de transport",
    "parcel.status.returning_to_sender": "En retour vers nous",
    "parcel.status.returned_to_sender": "Revenu à l'Atelier",
    "parcel.status.delivered": "Livré",
    "parcel.status.unknown": "Statut indisponible",
    "payment.card": "Carte",
    "payment.instalments_3": "Paiement en 3 fois",
    "payment.deferred_15": "Paiement différé à 15 jours",
    "payment.deferred_30": "Paiement différé à 30 jours",
    "payment.paypal": "PayPal",
    "payment.gift_card": "Carte cadeau",
    "payment.credit_note": "Avoir",
    "order.back": "Chercher une autre commande",
    "order.events": "Historique de suivi",
    # Règle O1
    "change.title": "Un changement d'avis ?",
    "change.intro": (
        "Tant que votre commande n'est pas expédiée, nous pouvons encore l'annuler ou la"
        " modifier (taille, couleur, lieu de livraison). Nous ne pouvons pas le garantir : votre"
        " commande peut être expédiée entre-temps."
    ),
    "change.modify": "Modifier ma commande",
    "change.cancel": "Annuler ma commande",
    "change.topic": "Que souhaitez-vous changer ?",
    "change.topic.item": "La taille ou la couleur d'un article",
    "change.topic.address": "L'adresse de livraison",
    "change.topic.relay": "Le point relais",
    "change.item": "Article",
    "change.colour": "Couleur",
    "change.size": "Taille",
    "change.first_name": "Prénom",
    "change.last_name": "Nom",
    "change.address": "Adresse",
    "change.postcode": "Code postal",
    "change.city": "Ville",
    "change.same_country": "La livraison reste dans le même pays.",
    "change.relay_point": "Point relais",
    "change.send": "Envoyer ma demande",
    "change.close": "Finalement non",
    "change.cancel_question": "Annuler toute la commande ?",
    "change.cancel_body": (
        "Nous essaierons de l'arrêter avant qu'elle ne quitte notre entrepôt et de vous"
        " rembourser. Ce n'est pas garanti : elle peut être expédiée entre-temps."
    ),
    "change.cancel_yes": "Oui, annuler ma commande",
    "change.cancel_no": "Garder ma commande",
    "change.already_requested": (
        "Vous avez déjà envoyé cette demande : notre équipe y répond par e-mail."
    ),
    "change.pending.cancel": (
        "Vous avez demandé l’annulation de cette commande le {date} : notre équipe vous répond "
        "par e-mail avant son expédition."
    ),
    "change.pending.modify": (
        "Vous avez demandé une modification de cette commande le {date} : notre équipe vous "
        "répond par e-mail avant son expédition."
    ),
    "change.recorded": (
        "Votre demande est enregistrée et nous vous en avons envoyé une copie par e-mail. Elle"
        " n'est pas garantie : votre commande peut être expédiée entre-temps."
    ),
    "change.after.delivered": (
        "Votre commande est livrée : elle ne peut plus être modifiée ni annulée, mais vous pouvez "
        "la retourner ou l’échanger."
    ),
    "change.after.window_closed": (
        "Votre commande est livrée et son délai de retour de 14 jours a pris fin le {date} : "
        "pour un souci avec un article, contactez le service client."
    ),
    "change.after.returned": (
        "Votre colis est revenu à notre Atelier : il est remboursé en totalité, sans rien à "
        "renvoyer."
    ),
    "change.refused.dispatched": (
        "Votre commande a quitté notre entrepôt : elle ne peut plus être modifiée ni annulée."
        " Une fois reçue, vous pourrez la retourner ou l'échanger."
    ),
    "change.refused.cancelled": "Cette commande est annulée : il n'y a plus rien à modifier.",
    "change.refused.not_found": "Retrouvez à nouveau votre commande pour la modifier.",
    "change.returns_link": "Retourner ou échanger un article",
    "change.invalid.kind": "Cette demande n'est pas possible.",
    "change.invalid.details": "Merci de remplir chaque champ du changement souhaité.",
    "change.invalid.line": "Cet article ne fait pas partie de votre commande.",
    "change.invalid.same_item": (
        "Choisissez une couleur ou une taille différente de celle commandée."
    ),
    "change.invalid.variant": "Cet article n'existe pas dans cette couleur et cette taille.",
    "change.invalid.relay_point": "Ce point relais n'est pas disponible : choisissez-en un autre.",
    "guide.silent": (
        "Le suivi n'a pas bougé depuis plusieurs jours. Il peut être en retard après le départ"
        " de notre entrepôt ; s'il reste muet, contactez directement le transporteur."
    ),
    "guide.not_received": (
        "Indiqué livré mais pas reçu ? Demandez à vos voisins, gardien ou concierge et"
        " vérifiez votre bureau de poste. Toujours introuvable ? Contactez-nous."
    ),
    "guide.returned": (
        "Ce colis est revenu à notre Atelier. Il ne peut pas être réexpédié : il sera"
        " remboursé automatiquement au plus tard le {date}."
    ),
    "guide.customs": (
        "Livraison hors UE : des frais de douane peuvent être dus au retrait du colis."
    ),
    "guide.cancelled": (
        "Cette commande est annulée. Une question ? Contactez-nous à {email} ou au {phone}."
    ),
    "guide.dispatch_email": (
        "Au départ d'un colis, nous envoyons son lien de suivi à {email} (pensez à vos spams)."
    ),
    # Rule C2
    "c2.warning": (
        "Les adresses se terminant par @wanadoo.fr ou @orange.fr ne reçoivent actuellement"
        " aucun e-mail de notre part. Notez bien ces informations, ou appelez-nous au {phone}"
        " ({hours})."
    ),
    "c2.bounced": (
        "Le serveur de messagerie de cette adresse refuse nos e-mails : celui-ci n'arrivera pas."
        " Notez bien ces informations, ou appelez-nous au {phone} ({hours})."
    ),
}
