from django import template
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from ..models.vocabulary import AccessLevel

register = template.Library()

# What each label means, for readers who do not know the Traffic Light Protocol.
TLP_MEANINGS = {
    AccessLevel.PUBLIC: _("Public: may be shared with anyone."),
    AccessLevel.NETWORK: _("Network: for approved network members only, not to be shared outside the network."),
    AccessLevel.RESTRICTED: _("Restricted: for the named groups and organisations only."),
}


@register.simple_tag
def tlp_label(access_level):
    """The entry's tier as its TLP label, e.g. <span class="tlp tlp--network">TLP:GREEN</span>."""
    try:
        level = AccessLevel(access_level)
    except ValueError:
        return ""
    return format_html('<span class="tlp tlp--{}" title="{}">{}</span>', level.value, TLP_MEANINGS[level], level.tlp)
