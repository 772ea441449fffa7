"""Quick members for tests: `create_member()` makes an approved network member by default.

    from tests.accounts.members import PASSWORD, create_member
    member = create_member()                      # approved, in Network members, city member
    pending = create_member("p@example.org", status=MemberProfile.Status.PENDING)
    client.force_login(member)  # or post to /accounts/login/: django-axes refuses client.login() (no request)
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client

from kb.accounts.models import MemberProfile
from kb.accounts.roles import EDITORS, NETWORK_MEMBERS
from practices.models import City

PASSWORD = "a-long-test-password"


def create_member(email="member@example.org", *, status=MemberProfile.Status.APPROVED, city=None, organisation=None,
                  first_name="Ana", last_name="Member", role="Security officer", language="en"):
    """A member of `organisation` if given, else of `city` (default: the first city)."""
    user = get_user_model().objects.create_user(
        username=email, email=email, password=PASSWORD, first_name=first_name, last_name=last_name
    )
    if organisation is None and city is None:
        city = City.objects.order_by("pk").first()
    MemberProfile.objects.create(user=user, city=city, organisation=organisation, role=role, status=status, language=language)
    if status == MemberProfile.Status.APPROVED:
        user.groups.add(Group.objects.get(name=NETWORK_MEMBERS))
    return user


def create_staff(username, group=EDITORS, email=None):
    """A user of one of Wagtail's groups (Editors or Moderators): the admin, no superuser powers."""
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@example.org" if email is None else email, password=PASSWORD,
        first_name=username.capitalize(),
    )
    user.groups.add(Group.objects.get(name=group))
    return user


def logged_in(user):
    """A browser of the user's own (pytest-django's `client` is one browser shared by the
    member_client and editor_client fixtures)."""
    client = Client()
    client.force_login(user)
    return client
