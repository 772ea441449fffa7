"""French for kb/accounts (network members, registration, login pages)."""

FRENCH = {
    "Members": "Membres",
    "Pending approval": "En attente de validation",
    "Approved": "Validé",
    "Refused": "Refusé",
    "user": "utilisateur",
    "For members who work for a city.": "Pour les membres qui travaillent pour une ville.",
    "For members who work for a company or another organisation.": "Pour les membres qui travaillent pour une entreprise ou une autre organisation.",
    "role": "fonction",
    "The member's job or role in the organisation.": "Le poste ou la fonction du membre dans l’organisation.",
    "registered at": "inscrit le",
    "decided at": "décidé le",
    "decided by": "décidé par",
    "member profile": "profil de membre",
    "member profiles": "profils de membre",
}
