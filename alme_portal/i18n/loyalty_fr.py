"""Textes français des comptes et de l'espace Almé Lovers (L1-L11)."""

MESSAGES: dict[str, str] = {
    "loyalty.kicker": "Almé Lovers",
    "loyalty.title": "Votre espace Almé Lovers",
    "loyalty.intro": (
        "Gagnez 10 loves par euro dépensé connectée, relevez des missions et transformez vos"
        " loves en bons d'achat. L'inscription est gratuite : créez votre compte."
    ),
    "account.login.title": "Se connecter",
    "account.signup.title": "Créer mon compte",
    "account.signup.intro": "Votre compte fait de vous une Almé Lover, au statut Flirt.",
    "account.email": "E-mail",
    "account.password": "Mot de passe",
    "account.password.hint": "Au moins 10 caractères.",
    "account.first_name": "Prénom",
    "account.last_name": "Nom",
    "account.login.submit": "Se connecter",
    "account.signup.submit": "Créer mon compte",
    "account.logout": "Se déconnecter",
    "account.email.invalid": "Saisissez une adresse e-mail valide.",
    "account.name.invalid": "Saisissez votre prénom et votre nom (80 caractères au plus).",
    "account.password.short": "Choisissez un mot de passe d'au moins 10 caractères.",
    "account.password.long": "Choisissez un mot de passe de 128 caractères au plus.",
    "account.exists": "Un compte utilise déjà cet e-mail : connectez-vous.",
    "account.created": "Bienvenue chez les Almé Lovers !",
    "account.login.invalid": "Cet e-mail et ce mot de passe ne correspondent à aucun compte.",
    "account.login.rate_limited": "Trop de tentatives. Réessayez après {time}.",
    "account.login.ok": "Vous êtes connectée.",
    "account.reset.sent": "Si un compte utilise cet e-mail, nous lui avons envoyé un lien.",
    "account.reset.invalid": "Ce lien a expiré ou a déjà servi : demandez-en un nouveau.",
    "account.reset.done": "Votre nouveau mot de passe est enregistré.",
    "account.password.wrong": "Votre mot de passe actuel n'est pas le bon.",
    "account.password.changed": "Votre mot de passe est modifié.",
    "loyalty.loves": "{count} loves",
    "loyalty.greeting": "Bonjour {name}",
    "loyalty.balance.label": "Loves à dépenser",
    "loyalty.pending.title": "Loves en attente",
    "loyalty.pending.intro": "Les loves d'un achat sont à vous 18 jours après la commande.",
    "loyalty.pending.until": "disponibles le {date}",
    "loyalty.pending.none": "Aucun love en attente.",
    "loyalty.tiers.title": "Votre statut",
    "loyalty.tier.flirt": "Flirt",
    "loyalty.tier.crush": "Crush",
    "loyalty.tier.in_love": "In Love",
    "loyalty.tier.flirt.benefit": "Des loves à chaque achat et des missions",
    "loyalty.tier.crush.benefit": "Une surprise de bienvenue, statut gardé un an",
    "loyalty.tier.in_love.benefit": "Une surprise de bienvenue, statut gardé un an",
    "loyalty.tier.joined": "Dès votre inscription",
    "loyalty.tier.from": "Dès {amount} sur 12 mois",
    "loyalty.tier.top": "Vous avez atteint le statut le plus haut.",
    "loyalty.tier.missing": "Encore {amount} pour atteindre {tier}.",
    "loyalty.tier.kept": "Votre statut est conservé jusqu'au {date}.",
    "loyalty.spend": "{amount} dépensés sur les 12 derniers mois",
    "loyalty.missions.title": "Missions",
    "loyalty.mission.instagram": "Suivre Almé sur Instagram",
    "loyalty.mission.birthday": "Indiquer votre anniversaire",
    "loyalty.mission.newsletter": "S'abonner à la newsletter",
    "loyalty.mission.done": "Fait",
    "loyalty.mission.instagram.step": "Suivre @almeparis",
    "loyalty.mission.instagram.confirm": "Je suis Almé",
    "loyalty.mission.birthday.field": "Votre date de naissance",
    "loyalty.mission.birthday.confirm": "Ajouter mon anniversaire",
    "loyalty.mission.newsletter.confirm": "M'abonner",
    "loyalty.mission.unknown": "Cette mission n'existe pas.",
    "loyalty.mission.already": "Vous avez déjà accompli cette mission.",
    "loyalty.mission.credited": "{loves} loves ajoutés : merci !",
    "loyalty.birthday.invalid": "Saisissez votre vraie date de naissance.",
    "loyalty.birthday.set": (
        "Votre anniversaire est déjà enregistré et ne peut pas être modifié ici."
    ),
    "loyalty.reward.redeem": "Échanger",
    "loyalty.reward.unknown": "Cette récompense n'existe pas.",
    "loyalty.reward.unaffordable": "Vous n'avez pas encore assez de loves pour cette récompense.",
    "loyalty.reward.redeemed": (
        "Votre bon {code} est prêt : saisissez-le lors de votre commande dans les 3 mois (un par"
        " commande, pas avec un code promo)."
    ),
    "loyalty.rewards.title": "Récompenses",
    "loyalty.reward.value": "Bon de {amount}",
    "loyalty.reward.need": "Pas encore",
    "loyalty.reward.ready": "À votre portée",
    "loyalty.vouchers.title": "Mes bons d'achat",
    "loyalty.vouchers.none": "Aucun bon pour l'instant.",
    "loyalty.voucher.used": "Utilisé",
    "loyalty.voucher.cancelled": "Annulé",
    "loyalty.voucher.expired": "Expiré",
    "loyalty.voucher.until": "Valable jusqu'au {date}",
    # L11 : l'historique de ses loves et le graphique de ses loves au fil du temps.
    "loyalty.history.title": "Historique",
    "loyalty.history.intro": "Chaque mouvement de vos loves, du plus récent au plus ancien.",
    "loyalty.history.none": "Pas encore de loves : vos commandes et missions s'afficheront ici.",
    "loyalty.history.older": "Plus anciens",
    "loyalty.history.newer": "Plus récents",
    "loyalty.history.purchase": "Commande {reference}",
    "loyalty.history.return": "Retour de la commande {reference}",
    "loyalty.history.mission": "Mission : {mission}",
    "loyalty.history.claim": "Loves réclamés pour la commande {reference}",
    "loyalty.history.redemption": "Bon d'achat {reference}",
    "loyalty.history.leave": "Vous avez quitté Almé Lovers",
    "loyalty.history.pending": "en attente jusqu'au {date}",
    "loyalty.chart.title": "Vos loves au fil du temps",
    "loyalty.chart.intro": "Vos loves à dépenser à la fin de chaque mois, et aujourd'hui.",
    "loyalty.chart.label": "Graphique de vos loves à dépenser sur les 12 derniers mois",
    "loyalty.chart.summary": "Loves à dépenser : {points}.",
    "loyalty.chart.point": "{day} : {loves}",
    "loyalty.chart.today": "aujourd'hui",
    "loyalty.chart.pending": "{loves} en attente",
    "loyalty.chart.month.1": "janv.",
    "loyalty.chart.month.2": "févr.",
    "loyalty.chart.month.3": "mars",
    "loyalty.chart.month.4": "avr.",
    "loyalty.chart.month.5": "mai",
    "loyalty.chart.month.6": "juin",
    "loyalty.chart.month.7": "juil.",
    "loyalty.chart.month.8": "août",
    "loyalty.chart.month.9": "sept.",
    "loyalty.chart.month.10": "oct.",
    "loyalty.chart.month.11": "nov.",
    "loyalty.chart.month.12": "déc.",
    "loyalty.claim.title": "Réclamer les loves d'une commande",
    "loyalty.claim.intro": (
        "Une commande passée sans être connectée, ou avec un autre e-mail, n'a encore rien "
        "rapporté : indiquez son numéro et l'e-mail utilisé."
    ),
    "loyalty.claim.order": "Numéro de commande",
    "loyalty.claim.order_email": "E-mail utilisé pour la commande",
    "loyalty.claim.submit": "Réclamer mes loves",
    "loyalty.claim.done": "{loves} loves comptés pour la commande {code}.",
    "loyalty.claim.not_found": "Aucune commande ne correspond à ce numéro et à cet e-mail.",
    "loyalty.claim.rate_limited": "Trop d'essais : réessayez dans un quart d'heure.",
    "loyalty.claim.counted": "Cette commande a déjà rapporté ses loves.",
    "loyalty.claim.cancelled": "Une commande annulée ne rapporte pas de loves.",
    "loyalty.claim.email": "Ce n'est pas l'e-mail utilisé pour la commande.",
    "loyalty.left": (
        "Vous avez quitté les Almé Lovers : plus aucun love ne peut être gagné ni dépensé."
    ),
    "loyalty.left.notice": (
        "Vous avez quitté les Almé Lovers le {date}. Votre compte, vos commandes et vos "
        "retours restent."
    ),
    "loyalty.leave.title": "Quitter les Almé Lovers",
    "loyalty.leave.intro": (
        "C'est définitif : tous vos loves, y compris en attente, et vos bons sont annulés, "
        "sans retour possible."
    ),
    "loyalty.leave.confirm_box": (
        "Je comprends que tous mes loves et avantages sont annulés définitivement."
    ),
    "loyalty.leave.submit": "Quitter les Almé Lovers",
    "loyalty.leave.confirm": "Cochez la case pour confirmer que vous souhaitez partir.",
    "loyalty.leave.done": (
        "Vous avez quitté les Almé Lovers : {loves} loves et vos bons sont annulés."
    ),
    "loyalty.claim.confirm_sent": (
        "Cette commande a été passée avec une autre adresse : nous lui avons envoyé un lien. "
        "Les loves comptent dès qu'il est ouvert."
    ),
}
