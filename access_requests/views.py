"""The member's side: asking for access to a restricted practice (POST, then back to it)."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.roles import is_approved_member

from practices.access import can_view_practice
from practices.models import PracticePage
from practices.models.vocabulary import AccessLevel
from . import decisions
from .forms import AccessRequestForm
from .models import AccessRequest


def restricted_practice(page_id):
    return get_object_or_404(PracticePage.objects.live().filter(access_level=AccessLevel.RESTRICTED), pk=page_id)


def current_request(page, user):
    return AccessRequest.objects.filter(page=page, member=user).first()


@require_POST
def request_access(request, page_id):
    page = restricted_practice(page_id)
    # Back to the entry in the visitor's language where it has a version in it.
    page_url = page.localized.get_url(request)
    if not request.user.is_authenticated:
        # Logged out since the form was shown: back to the entry after logging in.
        return redirect_to_login(page_url)
    if not is_approved_member(request.user):
        return render(request, "access_requests/members_only.html", {"page": page}, status=403)
    if can_view_practice(request.user, page):
        return redirect(page_url)

    form = AccessRequestForm(request.POST)
    if not form.is_valid():
        return render_form(request, page, form, status=400)
    if decisions.over_limit(request.user):
        form.add_error(None, _("You have sent many requests in the last hour. Wait a while, then send this one again."))
        return render_form(request, page, form, status=429)

    access_request, is_new = decisions.ask(page, request.user, form.cleaned_data["reason"])
    if is_new:
        messages.success(request, _("Your request is sent. The editors who decide will e-mail you their answer."))
    else:
        messages.info(request, _("Your request already awaits a decision: the editors will read your new text."))
    return redirect(page_url)


def render_form(request, page, form, status):
    """The form again, with what the member typed and what to fix."""
    return render(
        request, "access_requests/request_form.html",
        {"page": page, "form": form, "access_request": current_request(page, request.user)},
        status=status,
    )
