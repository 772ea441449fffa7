"""The member admin, and the audit-log actions of memberships."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter

from .views_admin import MemberProfileViewSet


@hooks.register("register_admin_viewset")
def register_member_viewset():
    return MemberProfileViewSet()


@hooks.register("register_log_actions")
def register_membership_actions(actions):
    actions.register_action("accounts.register", _("Register"), _("Registered, awaiting approval"))
    actions.register_action("accounts.approve", _("Approve membership"), _("Membership approved"))
    actions.register_action("accounts.invite", _("Invite member"), _("Invited by e-mail, membership approved"))
    actions.register_action(
        "accounts.set_up_two_factor", _("Set up two-factor authentication"), _("Authenticator app set up")
    )
    actions.register_action(
        "accounts.reset_two_factor", _("Reset two-factor authentication"), _("Authenticator removed by an administrator")
    )

    @actions.register_action("accounts.refuse")
    class RefuseFormatter(LogFormatter):
        label = _("Refuse membership")

        def format_message(self, log_entry):
            # The reason is part of the message, so the history and site history reports show it.
            if reason := log_entry.data.get("reason"):
                return _("Membership refused: %(reason)s") % {"reason": reason}
            return _("Membership refused")
