"""E-mails, the withdrawal statement and the return label, in French.

Every e-mail has a `.subject` and a `.body`; `brand` is always given to the texts.
"""

MESSAGES: dict[str, str] = {
    "email.dispatch.subject": "Votre commande {number} est en route",
    "email.dispatch.body": (
        "Bonjour {first_name},\n\nVotre commande {number} a quitté notre entrepôt avec "
        "{carrier}.\nNuméro de suivi : {tracking_number}\nSuivre votre colis : "
        "{tracking_url}\n\nLe suivi peut mettre un peu de temps à s'actualiser après le "
        "départ du colis.\nCet e-mail peut arriver dans vos spams : ajoutez {contact} à vos "
        "contacts.\n\nL'équipe {brand}"
    ),
    "email.change.subject": "Nous avons enregistré votre demande pour la commande {number}",
    "email.change.body": (
        "Bonjour {first_name},\n\nNous avons enregistré votre demande : {action} la "
        "commande {number}.\nElle n'est pas garantie : votre commande peut être expédiée "
        "entre-temps. Dans ce cas, vous pourrez la retourner après réception.\n\nL'équipe "
        "{brand}"
    ),
    "email.change.action.modify": "modifier",
    "email.change.action.cancel": "annuler",
    "email.account.reset.subject": "Votre nouveau mot de passe Almé",
    "email.account.reset.body": (
        "Bonjour,\n\nChoisissez un nouveau mot de passe ici dans les {minutes} minutes (le "
        "lien ne sert qu'une fois) :\n{url}\n\nSi vous n'avez rien demandé, ignorez cet "
        "e-mail."
    ),
    "email.account.verify.subject": "Confirmez votre adresse e-mail",
    "email.account.verify.body": (
        "Bonjour {name},\n\nConfirmez que cette adresse est la vôtre dans les {minutes} "
        "minutes (le lien ne sert qu'une fois) :\n{url}\n\nUne fois confirmée, les "
        "commandes passées avec elle sans compte apparaissent dans votre compte."
    ),
    "email.account.change.subject": "Confirmez votre nouvelle adresse e-mail",
    "email.account.change.body": (
        "Bonjour {name},\n\nVous avez demandé à utiliser cette adresse pour votre compte "
        "Almé. Confirmez-la dans les {minutes} minutes (le lien ne sert qu'une fois) "
        ":\n{url}\n\nSi vous n'avez rien demandé, ignorez cet e-mail."
    ),
    "email.account.change_requested.subject": "L'adresse e-mail de votre compte Almé va changer",
    "email.account.change_requested.body": (
        "Bonjour {name},\n\nQuelqu'un de connecté à votre compte a demandé de le déplacer "
        "vers {email}. Le changement n'a lieu qu'une fois cette adresse confirmée.\n\nSi ce "
        "n'est pas vous, changez votre mot de passe maintenant :\n{url}"
    ),
    "email.account.claim.subject": "Compter les loves de la commande {number} ?",
    "email.account.claim.body": (
        "Bonjour,\n\n{name} a demandé à compter les loves de la commande {number}, passée "
        "avec cette adresse, sur son compte Almé. Si c'est vous, confirmez dans les "
        "{minutes} minutes (le lien ne sert qu'une fois) :\n{url}\n\nSinon, ignorez cet "
        "e-mail : rien ne change."
    ),
    "email.account.changed.subject": "L'adresse e-mail de votre compte Almé a changé",
    "email.account.changed.body": (
        "Bonjour {name},\n\nVotre compte utilise désormais {email} ; cette adresse n'en "
        "recevra plus rien.\n\nSi ce n'est pas vous, contactez notre service client."
    ),
    "email.loyalty.welcome.subject": "Bienvenue au statut {tier}",
    "email.loyalty.welcome.body": (
        "Bonjour {name},\n\nVous avez atteint le statut {tier} des Almé Lovers : il est à "
        "vous pour un an à partir d'aujourd'hui. Une surprise vous attend dans votre "
        "prochain colis.\n\nL'équipe {brand}"
    ),
    "email.referral.invitation.subject": "15 € pour vous chez Almé, de la part d'une amie",
    "email.referral.invitation.body": (
        "Bonjour,\n\n{member} pense qu'Almé va vous plaire et vous offre 15 € sur votre "
        "première commande. Recevez votre code ici :\n{url}\n\nL'équipe {brand}"
    ),
    "email.referral.friend_code.subject": "Votre code Almé de 15 €",
    "email.referral.friend_code.body": (
        "Bonjour,\n\nVoici votre code de 15 € sur votre première commande Almé, valable "
        "jusqu'au {last_day} :\n\n{code}\n\nSaisissez-le exactement ainsi, avec l'e-mail "
        "{email}.\n\nL'équipe {brand}"
    ),
    "email.referral.reward.subject": "Votre amie a commandé : 15 € pour vous",
    "email.referral.reward.body": (
        "Bonjour {member},\n\nVotre amie {friend} a passé sa première commande Almé. Voici "
        "votre bon de 15 €, valable jusqu'au {last_day} :\n\n{code}\n\nL'équipe {brand}"
    ),
    "email.return.declared.subject": "Votre retour {number}",
    "email.return.declared.body": (
        "Bonjour,\n\nNous avons enregistré votre retour {number}.\n\n{how}\n\nSuivez-le ici "
        ": {url}\n\nL'équipe {brand}"
    ),
    "email.return.how.mondial_relay": (
        "Votre étiquette prépayée est jointe et téléchargeable jusqu'au {expires}. "
        "Imprimez-la, collez-la sur l'ancienne étiquette, glissez la carte destinataire "
        "dans le colis et déposez-le dans n'importe quel point Mondial Relay."
    ),
    "email.return.how.mondial_relay_pending": (
        "Mondial Relay prépare votre étiquette prépayée : nous vous l'envoyons par e-mail "
        "dans l'heure. Elle sera valable jusqu'au {expires} dans tout point Mondial Relay."
    ),
    "email.return.label.subject": "Votre étiquette prépayée pour le retour {number}",
    "email.return.label.body": (
        "Bonjour,\n\nVoici l'étiquette prépayée de votre retour {number} (colis Mondial Relay "
        "{expedition}), jointe et téléchargeable jusqu'au {expires}. Imprimez-la, collez-la sur "
        "l'ancienne étiquette, glissez la carte destinataire dans le colis et déposez-le dans "
        "n'importe quel point Mondial Relay.\n\nSuivez-le ici : {url}\n\nL'équipe {brand}"
    ),
    "email.return.how.mondial_relay_paperless": (
        "Pas besoin d'imprimante : montrez le QR code joint dans n'importe quel point Mondial "
        "Relay avant le {expires}. Ils impriment votre étiquette prépayée et la collent sur "
        "votre colis. Glissez la carte destinataire à l'intérieur."
    ),
    "email.return.label_paperless.subject": "Votre QR code pour le retour {number}",
    "email.return.label_paperless.body": (
        "Bonjour,\n\nVoici le QR code de votre retour {number} (colis Mondial Relay "
        "{expedition}). Pas besoin d'imprimante : montrez-le dans n'importe quel point Mondial "
        "Relay avant le {expires} ; ils impriment votre étiquette prépayée et la collent sur "
        "votre colis.\n\nSuivez-le ici : {url}\n\nL'équipe {brand}"
    ),
    "email.return.how.store": (
        "Votre étiquette est jointe et téléchargeable jusqu'au {expires}. Apportez votre "
        "colis, carte destinataire à l'intérieur, au salon choisi et montrez le QR code de "
        "l'étiquette."
    ),
    "email.return.how.self_ship": (
        "Votre étiquette est jointe et téléchargeable jusqu'au {expires}. Envoyez votre "
        "colis à {atelier} avec la carte destinataire à l'intérieur. Gardez le justificatif "
        "d'envoi : nous remboursons jusqu'à {cap}."
    ),
    "email.stock.subject": "{product} en taille {size} est de retour",
    "email.stock.body": (
        "Bonjour,\n\nLa taille que vous attendiez est de nouveau disponible : {product}, "
        "{colour}, taille {size}.\n\nL'équipe {brand}"
    ),
    "email.withdrawal.subject": "Nous avons reçu votre rétractation de la commande {number}",
    "email.withdrawal.body": "{statement}\n\nL'équipe {brand}",
    "withdrawal.statement": (
        "Déclaration de rétractation\n\n{name} se rétracte du contrat de la commande "
        "{number}, passée le {placed}.\n\nArticles de la commande "
        ":\n{items}\n\nRétractation faite le {made}.\n\nProchaines étapes : renvoyez les "
        "articles dans les {days} jours suivant cette rétractation. Le remboursement suit "
        "la procédure de retour : il est effectué dès réception des articles à notre "
        "Atelier."
    ),
    "withdrawal.statement.item": "- {name}, {colour}, taille {size} × {quantity}",
    "withdrawal.statement.more": "- et {count} autre(s) article(s)",
    "withdrawal.moment": "{day} {year} à {time} (heure de Paris)",
    "label.brand": "ALMÉ",
    "label.from": "Expéditeur",
    "label.to": "Destinataire",
    "label.return": "Retour",
    "label.parcel": "Colis",
    "label.valid_until": "Valable jusqu'au {date}",
    "label.prepaid": "Prépayé – {carrier}",
    "label.self_ship": "Affranchi par l'expéditeur",
    "label.store": "Dépôt en salon",
    "label.instructions": (
        "Imprimez cette étiquette et collez-la sur l'ancienne étiquette. Glissez la carte "
        "destinataire dans le colis."
    ),
    "email.footer.help": "Une question ? Écrivez à {email} ou appelez le {phone}, {hours}.",
    "email.footer.signature": "Almé Paris",
    "email.footer.unsubscribe": "Ne plus recevoir d'e-mails comme celui-ci",
    "email.footer.why_marketing": (
        "Vous recevez cet e-mail parce que vous, ou une membre Almé Lovers, nous avez demandé "
        "de vous écrire."
    ),
    "unsubscribe.ask": (
        "Ne plus recevoir d'invitations ni d'alertes de retour en stock Almé à cette adresse "
        "? Les e-mails sur vos commandes et votre compte continuent d'arriver."
    ),
    "unsubscribe.button": "Me désabonner",
    "unsubscribe.done": (
        "C'est fait : cette adresse ne recevra plus d'invitations ni d'alertes d'Almé."
    ),
    "unsubscribe.unknown": (
        "Ce lien n'est pas valide. Écrivez à hello@almeparis.com et nous arrêterons ces e-mails."
    ),
    "email.parcel.out_for_delivery.subject": "Votre colis Almé arrive aujourd'hui",
    "email.parcel.out_for_delivery.body": (
        "Bonjour {first_name},\n\nLe colis de votre commande {number} est en cours de "
        "livraison avec {carrier} aujourd'hui.\nSuivez-le : {tracking_url}\n\nL'équipe {brand}"
    ),
    "email.parcel.at_relay.subject": "Votre colis Almé vous attend chez {relay}",
    "email.parcel.at_relay.body": (
        "Bonjour {first_name},\n\nLe colis de votre commande {number} vous attend chez "
        "{relay}, {relay_address}.\nRetirez-le avant le {date} avec une pièce d'identité ; "
        "passé ce délai, il nous revient.\nSuivez-le : {tracking_url}\n\nL'équipe {brand}"
    ),
    "email.parcel.late.subject": "Votre colis Almé prend plus de temps que prévu",
    "email.parcel.late.body": (
        "Bonjour {first_name},\n\nLe colis de votre commande {number} était attendu au plus "
        "tard le {date} et n'est pas encore arrivé. {carrier} l'achemine toujours ; suivez-le "
        "ici :\n{tracking_url}\n\nSi rien ne bouge dans les prochains jours, contactez "
        "{carrier} avec le numéro de suivi {tracking_number}, ou écrivez-nous à {contact}."
        "\n\nL'équipe {brand}"
    ),
    "email.parcel.silent.subject": "Pas de nouvelles de votre colis Almé depuis quelques jours",
    "email.parcel.silent.body": (
        "Bonjour {first_name},\n\nLe suivi du colis de votre commande {number} n'a pas bougé "
        "depuis le {date}. Le suivi peut avoir du retard ; s'il reste muet, contactez "
        "directement {carrier} avec le numéro de suivi {tracking_number} :\n{tracking_url}"
        "\n\nL'équipe {brand}"
    ),
    "email.parcel.returned.subject": "Votre colis Almé nous revient",
    "email.parcel.returned.body": (
        "Bonjour {first_name},\n\n{carrier} retourne le colis de votre commande {number} à "
        "notre Atelier. Il ne peut pas être réexpédié : dès son retour, nous le remboursons "
        "automatiquement sous {days} jours ouvrés."
        "\n\nL'équipe {brand}"
    ),
}
