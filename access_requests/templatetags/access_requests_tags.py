from django import template

from accounts.roles import is_approved_member

from practices.access import can_view_practice
from practices.models.vocabulary import AccessLevel
from ..forms import AccessRequestForm
from ..views import current_request

register = template.Library()


@register.inclusion_tag("access_requests/panel.html", takes_context=True)
def access_request_panel(context, practice):
    """For an approved member who may not read this restricted practice: the form to ask
    for access, or where their request stands. For anyone else: nothing."""
    request = context.get("request")
    user = getattr(request, "user", None)
    shown = (
        user is not None
        and practice.access_level == AccessLevel.RESTRICTED
        and is_approved_member(user)
        and not can_view_practice(user, practice)
    )
    if not shown:
        return {"shown": False}
    return {
        "shown": True,
        "request": request,
        "practice": practice,
        "access_request": current_request(practice, user),
        "form": AccessRequestForm(),
    }
