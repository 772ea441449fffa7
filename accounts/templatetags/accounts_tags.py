from django import template

from accounts import roles

register = template.Library()


@register.filter
def is_approved_member(user):
    """{% if request.user|is_approved_member %}: the one check of roles.py, in templates."""
    return roles.is_approved_member(user)
