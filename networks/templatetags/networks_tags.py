from django import template

from practices.models.translation import one_version_per_entry

from ..models import ReferencePage

register = template.Library()

# The reference document the five themes (prevention to recovery) are taken from.
THEMES_ORIGIN_SLUG = "un-security-council-resolution-2396"


@register.simple_tag
def themes_origin():
    """The published page of resolution 2396 in the interface's language (or its original),
    or None."""
    return one_version_per_entry(ReferencePage.objects.live().filter(slug=THEMES_ORIGIN_SLUG)).first()
