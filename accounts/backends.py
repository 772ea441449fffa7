"""Log in with an e-mail address, in any letter case."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


class EmailBackend(ModelBackend):
    """Members are known by their e-mail address. Editors created with a username log in
    with it through Django's ModelBackend, listed after this one."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if not username or password is None or "@" not in username:
            return None
        User = get_user_model()
        # Several accounts may share an address only if an administrator made them so:
        # then none of them logs in by e-mail, rather than a guess.
        users = list(User._default_manager.filter(email__iexact=username.strip())[:2])
        if len(users) != 1:
            User().set_password(password)  # same time as a real check (Django's mitigation)
            return None
        user = users[0]
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None
