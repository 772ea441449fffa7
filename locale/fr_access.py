"""French for the access tiers (practices.access, the locked page, TLP labels, kb.media)."""

FRENCH = {
    # PracticePage fields
    "title and summary visible to everyone": "titre et résumé visibles par tous",
    "For a network or restricted entry: visitors without access see the title, the summary and how to ask for access, never the rest.":
        "Pour une fiche réservée au réseau ou restreinte : les visiteurs sans accès voient le titre, le résumé et "
        "comment demander l’accès, jamais le reste.",
    "groups with access": "groupes ayant accès",
    "For a restricted entry: the groups whose members may read it (editors always may).":
        "Pour une fiche restreinte : les groupes dont les membres peuvent la lire (les éditeurs le peuvent toujours).",
    "member organisations with access": "organisations membres ayant accès",
    "For a restricted entry: the member organisations whose approved members may read it.":
        "Pour une fiche restreinte : les organisations membres dont les membres approuvés peuvent la lire.",
    "owner organisation": "organisation propriétaire",
    "The organisation whose editors decide requests for access to this entry.":
        "L’organisation dont les éditeurs décident des demandes d’accès à cette fiche.",
    "Personal data: shown to approved network members only.":
        "Données personnelles : affichées aux seuls membres approuvés du réseau.",
    # Access requests (model)
    "Access requests": "Demandes d’accès",
    "access request": "demande d’accès",
    "access requests": "demandes d’accès",
    "Awaiting a decision": "En attente de décision",
    "practice": "pratique",
    "member": "membre",
    "why access is needed": "pourquoi l’accès est nécessaire",
    "requested at": "demandée le",
    "decided at": "décidée le",
    "decided by": "décidée par",
    "note to the member": "message au membre",
    # Media
    "Media access": "Accès aux médias",
    # TLP labels
    "Public: may be shared with anyone.": "Public : peut être partagé avec tout le monde.",
    "Network: for approved network members only, not to be shared outside the network.":
        "Réseau : pour les seuls membres approuvés du réseau, à ne pas diffuser hors du réseau.",
    "Restricted: for the named groups and organisations only.":
        "Restreint : pour les seuls groupes et organisations désignés.",
    # The locked page
    "Access restricted": "Accès restreint",
    "For network members": "Réservé aux membres du réseau",
    "For named groups and organisations": "Réservé à des groupes et organisations désignés",
    "The rest of this entry is shared with approved members of the network only.":
        "La suite de cette fiche n’est partagée qu’avec les membres approuvés du réseau.",
    "The rest of this entry is shared only with the groups and member organisations its owner named.":
        "La suite de cette fiche n’est partagée qu’avec les groupes et organisations membres désignés par son propriétaire.",
    "Log in": "Se connecter",
    "or": "ou",
    "request membership of the network": "demander à devenir membre du réseau",
    "Your membership has not been approved yet.": "Votre adhésion n’a pas encore été approuvée.",
    "Contact details are shown to approved network members.":
        "Les coordonnées sont affichées aux membres approuvés du réseau.",
}
