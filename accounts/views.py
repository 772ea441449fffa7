"""The member pages of the site: registration (login and password pages are Django's views,
configured in urls.py)."""

from django.shortcuts import redirect
from django.utils.translation import get_language
from django.views.generic import FormView, TemplateView

from . import membership
from .forms import RegistrationForm


class RegisterView(FormView):
    template_name = "accounts/register.html"
    form_class = RegistrationForm

    def form_valid(self, form):
        membership.registered(form.save(language=get_language()))
        return redirect("accounts:register_done")


class RegisterDoneView(TemplateView):
    template_name = "accounts/register_done.html"
