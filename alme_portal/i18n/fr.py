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
    "error.generic": (
        "Un problème est survenu de notre côté. Réessayez dans un instant, ou écrivez à"
        " hello@almeparis.com."
    ),
    # Rule C2
    "c2.warning": (
        "Les adresses se terminant par @wanadoo.fr ou @orange.fr ne reçoivent actuellement"
        " aucun e-mail de notre part. Notez bien ces informations, ou appelez-nous au {phone}"
        " ({hours})."
    ),
}
