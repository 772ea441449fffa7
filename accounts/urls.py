from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from .forms import MemberAuthenticationForm, MemberPasswordResetForm
from .two_factor import SecondFactorSetupView, SecondFactorView
from .views import RegisterDoneView, RegisterView

app_name = "accounts"

# Reversed when used, so that a French visitor comes back to the French home page.
HOME = reverse_lazy("wagtail_serve", args=[""])

urlpatterns = [
    path("register/", RegisterView.as_view(), name="register"),
    path("register/done/", RegisterDoneView.as_view(), name="register_done"),
    path(
        "login/",
        auth_views.LoginView.as_view(
            template_name="accounts/login.html", authentication_form=MemberAuthenticationForm, next_page=HOME
        ),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(next_page=HOME), name="logout"),
    path("two-factor/", SecondFactorView.as_view(), name="two_factor"),
    path("two-factor/set-up/", SecondFactorSetupView.as_view(), name="two_factor_setup"),
    path(
        "password-reset/",
        auth_views.PasswordResetView.as_view(
            template_name="accounts/password_reset_form.html",
            form_class=MemberPasswordResetForm,
            subject_template_name="accounts/emails/password_reset_subject.txt",
            email_template_name="accounts/emails/password_reset_body.txt",
            success_url=reverse_lazy("accounts:password_reset_done"),
        ),
        name="password_reset",
    ),
    path(
        "password-reset/sent/",
        auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "password-reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name="accounts/password_reset_confirm.html",
            success_url=reverse_lazy("accounts:password_reset_complete"),
        ),
        name="password_reset_confirm",
    ),
    path(
        "password-reset/done/",
        auth_views.PasswordResetCompleteView.as_view(template_name="accounts/password_reset_complete.html"),
        name="password_reset_complete",
    ),
]
