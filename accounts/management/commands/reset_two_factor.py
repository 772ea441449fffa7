from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.log_actions import log


class Command(BaseCommand):
    help = (
        "Remove an editor's authenticator (lost phone): at their next visit to the admin they "
        "set up a new one, after their password."
    )

    def add_arguments(self, parser):
        parser.add_argument("username", help="the username (or e-mail address) of the account")

    def handle(self, *args, username, **options):
        User = get_user_model()
        users = list(User.objects.filter(username__iexact=username)[:2]) or list(User.objects.filter(email__iexact=username)[:2])
        if len(users) != 1:
            raise CommandError(f"No single account is called {username!r}.")
        [user] = users
        removed, _ = TOTPDevice.objects.filter(user=user).delete()
        if removed:
            log(instance=user, action="accounts.reset_two_factor")
        self.stdout.write(f"{user.get_username()}: {removed} authenticator(s) removed.")
