"""Two-factor authentication for editors (django-otp, time-based one-time codes).

With KB_EDITORS_REQUIRE_2FA on, every user with access to Wagtail's admin proves a second
factor once per session, whichever login page they used (the site's or /admin/login/): an
editor who has not is sent to the code page, or to the set-up page if they have no
authenticator yet, before any other page of the site. (Editors see every practice: the
password alone must not show them.) Members without admin access are never asked.
"""

import base64
from io import BytesIO
from urllib.parse import urlencode

import qrcode
import qrcode.image.svg
from django import forms
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import Resolver404, resolve, reverse
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views import View
from django_otp import login as otp_login
from django_otp import user_has_device
from django_otp.models import VerifyNotAllowed
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.log_actions import log

from .roles import is_editor

# What an editor who still owes the second factor may reach: these pages, and logging out.
OPEN_VIEWS = {"accounts:two_factor", "accounts:two_factor_setup", "accounts:logout", "wagtailadmin_logout", "set_language"}


def owes_second_factor(user):
    return settings.KB_EDITORS_REQUIRE_2FA and is_editor(user) and not user.is_verified()


class EditorsSecondFactorMiddleware:
    """After django_otp's OTPMiddleware (which tells whether the session is verified)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if owes_second_factor(request.user) and not self.is_open(request):
            page = "accounts:two_factor" if user_has_device(request.user) else "accounts:two_factor_setup"
            return redirect(f"{reverse(page)}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)

    @staticmethod
    def is_open(request):
        if request.path_info.startswith((settings.STATIC_URL, settings.MEDIA_URL)):
            return True
        try:
            return resolve(request.path_info).view_name in OPEN_VIEWS
        except Resolver404:
            return False


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"), max_length=8, min_length=6,
        help_text=_("The 6-digit code your authenticator app shows now."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}),
    )

    def clean_code(self):
        code = "".join(self.cleaned_data["code"].split())
        if not code.isdigit():
            raise ValidationError(_("The code is made of digits only."), code="not_digits")
        return code


def check_code(device, code):
    """None if the code is right, else the message that says why not. django-otp throttles
    a device after a wrong code (the wait doubles with each one): a guess is refused
    unread until the wait is over."""
    allowed, details = device.verify_is_allowed()
    if not allowed:
        if (details or {}).get("reason") == VerifyNotAllowed.N_FAILED_ATTEMPTS:
            return _("Too many wrong codes in a row. Wait a few seconds, then enter the code your app shows now.")
        return (details or {}).get("error_message") or _("This code cannot be checked now. Try again in a minute.")
    if device.verify_token(code):
        return None
    return _("This code is not the right one, or it has expired. Enter the code your app shows now.")


def safe_next(request, default="/"):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return default


def confirmed_device(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()


class CodeView(View):
    """A page asking for a code of `self.device` (set by dispatch); a right code verifies the
    session, after `code_accepted`."""

    template_name = None

    def get(self, request):
        return self.render(CodeForm())

    def post(self, request):
        form = CodeForm(request.POST)
        if form.is_valid():
            if (error := check_code(self.device, form.cleaned_data["code"])) is None:
                self.code_accepted()
                otp_login(request, self.device)
                return redirect(safe_next(request))
            form.add_error("code", error)
        return self.render(form, status=400)

    def code_accepted(self):
        pass

    def get_context(self):
        return {}

    def render(self, form, status=200):
        context = {"form": form, "next": safe_next(self.request, ""), **self.get_context()}
        return render(request=self.request, template_name=self.template_name, context=context, status=status)


@method_decorator(login_required, name="dispatch")
class SecondFactorView(CodeView):
    """The code page, after the password."""

    template_name = "accounts/two_factor.html"

    def dispatch(self, request, *args, **kwargs):
        self.device = confirmed_device(request.user)
        if self.device is None:
            return redirect(f"{reverse('accounts:two_factor_setup')}?{urlencode({'next': safe_next(request)})}")
        return super().dispatch(request, *args, **kwargs)


@method_decorator(login_required, name="dispatch")
class SecondFactorSetupView(CodeView):
    """Adding an authenticator: a QR code and the secret as text, confirmed by a first code.
    Only for an account without one: replacing an authenticator takes an administrator
    (README, Security), so a stolen password cannot add a second one."""

    template_name = "accounts/two_factor_setup.html"

    def dispatch(self, request, *args, **kwargs):
        if confirmed_device(request.user) is not None:
            return redirect(f"{reverse('accounts:two_factor')}?{urlencode({'next': safe_next(request)})}")
        with transaction.atomic():
            self.device = (
                TOTPDevice.objects.select_for_update().filter(user=request.user, confirmed=False).order_by("pk").first()
                or TOTPDevice.objects.create(user=request.user, name=str(_("Authenticator app")), confirmed=False)
            )
        return super().dispatch(request, *args, **kwargs)

    def code_accepted(self):
        self.device.confirmed = True
        self.device.save(update_fields=["confirmed"])
        log(instance=self.device.user, action="accounts.set_up_two_factor", user=self.device.user)

    def get_context(self):
        return {"qr_code": qr_code_data_uri(self.device.config_url), "secret": readable_secret(self.device)}


def qr_code_data_uri(text):
    """The QR code as an SVG image, drawn here (no request to another host)."""
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=10, border=2)
    buffer = BytesIO()
    image.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def readable_secret(device):
    """The secret in base32, in groups of four, for apps where it is typed in."""
    secret = base64.b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(secret[i:i + 4] for i in range(0, len(secret), 4))
