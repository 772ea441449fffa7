"""What a practice entry must hold to be published: one set of rules, applied by Wagtail's
admin (PracticePageForm and its inline panels), the members' case-study form and the
demonstration-content loader alike.

The rule: a title, a summary, its language, a city, at least one theme, the sections that
say what the problem was and what was done (context, implementation), at least one partner
organisation with the role it played (of any sector: a city with an association is a
partnership too), and at least one source with its title and address. Years, when given,
lie in YEAR_RANGE and the end is not before the start. Everything else may stay empty: an
entry says no more than its sources support.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _

from .blocks import SECTION_LABELS

YEAR_RANGE = (1950, 2100)
YEAR_VALIDATORS = [MinValueValidator(YEAR_RANGE[0]), MaxValueValidator(YEAR_RANGE[1])]

REQUIRED_FIELDS = ("title", "summary", "language", "city", "themes")
REQUIRED_SECTIONS = ("context", "implementation")
MIN_PARTNERS = 1
MIN_SOURCES = 1

END_BEFORE_START = _("The end year cannot be before the start year.")
NO_PARTNER = _("Name at least one partner and its role.")
NO_SOURCE = _("Give at least one source: a report, an article or a web page.")


def years_are_in_order(start, end):
    return not (start and end and end < start)


def missing_sections_message(missing):
    """The error shown when the sections named in missing (section kinds) are absent."""
    return _("Add these sections: %(sections)s.") % {"sections": ", ".join(str(SECTION_LABELS[k]) for k in missing)}


def missing_sections(kinds):
    """The REQUIRED_SECTIONS that are not among these section kinds."""
    present = set(kinds)
    return [kind for kind in REQUIRED_SECTIONS if kind not in present]
