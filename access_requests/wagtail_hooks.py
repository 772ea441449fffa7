"""The access requests admin, and the audit-log actions of requests and decisions."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter

from .decisions import GRANT_ACTION, REFUSE_ACTION, REQUEST_ACTION
from .views_admin import AccessRequestViewSet


@hooks.register("register_admin_viewset")
def register_access_request_viewset():
    return AccessRequestViewSet()


@hooks.register("register_log_actions")
def register_access_request_actions(actions):
    # The member's name is part of each message, so the page history shows who asked or was decided on.
    @actions.register_action(REQUEST_ACTION)
    class RequestFormatter(LogFormatter):
        label = _("Request access")

        def format_message(self, log_entry):
            return _("Access requested by %(member)s") % {"member": log_entry.data.get("member", "")}

    @actions.register_action(GRANT_ACTION)
    class GrantFormatter(LogFormatter):
        label = _("Grant access")

        def format_message(self, log_entry):
            return _("Access granted to %(member)s") % {"member": log_entry.data.get("member", "")}

    @actions.register_action(REFUSE_ACTION)
    class RefuseFormatter(LogFormatter):
        label = _("Refuse access")

        def format_message(self, log_entry):
            message = _("Access refused to %(member)s") % {"member": log_entry.data.get("member", "")}
            if note := log_entry.data.get("note"):
                message = _("%(message)s: %(note)s") % {"message": message, "note": note}
            return message
