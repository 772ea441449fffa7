"""The one place that cleans rich text written by members.

bleach gets no more releases (its maintainers said so in June 2026), so its output goes
through nh3, the maintained cleaner, with the same allow-list: a bug in either one alone
does not let markup through.
"""

import bleach
import nh3

ALLOWED_TAGS = frozenset({"p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "h3", "h4", "blockquote", "a"})
ALLOWED_ATTRIBUTES = {"a": {"href"}}
ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto"})
LINK_REL = "nofollow noopener"


def clean_html(value):
    """Member-written HTML reduced to the allow-list; links get rel="nofollow noopener".

    Everything else is stripped: tags go, their text stays as escaped text. nh3 sets rel.
    """
    value = (value or "").replace("\x00", "")
    first = bleach.clean(
        value, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, protocols=ALLOWED_PROTOCOLS, strip=True,
        strip_comments=True,
    )
    return nh3.clean(
        first,
        tags=set(ALLOWED_TAGS),
        attributes={"a": {"href"}},
        url_schemes=set(ALLOWED_PROTOCOLS),
        link_rel=LINK_REL,
        strip_comments=True,
    ).strip()
