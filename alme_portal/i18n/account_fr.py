"""Textes français de « Mon compte », du mot de passe oublié et de la confirmation d'e-mail."""

MESSAGES: dict[str, str] = {
    "nav.account": "Mon compte",
    "myaccount.kicker": "Mon compte",
    "myaccount.title": "Vos commandes, vos informations",
    "myaccount.intro": (
        "Connectez-vous pour suivre vos commandes, retourner un article et gérer votre compte."
    ),
    "myaccount.greeting": "Bonjour {name}",
    "myaccount.orders.title": "Mes commandes",
    "myaccount.orders.none": (
        "Aucune commande pour l'instant : les commandes passées connectée apparaissent ici."
    ),
    "myaccount.order.placed": "Passée le {date}",
    "myaccount.order.items.one": "1 article",
    "myaccount.order.items.many": "{count} articles",
    "myaccount.order.guest": "passée sans compte",
    "myaccount.order.track": "Suivre ma commande",
    "myaccount.order.return": "Retourner ou échanger",
    "myaccount.order.parcel": "{carrier} : {status}",
    "myaccount.order.return_line": "Retour {number} : {status}",
    "myaccount.verify.notice": (
        "Confirmez votre adresse e-mail pour voir aussi les commandes passées avec elle sans"
        " compte."
    ),
    "myaccount.verify.send": "Envoyez-moi le lien",
    "myaccount.details.title": "Mes informations",
    "myaccount.email.confirmed": "Confirmée",
    "myaccount.email.unconfirmed": "Pas encore confirmée",
    "myaccount.email.change.title": "Changer mon e-mail",
    "myaccount.email.change.hint": (
        "Nous envoyons un lien à la nouvelle adresse ; votre compte y passe dès que vous l'ouvrez."
    ),
    "myaccount.email.new": "Nouvel e-mail",
    "myaccount.password.current": "Mot de passe actuel",
    "myaccount.password.new": "Nouveau mot de passe",
    "myaccount.email.change.submit": "Changer mon e-mail",
    "myaccount.password.title": "Changer mon mot de passe",
    "myaccount.password.hint": "10 caractères au moins. Vos autres appareils sont déconnectés.",
    "myaccount.password.submit": "Enregistrer mon nouveau mot de passe",
    "account.forgot": "Mot de passe oublié ?",
    "account.session.ended": "Votre session a pris fin : reconnectez-vous.",
    "account.verify.sent": "Nous vous avons envoyé un lien : ouvrez-le dans l'heure.",
    "account.verify.already": "Votre adresse e-mail est déjà confirmée.",
    "account.emails.rate_limited": (
        "Nous vous avons déjà envoyé plusieurs e-mails : réessayez dans une heure."
    ),
    "account.email.same": "C'est déjà l'e-mail de votre compte.",
    "account.email.change_sent": (
        "Nous avons envoyé un lien à votre nouvelle adresse : votre compte y passe dès que vous"
        " l'ouvrez."
    ),
    "account.confirm.invalid": ("Ce lien a expiré ou a déjà servi : demandez-en un nouveau."),
    "account.confirm.verify": "Votre adresse e-mail est confirmée.",
    "account.confirm.change": "Votre compte utilise désormais sa nouvelle adresse e-mail.",
    "reset.kicker": "Mon compte",
    "reset.title": "Mot de passe oublié",
    "reset.intro": (
        "Indiquez l'e-mail de votre compte : nous vous envoyons un lien pour choisir un nouveau"
        " mot de passe."
    ),
    "reset.request.submit": "Envoyez-moi un lien",
    "reset.choose.title": "Choisissez un nouveau mot de passe",
    "reset.choose.submit": "Enregistrer mon nouveau mot de passe",
    "reset.to_login": "Me connecter",
    "confirm.kicker": "Mon compte",
    "confirm.title": "Confirmez votre adresse e-mail",
    "confirm.intro": "Un clic confirme l'adresse à laquelle ce lien a été envoyé.",
    "confirm.submit": "Confirmer mon adresse e-mail",
    "confirm.to_account": "Aller à mon compte",
    "account.confirm.claim": (
        "Les loves de la commande comptent désormais pour le compte Almé qui les a demandés."
    ),
}
