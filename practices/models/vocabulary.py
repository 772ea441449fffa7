"""Controlled vocabularies of the practice entry.

Values are stable slugs stored in the database and used in URLs and fixtures; labels are
translated at display time.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ThemeChoice(models.TextChoices):
    # The five phases of UN Security Council resolution 2396 that a partnership covers.
    PREVENTION = "prevention", _("Prevention")
    PROTECTION = "protection", _("Protection")
    MITIGATION = "mitigation", _("Mitigation")
    RESPONSE = "response", _("Response")
    RECOVERY = "recovery", _("Recovery")


THEME_DESCRIPTIONS = {
    ThemeChoice.PREVENTION: _("Detecting and deterring attacks before they happen: awareness, reporting, vigilance."),
    ThemeChoice.PROTECTION: _("Making places harder to attack: physical security, access control, patrols."),
    ThemeChoice.MITIGATION: _("Reducing harm when an attack happens: design, barriers, evacuation plans."),
    ThemeChoice.RESPONSE: _("Acting during and just after an attack: alerting, first aid, coordination."),
    ThemeChoice.RECOVERY: _("Bringing people and places back: support, reopening, economic recovery."),
}


class Region(models.TextChoices):
    AFRICA = "africa", _("Africa")
    ASIA = "asia", _("Asia")
    EUROPE = "europe", _("Europe")
    NORTH_AMERICA = "north-america", _("North America")
    SOUTH_AMERICA = "south-america", _("South America")
    OCEANIA = "oceania", _("Oceania")


class PopulationBand(models.TextChoices):
    UNDER_100K = "under-100k", _("Under 100,000")
    FROM_100K = "100k-500k", _("100,000 to 500,000")
    FROM_500K = "500k-1m", _("500,000 to 1 million")
    FROM_1M = "1m-5m", _("1 to 5 million")
    OVER_5M = "over-5m", _("Over 5 million")


class TargetType(models.TextChoices):
    PUBLIC_SPACES = "public-spaces", _("Squares, promenades and streets")
    TRANSPORT_HUBS = "transport-hubs", _("Transport hubs")
    STADIUMS_ARENAS = "stadiums-arenas", _("Stadiums and arenas")
    ENTERTAINMENT_VENUES = "entertainment-venues", _("Concert halls, theatres and nightlife")
    SHOPPING_AREAS = "shopping-areas", _("Shopping streets and centres")
    HOTELS = "hotels", _("Hotels")
    PLACES_OF_WORSHIP = "places-of-worship", _("Places of worship")
    EVENTS_MARKETS = "events-markets", _("Events, festivals and markets")
    BUSINESS_DISTRICTS = "business-districts", _("Offices and business districts")
    TOURIST_SITES = "tourist-sites", _("Tourist sites")
    EDUCATION_HEALTH = "education-health", _("Schools, universities and hospitals")


class PartnershipModel(models.TextChoices):
    INFORMATION_SHARING = "information-sharing", _("Information sharing")
    JOINT_TRAINING = "joint-training", _("Joint training and exercises")
    TECHNOLOGY_DEPLOYMENT = "technology-deployment", _("Technology deployment")
    CO_FUNDING = "co-funding", _("Co-funding")
    ALERTING_NETWORKS = "alerting-networks", _("Alert and communication networks")
    URBAN_DESIGN = "urban-design", _("Urban design and hostile vehicle mitigation")
    COMMUNITY_PROGRAMMES = "community-programmes", _("Community programmes")
    SECURITY_COORDINATION = "security-coordination", _("Coordination of private security")


class Sector(models.TextChoices):
    PUBLIC = "public", _("Public")
    PRIVATE = "private", _("Private")
    CIVIL_SOCIETY = "civil-society", _("Civil society")
    ACADEMIC = "academic", _("Academic")
    INTERNATIONAL = "international", _("International")


class EvidenceLevel(models.TextChoices):
    # Ordered from weakest to strongest: the order is used to sort by evidence.
    NOT_EVALUATED = "not-evaluated", _("Not evaluated")
    SELF_REPORTED = "self-reported", _("Self-reported")
    MONITORED_OUTPUTS = "monitored-outputs", _("Monitored outputs")
    INDEPENDENT_EVALUATION = "independent-evaluation", _("Independent evaluation")
    IMPACT_EVALUATION = "impact-evaluation", _("Impact evaluation")


class Status(models.TextChoices):
    PILOT = "pilot", _("Pilot")
    ONGOING = "ongoing", _("Ongoing")
    COMPLETED = "completed", _("Completed")
    DISCONTINUED = "discontinued", _("Discontinued")


class CostBand(models.TextChoices):
    UNDER_50K = "under-50k", _("Under €50,000")
    FROM_50K = "50k-250k", _("€50,000 to €250,000")
    FROM_250K = "250k-1m", _("€250,000 to €1 million")
    FROM_1M = "1m-5m", _("€1 to 5 million")
    OVER_5M = "over-5m", _("Over €5 million")


class AccessLevel(models.TextChoices):
    PUBLIC = "public", _("Public")
    NETWORK = "network", _("Network members")
    RESTRICTED = "restricted", _("Restricted to named groups")

    @property
    def tlp(self):
        """The Traffic Light Protocol label people in this field read at a glance."""
        return TLP_LABELS[self.value]


# FIRST's Traffic Light Protocol 2.0: CLEAR may be shared publicly, GREEN within the
# community, AMBER only with the named recipients' organisations.
TLP_LABELS = {"public": "TLP:CLEAR", "network": "TLP:GREEN", "restricted": "TLP:AMBER"}


class Language(models.TextChoices):
    ENGLISH = "en", _("English")
    FRENCH = "fr", _("French")
