"""Login rate limiting with django-axes: per account and per address, each with its limit.

Axes counts failures for each lockout parameter (the typed username; the client address)
and compares the largest count with one limit. An account should lock sooner (a few
guesses at one person's password) than an address (an office behind one address, people
mistyping): the handler below reports an account at its limit as a locked address would.
"""

from axes.handlers.database import AxesDatabaseHandler
from django.conf import settings
from django.db.models import Sum
from django.shortcuts import render
from django.utils.translation import ngettext

from .forms import MemberAuthenticationForm, normalise_email


class AccountAndAddressHandler(AxesDatabaseHandler):
    def get_failures(self, request, credentials=None):
        account_attempts, address_attempts = self.get_user_attempts(request, credentials)
        account = account_attempts.aggregate(n=Sum("failures_since_start"))["n"] or 0
        address = address_attempts.aggregate(n=Sum("failures_since_start"))["n"] or 0
        if account >= settings.AXES_ACCOUNT_FAILURE_LIMIT:
            return max(address, settings.AXES_FAILURE_LIMIT)
        return address

    def reset_user_attempts(self, request, credentials=None):
        """A successful login clears the account's failures only: it proves nothing about the
        address, where a guesser could otherwise clear their count with an account of their own."""
        account_attempts, _address_attempts = self.filter_user_attempts(request, credentials)
        count, _ = account_attempts.delete()
        return count


def typed_username(request, credentials):
    """The account as people type it: e-mail addresses in any case count as one."""
    username = (credentials or {}).get("username") or ""
    return normalise_email(username) if "@" in username else username.strip()


def client_address(request):
    """REMOTE_ADDR, or behind KB_TRUSTED_PROXY_COUNT proxies the address the outermost
    trusted proxy saw (entries further left in X-Forwarded-For are the client's to forge)."""
    proxies = settings.KB_TRUSTED_PROXY_COUNT
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if proxies and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def lockout_message():
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return ngettext(
        "Too many failed attempts to log in with this account or from your network. For your security, "
        "logging in is paused for %(minutes)d minute. Try again then, or reset your password.",
        "Too many failed attempts to log in with this account or from your network. For your security, "
        "logging in is paused for %(minutes)d minutes. Try again then, or reset your password.",
        minutes,
    ) % {"minutes": minutes}


def lockout_response(request, original_response=None, credentials=None):
    """The site's login page (for /admin/login/ too), with the message and what was typed,
    answered with 429 Too Many Requests."""
    typed = (credentials or {}).get("username") or request.POST.get("username", "")
    form = MemberAuthenticationForm(request, initial={"username": typed})
    context = {"form": form, "lockout_message": lockout_message(), "next": request.POST.get("next", "")}
    return render(request, "accounts/login.html", context, status=settings.AXES_HTTP_RESPONSE_CODE)
