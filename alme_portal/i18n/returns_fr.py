"""Messages français des retours, échanges, alertes et rétractation (clés de returns_en)."""

MESSAGES: dict[str, str] = {
    "returns.kicker": "Retours & échanges",
    "returns.title": "Retourner ou échanger un article",
    "returns.intro": (
        "Vous disposez de {days} jours après la livraison. Retrouvez votre commande avec son"
        " numéro et votre e-mail : nous vous guidons étape par étape."
    ),
    "returns.step.items": "Articles",
    "returns.step.resolve": "Motif",
    "returns.step.details": "Coordonnées",
    "returns.step.method": "Mode de retour",
    "returns.step.review": "Confirmation",
    "returns.progress": "Étape {index} sur {count}",
    "returns.items.title": "Sélectionnez les articles à retourner",
    "returns.items.intro": "Plusieurs articles peuvent voyager dans le même colis.",
    "returns.quantity": "Quantité à retourner",
    "returns.until": "Retournable jusqu'au {date}",
    "returns.refused.not_delivered": "Pas encore livré : vous pourrez le retourner à réception.",
    "returns.refused.window_closed": "Le délai de retour de 14 jours a pris fin le {date}.",
    "returns.refused.already_returned": "Déjà déclaré dans un retour.",
    "returns.items.none": "Choisissez au moins un article à retourner.",
    "returns.nothing_returnable": (
        "Aucun article de cette commande ne peut être retourné aujourd'hui."
    ),
    "returns.continue": "Continuer",
    "returns.order_being_returned": "Retour de la commande",
    "returns.find_another_order": "Trouver une autre commande",
    "returns.loves.taken": (
        "Almé Lovers : ce retour annule {loves} loves en attente de cette commande s'il nous"
        " parvient avant le {date} (après ce jour, ils sont à vous). Votre statut ne change pas."
    ),
    "returns.loves.unchanged": "Almé Lovers : vos loves et votre statut ne changent pas.",
    "returns.relay_points_label": "Points Mondial Relay proches de vous",
    "returns.back": "Étape précédente",
    "returns.add_items": "Ajouter d'autres articles",
    "returns.item_of": "Article {index} sur {count}",
    "returns.reason": "Pourquoi le retournez-vous ?",
    "returns.reason.damaged_or_defective": "Abîmé ou défectueux",
    "returns.reason.poor_quality": "Qualité insuffisante",
    "returns.reason.arrived_crumpled": "Arrivé froissé",
    "returns.reason.wrong_item": "Article reçu par erreur (mauvais article)",
    "returns.reason.too_small": "Trop petit",
    "returns.reason.too_big": "Trop grand",
    "returns.reason.fit": "La coupe ne me va pas",
    "returns.reason.not_as_pictured": "Différent des photos",
    "returns.reason.changed_mind": "J'ai changé d'avis",
    "returns.defect_note": (
        "Les articles défectueux sont mis de côté à leur arrivée. Un défaut constaté à"
        " réception doit être signalé sous 48 heures à {email}."
    ),
    "returns.resolution": "Que souhaitez-vous à la place ?",
    "returns.resolution.refund": "Un remboursement",
    "returns.resolution.size_exchange": "Échanger l'article contre une autre taille",
    "returns.resolution.product_exchange": "Échanger l'article contre un autre produit ou coloris",
    "returns.refund_method": "Comment souhaitez-vous être remboursée ?",
    "returns.refund.credit_note": "Avoir valable 1 an, utilisable sur plusieurs commandes",
    "returns.refund.original": "Moyen de paiement d'origine",
    "returns.confirm_refund": "Confirmer le remboursement",
    "returns.exchange_size": "Échanger l'article",
    "returns.exchange_product": "Échanger l'article contre un autre produit",
    "returns.size": "Nouvelle taille",
    "returns.size_out": "{size} – épuisée",
    "returns.product": "Produit",
    "returns.colour": "Couleur",
    "returns.variant": "{size} · {price}",
    "returns.variant_out": "{size} · {price} – épuisée",
    "returns.diff.pay": "Vous réglez la différence : {amount}.",
    "returns.diff.refund": "Nous vous remboursons la différence : {amount}.",
    "returns.diff.none": "Même prix : rien à régler.",
    "returns.same_price": "Le prix payé est conservé, quel que soit le prix du jour.",
    "returns.free_shipping": (
        "L'envoi de l'échange est offert, à votre adresse ou point relais d'origine. Il part"
        " dès réception de votre retour (environ {days} jours après le dépôt)."
    ),
    "returns.out_of_stock": (
        "Cette taille est épuisée. Vous pouvez retourner l'article à la place, et nous pouvons"
        " vous prévenir par e-mail dès son retour."
    ),
    "returns.return_instead": "Le retourner à la place",
    "returns.alert.title": "Alerte de retour en stock",
    "returns.alert.email": "E-mail",
    "returns.alert.create": "CRÉER UNE ALERTE",
    "alert.created": "C'est noté : nous vous écrirons dès le retour de cette taille.",
    "alert.exists": "Une alerte existe déjà pour cette taille et cet e-mail.",
    "alert.invalid.email": "Merci de saisir une adresse e-mail valide.",
    "alert.invalid.in_stock": "Cette taille est en stock : pas besoin d'alerte.",
    "alert.invalid.variant": "Cette taille n'existe pas.",
    "returns.details.title": "Vérifiez vos coordonnées",
    "returns.details.intro": "Elles figurent comme expéditeur sur votre étiquette de retour.",
    "returns.method.title": "Comment nous le renvoyez-vous ?",
    "returns.method.mondial_relay": "Dépôt Mondial Relay, étiquette prépayée",
    "returns.method.store": "Déposer mon retour en boutique",
    "returns.method.self_ship": "Envoi par vos soins, remboursé jusqu'à {cap}",
    "returns.method.self_ship_note": (
        "Mondial Relay ne dessert pas votre pays : envoyez le colis à notre Atelier avec le"
        " transporteur de votre choix et gardez le justificatif. Nous remboursons les frais"
        " jusqu'à {cap}."
    ),
    "returns.relay.any": (
        "Tous les points Mondial Relay acceptent votre étiquette ; en choisir un est facultatif."
    ),
    "returns.relay.postcode": "Code postal",
    "returns.relay.search": "Trouver un point relais",
    "returns.relay.chosen": "Votre point de dépôt",
    "returns.relay.locker": "Consigne",
    "relay.invalid.country": (
        "La recherche de points Mondial Relay couvre la France et la Belgique."
    ),
    "relay.invalid.postcode": "Merci de saisir un code postal valide.",
    "relay.none_near": (
        "Aucun point Mondial Relay près de ce code postal : essayez-en un autre tout proche, ou"
        " déposez votre retour en boutique."
    ),
    "relay.unavailable": "Mondial Relay ne répond pas pour le moment. Merci de réessayer.",
    "returns.salon": "Salon",
    "returns.review.title": "Vérifiez et confirmez",
    "returns.review.method": "Mode de retour",
    "returns.review.sender": "Expéditeur",
    "returns.confirm": "Confirmer mon retour",
    "returns.outcome.size_exchange": "Échange contre {item}",
    "returns.outcome.product_exchange": "Échange contre {item}",
    "returns.done.title": "Votre retour {number} est enregistré",
    "returns.done.mondial_relay": (
        "Imprimez votre étiquette, collez-la sur l'ancienne, glissez la carte destinataire dans"
        " le colis et déposez-le dans un point Mondial Relay avant le {date}."
    ),
    "returns.done.store": "Apportez votre colis, carte destinataire à l'intérieur, à {salon}.",
    "returns.done.self_ship": (
        "Envoyez votre colis à notre Atelier, carte destinataire à l'intérieur, et gardez le"
        " justificatif d'envoi : nous vous remboursons le port jusqu'à {cap}."
    ),
    "returns.done.asked": "Votre demande",
    "returns.review.refund_amount": "{amount} remboursés après contrôle",
    "returns.done.email": "Nous vous l'avons aussi envoyée par e-mail.",
    "returns.download": "Télécharger votre étiquette de retour",
    "returns.download.pdf": "PDF à imprimer",
    "returns.download.png": "Image pour votre téléphone",
    "returns.status_link": "Suivre mon retour",
    "returns.invalid.draft": "Il manque quelque chose à votre retour. Vérifiez chaque étape.",
    "returns.invalid.order": "Retrouvez à nouveau votre commande pour la retourner.",
    "returns.invalid.line": "Cet article ne fait pas partie de votre commande.",
    "returns.invalid.quantity": "Vous ne pouvez pas retourner plus que reçu.",
    "returns.invalid.refund_method": "Choisissez votre mode de remboursement.",
    "returns.invalid.exchange": "Choisissez l'article souhaité à la place.",
    "returns.invalid.pick_exchange": "Choisissez l'article souhaité à la place.",
    "returns.invalid.out_of_stock": (
        "Cet article est épuisé : choisissez-en un autre ou un remboursement."
    ),
    "returns.invalid.method": "Choisissez comment envoyer votre retour.",
    "returns.invalid.salon": "Choisissez un salon.",
    "returns.invalid.relay_point": "Ce point relais est inconnu : relancez la recherche.",
    "returns.invalid.reason": "Choisissez un motif.",
    "returns.invalid.resolution": "Choisissez un remboursement ou un échange.",
    "returns.invalid.details": "Merci de remplir chaque champ.",
    "returns.label.expired": (
        "Cette étiquette a expiré (elles sont valables 14 jours). Merci de nous contacter."
    ),
    "returns.label.format": "Ce format de fichier n'est pas disponible.",
    "returns.label.none": "Ce retour n'a pas d'étiquette.",
    "returns.label.pending": (
        "Votre étiquette est en préparation, nous vous l'envoyons par e-mail dans l'heure."
    ),
    "returns.label.paperless": ("Votre retour a un QR code à la place : téléchargez-le en image."),
    "returns.paperless.choice": "Pas d'imprimante ? Montrez un QR code au point relais",
    "returns.done.mondial_relay_paperless": (
        "Pas besoin d'imprimante : montrez ce QR code dans n'importe quel point Mondial Relay "
        "avant le {date}. Ils impriment votre étiquette prépayée et la collent sur votre colis ; "
        "glissez la carte destinataire à l'intérieur."
    ),
    "returns.download.qr": "QR code pour le point relais",
    "returns.invalid.paperless": (
        "Le QR code n'est pas disponible : votre étiquette sera à imprimer."
    ),
    "returns.status.parcel": "Colis Mondial Relay {number}",
    "returns.parcel.title": "Votre colis",
    "returns.parcel.booked": "Étiquette réservée auprès de Mondial Relay",
    "returns.parcel.dropped_off": "Déposé en point relais",
    "returns.parcel.on_its_way": "En route vers notre Atelier",
    "returns.parcel.at_atelier": "Livré à notre Atelier",
    "returns.parcel.problem": (
        "Mondial Relay signale un problème sur votre colis. Nous nous en occupons et vous écrirons."
    ),
    "returns.invalid.phone": (
        "Mondial Relay a besoin de votre numéro de mobile pour vous prévenir par SMS : "
        "merci de l'indiquer."
    ),
    "returns.invalid.street_too_long": (
        "Mondial Relay imprime votre rue sur deux lignes de 32 caractères : merci de la raccourcir."
    ),
    "returns.sender.phone": "Téléphone mobile (Mondial Relay vous prévient par SMS)",
    "returns.money.credit_note_on_page": (
        "Votre avoir est émis dès réception et contrôle de votre retour, valable 1 an : son code"
        " s’affiche sur cette page."
    ),
    "returns.shoes.packing": (
        "Les chaussures reviennent dans leur boîte avec leur pochon, la semelle de protection"
        " toujours en place : sans cela, l’Atelier ne peut pas accepter le retour."
    ),
    "returns.money.credit_note": (
        "Votre avoir vous est envoyé par e-mail dès réception et contrôle de votre retour. Il"
        " est valable 1 an."
    ),
    "returns.money.original": (
        "Remboursé sur votre moyen de paiement dès réception et contrôle de votre retour ;"
        " visible sur votre compte 2 à 3 jours plus tard."
    ),
    "returns.money.gift_card": "Recrédité sur votre carte cadeau après contrôle de votre retour.",
    "returns.money.gift_card_first": (
        "Votre carte cadeau est recréditée en premier, à hauteur de ce qu'elle a payé ; le"
        " reste revient sur votre autre moyen de paiement."
    ),
    "returns.money.instalments": (
        "Vos échéances restantes sont réduites, ou annulées avec remboursement de l'excédent."
    ),
    "returns.money.deferred": (
        "Reçu avant votre date de paiement, l'article n'est jamais débité ; après, il est"
        " recrédité."
    ),
    "returns.money.exchange": (
        "Rien à rembourser : votre nouvel article part dès réception de celui-ci."
    ),
    "returns.status.kicker": "Retour",
    "returns.status.title": "Retour {number}",
    "returns.status.order": "Commande {number}",
    "returns.status.declared": "Déclaré",
    "returns.status.dropped_off": "Déposé",
    "returns.status.received": "Reçu à l'Atelier",
    "returns.status.inspected": "Contrôlé",
    "returns.status.done": "Remboursé ou échangé",
    "returns.status.refunded": "Remboursé",
    "returns.status.credit_note_issued": "Avoir émis",
    "returns.status.exchange_shipped": "Échange expédié",
    "returns.status.refused": "Refusé après contrôle",
    "returns.status.items": "Articles",
    "returns.status.money": "Votre remboursement",
    "returns.status.place": "Où l'envoyer",
    "returns.status.denied": "Retrouvez d'abord votre commande pour voir ses retours.",
    "returns.label_until": "Étiquette valable jusqu'au {date}",
    # Fonction de rétractation (UE)
    "withdrawal.link": "Se rétracter du contrat ici",
    "withdrawal.title": "Vous rétracter de votre contrat",
    "withdrawal.intro": (
        "Vous pouvez vous rétracter de cette commande dans les 14 jours suivant sa réception,"
        " sans motif. Nous n'avons besoin que de ce qui identifie votre contrat."
    ),
    "withdrawal.name": "Votre nom",
    "withdrawal.email": "E-mail utilisé pour la commande",
    "withdrawal.confirm": "Confirmer la rétractation",
    "withdrawal.done": "Nous avons bien reçu votre rétractation",
    "withdrawal.next": "Commencer mon retour",
    "withdrawal.invalid.email": "Cet e-mail n'est pas celui de la commande.",
    "withdrawal.invalid.name": "Merci de saisir votre nom.",
    "withdrawal.invalid.closed": "Le délai de rétractation de cette commande est écoulé.",
    "withdrawal.invalid.order": "Retrouvez d'abord votre commande.",
}
