from django import template

from ..csp import nonce_attribute

register = template.Library()


@register.simple_tag
def csp_nonce_attribute():
    """` nonce="..."` for an inline script of Wagtail's admin, even in a widget template,
    which renders without the request."""
    return nonce_attribute()
