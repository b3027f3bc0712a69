"""Textes français du parrainage (F1-F5)."""

MESSAGES: dict[str, str] = {
    "referral.kicker": "Parrainer une amie",
    "referral.title": "15 € pour vous, 15 € pour votre amie",
    "referral.intro": (
        "Partagez votre lien : votre amie reçoit 15 € sur sa première commande, et vous un bon"
        " de 15 € dès qu'elle commande."
    ),
    "referral.link.title": "Votre lien de parrainage",
    "referral.copy": "Copier le lien",
    "referral.copied": "Lien copié : collez-le où vous voulez.",
    "referral.whatsapp": "Partager sur WhatsApp",
    "referral.whatsapp.text": "15 € sur ta première commande Almé, avec mon lien :",
    "referral.qr": "Télécharger le QR code",
    "referral.qr.hint": "Un PNG pour un écran de téléphone ou une carte imprimée.",
    "referral.invite.title": "Inviter par e-mail",
    "referral.invite.email": "L'e-mail de votre amie",
    "referral.invite.submit": "Envoyer l'invitation",
    "referral.invited": "Invitation envoyée.",
    "referral.list.title": "Vos parrainages",
    "referral.list.none": "Aucun parrainage pour l'instant : partagez votre lien.",
    "referral.list.since": "Depuis le {date}",
    "referral.correct": "Corriger l'e-mail",
    "referral.correct.submit": "Enregistrer",
    "referral.corrected": "E-mail corrigé : nous l'avons renvoyé.",
    "referral.status.invited": "Invitée",
    "referral.status.code_sent": "Code envoyé",
    "referral.status.ordered": "A commandé",
    "referral.status.rewarded": "Récompensé",
    "referral.status.expired": "Expiré",
    "referral.status.refused": "Refusé",
    "referral.refused.self": "Vous ne pouvez pas vous parrainer vous-même.",
    "referral.refused.customer": "Seule une nouvelle venue, jamais parrainée, peut l'être.",
    "referral.refused.taken": "Seule une nouvelle venue, jamais parrainée, peut l'être.",
    "referral.refused.email": "Sa commande a utilisé un autre e-mail.",
    "referral.refused.not_first": "Ce n'était pas sa première commande Almé.",
    "referral.refused.expired": "Son code avait expiré.",
    "referral.refused.cap": "Vous avez atteint les récompenses de parrainage du mois.",
    "referral.not_found": "Ce parrainage n'est pas le vôtre.",
    "referral.not_pending": "Ce parrainage ne peut plus être modifié.",
    "referral.closed": "Le parrainage est réservé aux membres Almé Lovers.",
    "referral.unknown": "Ce lien de parrainage est inconnu ou n'est plus valable.",
    "friend.kicker": "Un cadeau de {name}",
    "friend.kicker.plain": "Un cadeau pour vous",
    "friend.title": "15 € sur votre première commande Almé",
    "friend.intro": (
        "Indiquez votre e-mail : nous affichons votre code et vous l'envoyons. Il est valable"
        " 14 jours, pour votre première commande passée avec cet e-mail."
    ),
    "friend.email": "Votre e-mail",
    "friend.submit": "Recevoir mon code de 15 €",
    "friend.code": "Votre code",
    "friend.until": "Valable jusqu'au {date}, avec l'e-mail {email}.",
    "friend.shop": "Découvrir Almé",
    "referral.code.sent": "Voici votre code ; nous vous l'avons aussi envoyé par e-mail.",
    "referral.limit": "Assez d'amies pour aujourd'hui : réessayez demain.",
    "referral.confirm_first": (
        "Confirmez d'abord votre adresse e-mail (Mon compte, « Envoyez-moi le lien ») : vous"
        " pourrez ensuite inviter vos amies par e-mail. Votre lien et son QR code marchent déjà."
    ),
}
