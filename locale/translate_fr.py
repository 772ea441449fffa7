"""Fills the French catalogue from the table below (run after `makemessages -l fr`).

Kept in the repository so that a new interface string gets its French next to the others:
`python locale/translate_fr.py` reports every msgid still without a translation.
"""

import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

FRENCH = {
    "Knowledge base": "Base de connaissances",
    "lead": "chapeau",
    "One or two sentences under the site title.": "Une ou deux phrases sous le titre du site.",
    "home page": "page d’accueil",
    "tagline": "accroche",
    "Shown in the footer, under the site name.": "Affichée en pied de page, sous le nom du site.",
    "contact e-mail": "courriel de contact",
    "site settings": "réglages du site",
    "text": "texte",
    "image": "image",
    "body": "corps",
    "standard page": "page simple",
    "English": "Anglais",
    "French": "Français",
    "Urban security good practices": "Bonnes pratiques de sécurité urbaine",
    "Practices": "Pratiques",
    "Context and problem": "Contexte et problème",
    "Objectives": "Objectifs",
    "Implementation": "Mise en œuvre",
    "Results and evaluation": "Résultats et évaluation",
    "Lessons learned": "Enseignements",
    "Transferability": "Transférabilité",
    "alternative text": "texte alternatif",
    "What the image shows, for people who cannot see it.": "Ce que montre l’image, pour les personnes qui ne la voient pas.",
    "caption": "légende",
    "credit and licence": "crédit et licence",
    "quotation": "citation",
    "attribution": "source de la citation",
    "Who said it, and where it was published.": "Qui l’a dit, et où cela a été publié.",
    "document": "document",
    "description": "description",
    "section": "section",
    "content": "contenu",
    "name": "nom",
    "role": "rôle",
    "organisation": "organisation",
    "e-mail": "courriel",
    "phone": "téléphone",
    "Expected a list of values.": "Une liste de valeurs est attendue.",
    "Unknown value(s): %(values)s. Allowed: %(allowed)s.": "Valeur(s) inconnue(s) : %(values)s. Valeurs permises : %(allowed)s.",
    "slug": "identifiant d’adresse",
    "sector": "secteur",
    "industry": "activité",
    "For example: retail, hospitality, private security, transport, local government.":
        "Par exemple : commerce, hôtellerie, sécurité privée, transport, collectivité locale.",
    "country": "pays",
    "Leave empty for international bodies.": "Laisser vide pour les organismes internationaux.",
    "website": "site web",
    "organisations": "organisations",
    "city network": "réseau de villes",
    "city networks": "réseaux de villes",
    "Used in the city's address: /cities/<slug>/.": "Utilisé dans l’adresse de la ville : /cities/<identifiant>/.",
    "ISO 3166 country.": "Pays ISO 3166.",
    "region": "région",
    "latitude": "latitude",
    "longitude": "longitude",
    "population band": "tranche de population",
    "networks": "réseaux",
    "Location (city centre)": "Position (centre-ville)",
    "city": "ville",
    "cities": "villes",
    "Themes": "Thèmes",
    "The phases this practice covers (at least one).": "Les phases couvertes par cette pratique (au moins une).",
    "The end year cannot be before the start year.": "L’année de fin ne peut pas précéder l’année de début.",
    "introduction": "introduction",
    "practice index": "index des pratiques",
    "What this partner did, in one or two sentences.": "Ce qu’a fait ce partenaire, en une ou deux phrases.",
    "partner": "partenaire",
    "partners": "partenaires",
    "title": "titre",
    "address": "adresse",
    "source": "source",
    "sources": "sources",
    "summary": "résumé",
    "Plain text, at most 600 characters: shown on cards and as the search snippet.":
        "Texte brut, 600 caractères au plus : affiché sur les fiches et comme extrait dans la recherche.",
    "The city where the work took place (for a national scheme: the lead city).":
        "La ville où l’action a eu lieu (pour un dispositif national : la ville pilote).",
    "further cities": "autres villes",
    "themes": "thèmes",
    "topics": "sujets",
    "Free tags: CCTV, lighting, crowd management, hostile vehicle mitigation, staff training...":
        "Mots-clés libres : vidéoprotection, éclairage, gestion des foules, dispositifs anti-bélier, formation du personnel…",
    "target types": "types de cibles",
    "partnership models": "modèles de partenariat",
    "evidence level": "niveau de preuve",
    "status": "statut",
    "Leave empty when not known.": "Laisser vide si inconnu.",
    "start year": "année de début",
    "end year": "année de fin",
    "cost band": "tranche de coût",
    "public share of funding (%)": "part publique du financement (%)",
    "Percentage paid by public bodies; the rest is private. Empty when not known.":
        "Pourcentage payé par des organismes publics ; le reste est privé. Vide si inconnu.",
    "legal and privacy notes": "notes juridiques et protection des données",
    "For example: a data protection impact assessment done for video analytics.":
        "Par exemple : une analyse d’impact relative à la protection des données pour la vidéo intelligente.",
    "contacts": "contacts",
    "Personal data: shown to signed-in members only.": "Données personnelles : visibles des seuls membres connectés.",
    "access level": "niveau d’accès",
    "language": "langue",
    "last reviewed": "dernière relecture",
    "submitted by": "soumis par",
    "featured on the home page": "mis en avant sur la page d’accueil",
    "Where": "Où",
    "Classification": "Classement",
    "Partners": "Partenaires",
    "Partners, in order": "Partenaires, dans l’ordre",
    "Sources": "Sources",
    "Evidence, status and money": "Preuves, statut et financement",
    "Publication": "Publication",
    "Content": "Contenu",
    "Details": "Détails",
    "Promote": "Promotion",
    "Settings": "Paramètres",
    "practice": "pratique",
    "practices": "pratiques",
    "“%(value)s” is not a theme. Themes are: %(themes)s.": "« %(value)s » n’est pas un thème. Les thèmes sont : %(themes)s.",
    "theme": "thème",
    "A theme's slug is its name.": "L’identifiant d’un thème est son nom.",
    "Prevention": "Prévention",
    "Protection": "Protection",
    "Mitigation": "Atténuation",
    "Response": "Intervention",
    "Recovery": "Rétablissement",
    "Detecting and deterring attacks before they happen: awareness, reporting, vigilance.":
        "Détecter et dissuader les attaques avant qu’elles ne se produisent : sensibilisation, signalement, vigilance.",
    "Making places harder to attack: physical security, access control, patrols.":
        "Rendre les lieux plus difficiles à attaquer : sécurité physique, contrôle d’accès, patrouilles.",
    "Reducing harm when an attack happens: design, barriers, evacuation plans.":
        "Réduire les dommages lors d’une attaque : aménagement, barrières, plans d’évacuation.",
    "Acting during and just after an attack: alerting, first aid, coordination.":
        "Agir pendant et juste après une attaque : alerte, premiers secours, coordination.",
    "Bringing people and places back: support, reopening, economic recovery.":
        "Relever les personnes et les lieux : soutien, réouverture, reprise économique.",
    "Africa": "Afrique",
    "Asia": "Asie",
    "Europe": "Europe",
    "North America": "Amérique du Nord",
    "South America": "Amérique du Sud",
    "Oceania": "Océanie",
    "Under 100,000": "Moins de 100 000",
    "100,000 to 500,000": "100 000 à 500 000",
    "500,000 to 1 million": "500 000 à 1 million",
    "1 to 5 million": "1 à 5 millions",
    "Over 5 million": "Plus de 5 millions",
    "Squares, promenades and streets": "Places, promenades et rues",
    "Transport hubs": "Pôles de transport",
    "Stadiums and arenas": "Stades et salles",
    "Concert halls, theatres and nightlife": "Salles de concert, théâtres et vie nocturne",
    "Shopping streets and centres": "Rues et centres commerçants",
    "Hotels": "Hôtels",
    "Places of worship": "Lieux de culte",
    "Events, festivals and markets": "Événements, festivals et marchés",
    "Offices and business districts": "Bureaux et quartiers d’affaires",
    "Tourist sites": "Sites touristiques",
    "Schools, universities and hospitals": "Écoles, universités et hôpitaux",
    "Information sharing": "Partage d’informations",
    "Joint training and exercises": "Formations et exercices communs",
    "Technology deployment": "Déploiement technologique",
    "Co-funding": "Cofinancement",
    "Alert and communication networks": "Réseaux d’alerte et de communication",
    "Urban design and hostile vehicle mitigation": "Aménagement urbain et dispositifs anti-bélier",
    "Community programmes": "Programmes de proximité",
    "Coordination of private security": "Coordination de la sécurité privée",
    "Public": "Public",
    "Private": "Privé",
    "Civil society": "Société civile",
    "Academic": "Recherche",
    "International": "International",
    "Not evaluated": "Non évaluée",
    "Self-reported": "Déclarée par les acteurs",
    "Monitored outputs": "Réalisations suivies",
    "Independent evaluation": "Évaluation indépendante",
    "Impact evaluation": "Évaluation d’impact",
    "Pilot": "Expérimentation",
    "Ongoing": "En cours",
    "Completed": "Terminée",
    "Discontinued": "Arrêtée",
    "Under €50,000": "Moins de 50 000 €",
    "€50,000 to €250,000": "50 000 € à 250 000 €",
    "€250,000 to €1 million": "250 000 € à 1 million €",
    "€1 to 5 million": "1 à 5 millions €",
    "Over €5 million": "Plus de 5 millions €",
    "Network members": "Membres du réseau",
    "Restricted to named groups": "Réservée à des groupes désignés",
    "Cities and partners": "Villes et partenaires",
    "Access denied": "Accès refusé",
    "This page is shared with network members only. If you think you should see it, contact the network secretariat.":
        "Cette page est réservée aux membres du réseau. Si vous pensez devoir y accéder, contactez le secrétariat du réseau.",
    "Page not found": "Page introuvable",
    "There is no page at this address. It may have moved, or the link may be wrong.":
        "Il n’y a pas de page à cette adresse. Elle a peut-être été déplacée, ou le lien est erroné.",
    "Go to the home page": "Aller à la page d’accueil",
    "How cities and companies protect crowded public places together: practices from prevention to recovery, with their sources.":
        "Comment villes et entreprises protègent ensemble les lieux publics fréquentés : des pratiques, de la prévention au rétablissement, avec leurs sources.",
    "Skip to content": "Aller au contenu",
    "Main": "Principal",
    "All practices": "Toutes les pratiques",
    "Language": "Langue",
    "A knowledge base of public-private partnerships that protect crowded places, in the spirit of UN Security Council resolution 2396 (2017).":
        "Une base de connaissances des partenariats public-privé qui protègent les lieux fréquentés, dans l’esprit de la résolution 2396 (2017) du Conseil de sécurité des Nations unies.",
    "Pages": "Pages",
    "Previous": "Précédente",
    "Page %(number)s of %(total)s": "Page %(number)s sur %(total)s",
    "Next": "Suivante",
    "Evidence:": "Preuves :",
    "No practices here yet.": "Aucune pratique ici pour l’instant.",
    "Home": "Accueil",
    "Cities": "Villes",
    "Countries": "Pays",
    "Browse by theme": "Parcourir par thème",
    ("%(counter)s practice", "%(counter)s practices"): ("%(counter)s pratique", "%(counter)s pratiques"),
    "Browse by region": "Parcourir par région",
    "Featured practices": "Pratiques à la une",
    "Latest practices": "Dernières pratiques",
    "See all practices": "Voir toutes les pratiques",
    "Country": "Pays",
    "Region": "Région",
    "Population": "Population",
    "Networks": "Réseaux",
    "No practices from this city yet.": "Aucune pratique de cette ville pour l’instant.",
    "Filter practices": "Filtrer les pratiques",
    "Theme": "Thème",
    "All themes": "Tous les thèmes",
    "All regions": "Toutes les régions",
    "Show": "Afficher",
    "also:": "aussi :",
    "Key facts": "En bref",
    "Evidence level": "Niveau de preuve",
    "Status": "Statut",
    "Not stated": "Non précisé",
    "Years": "Années",
    "Cost": "Coût",
    "Funding": "Financement",
    "%(public)s%% public, %(private)s%% private": "%(public)s %% public, %(private)s %% privé",
    "Places protected": "Lieux protégés",
    "Partnership models": "Modèles de partenariat",
    "Topics": "Sujets",
    "Access": "Accès",
    "Last reviewed": "Dernière relecture",
    "Legal and privacy notes": "Notes juridiques et protection des données",
    "Contacts": "Contacts",
    "Contact details are shown to signed-in network members.": "Les coordonnées sont visibles des membres du réseau connectés.",
    "Related practices": "Pratiques liées",
    "Other themes": "Autres thèmes",
    "Search": "Rechercher",
    "Search practices": "Rechercher des pratiques",
    "query": "requête",
    "searches": "recherches",
    "searches without results": "recherches sans résultat",
    "last searched": "dernière recherche",
    "search query statistic": "statistique de recherche",
    "search query statistics": "statistiques de recherche",
    "City": "Ville",
    "Place protected": "Lieu protégé",
    "Partner sector": "Secteur des partenaires",
    "Partnership model": "Modèle de partenariat",
    "Relevance": "Pertinence",
    "Newest": "Plus récentes",
    "Strongest evidence": "Preuves les plus solides",
    "Text: %(text)s": "Texte : %(text)s",
    "From %(year)s": "À partir de %(year)s",
    "Until %(year)s": "Jusqu’à %(year)s",
    "Search terms": "Termes recherchés",
    "Search practices across cities, in English or French": "Rechercher des pratiques dans toutes les villes, en français ou en anglais",
    "What practitioners search for on the public site. Only the words typed and counts are kept: nothing about who searched.":
        "Ce que les praticiens recherchent sur le site public. Seuls les mots saisis et les nombres sont conservés : rien sur qui a cherché.",
    "Most frequent searches": "Recherches les plus fréquentes",
    "Query": "Requête",
    "Searches": "Recherches",
    "Without results": "Sans résultat",
    "Last searched": "Dernière recherche",
    "No searches yet.": "Aucune recherche pour l’instant.",
    "Searches without results": "Recherches sans résultat",
    "Topics practitioners look for and do not find: candidates for new entries or synonyms.":
        "Sujets que les praticiens cherchent sans les trouver : pistes pour de nouvelles fiches ou de nouveaux synonymes.",
    "None: every search found something.": "Aucune : chaque recherche a trouvé quelque chose.",
    "Search: %(text)s": "Recherche : %(text)s",
    "Words to search for, in English or French": "Mots à rechercher, en français ou en anglais",
    "For example: hostile vehicle mitigation, vidéoprotection, hotel staff training.":
        "Par exemple : dispositif anti-bélier, vidéoprotection, formation du personnel hôtelier.",
    "Filters": "Filtres",
    "Years active": "Années d’activité",
    "From": "De",
    "to": "à",
    "Sort by": "Trier par",
    "Apply filters": "Appliquer les filtres",
    "Search is unavailable": "La recherche est indisponible",
    "The search engine cannot be reached right now. Please try again in a few minutes; you can still browse practices by theme and by city.":
        "Le moteur de recherche ne répond pas pour l’instant. Réessayez dans quelques minutes ; vous pouvez toujours parcourir les pratiques par thème et par ville.",
    ("%(counter)s practice found", "%(counter)s practices found"): ("%(counter)s pratique trouvée", "%(counter)s pratiques trouvées"),
    "Active filters": "Filtres actifs",
    "Remove filter:": "Retirer le filtre :",
    "Clear all filters": "Retirer tous les filtres",
    "Did you mean": "Vouliez-vous dire",
    "No practice matches this search.": "Aucune pratique ne correspond à cette recherche.",
    "Try removing a filter above, or search with fewer or other words.":
        "Essayez de retirer un filtre ci-dessus, ou de chercher avec moins de mots ou d’autres mots.",
    "Try other words, or browse by theme.": "Essayez d’autres mots, ou parcourez par thème.",
}


def _tables():
    """FRENCH above, and the FRENCH table of each `locale/fr_<area>.py` (one per app area)."""
    table = dict(FRENCH)
    for module in sorted(Path(__file__).resolve().parent.glob("fr_*.py")):
        namespace = {}
        exec(compile(module.read_text(encoding="utf-8"), str(module), "exec"), namespace)
        table.update(namespace["FRENCH"])
    return table


def main():
    path = Path(__file__).resolve().parent / "fr" / "LC_MESSAGES" / "django.po"
    french = _tables()
    with open(path, "rb") as handle:
        catalog = read_po(handle, locale="fr")
    catalog.fuzzy = False
    missing = []
    for message in catalog:
        if not message.id:
            continue
        key = message.id if isinstance(message.id, str) else tuple(message.id)
        if message.context:  # pgettext: the table writes "context\x04msgid", as gettext does
            key = f"{message.context}\x04{message.id}"
        translation = french.get(key)
        if translation is None:
            # makemessages guesses ("fuzzy") from similar strings: a guess is not a translation.
            if "fuzzy" in message.flags or not message.string or message.string == ("", ""):
                missing.append(message.id)
            continue
        message.string = translation
        message.flags.discard("fuzzy")
    with open(path, "wb") as handle:
        write_po(handle, catalog, width=100)
    for message_id in missing:
        print(f"no French for: {message_id!r}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
