"""The editors' member admin: list of member profiles, review (approve or refuse), invitation."""

from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.model import ModelViewSet

from . import membership
from .forms import InvitationForm, RefusalForm
from .models import MemberProfile


class MemberAdminMixin(PermissionCheckedMixin, WagtailAdminTemplateMixin):
    model = None
    index_url_name = None
    header_icon = "group"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse(self.index_url_name), "label": _("Members")},
            {"url": "", "label": self.get_page_title()},
        ]


class MemberIndexView(generic.IndexView):
    add_item_label = _("Invite a member")

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        buttons.insert(0, MenuItem(_("Review membership"), url=reverse("members:review", args=[instance.pk]), icon_name="check", priority=5))
        buttons.append(MenuItem(_("History"), url=reverse("members:history", args=[instance.pk]), icon_name="history", priority=40))
        return buttons


class ReviewView(MemberAdminMixin, FormView):
    """The member's details with the two decisions, each a POST form: approve, or refuse
    with an optional reason."""

    permission_required = "change"
    template_name = "accounts/admin/review.html"
    form_class = RefusalForm
    page_title = _("Review a registration")

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.profile = get_object_or_404(
            MemberProfile.objects.select_related("user", "city", "organisation", "decided_by"), pk=kwargs["pk"]
        )

    def get_page_subtitle(self):
        return str(self.profile)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            profile=self.profile, can_approve=self.can_approve, can_refuse=self.can_refuse,
            history_url=reverse("members:history", args=[self.profile.pk]), **kwargs,
        )

    @cached_property
    def can_approve(self):
        return self.profile.status != MemberProfile.Status.APPROVED

    @cached_property
    def can_refuse(self):
        # An approved membership ends by deactivating the account in Users, not here.
        return self.profile.status == MemberProfile.Status.PENDING

    def after_decision(self, sent):
        warn_if_not_sent(self.request, sent, self.profile.user.email)
        return redirect(self.index_url_name)

    def post(self, request, *args, **kwargs):
        decision = request.POST.get("decision")
        if decision == "approve" and self.can_approve:
            sent = membership.approve(request, self.profile, request.user)
            messages.success(request, _("%(member)s is now a network member.") % {"member": self.profile})
            return self.after_decision(sent)
        if decision == "refuse" and self.can_refuse:
            form = self.get_form()
            if not form.is_valid():
                return self.form_invalid(form)
            sent = membership.refuse(request, self.profile, request.user, form.cleaned_data["reason"])
            messages.success(request, _("The registration of %(member)s is refused.") % {"member": self.profile})
            return self.after_decision(sent)
        messages.error(
            request, _("This decision is not possible: the membership is %(status)s.") % {"status": self.profile.get_status_display().lower()}
        )
        return redirect("members:review", self.profile.pk)


def warn_if_not_sent(request, sent, email):
    if not sent:
        messages.warning(
            request, _("The e-mail to %(email)s could not be sent: the mail server refused it. Tell the person yourself.") % {"email": email}
        )


class InviteView(MemberAdminMixin, FormView):
    permission_required = "add"
    template_name = "accounts/admin/invite.html"
    form_class = InvitationForm
    page_title = _("Invite a member")

    def form_valid(self, form):
        profile, sent = membership.invite(self.request, form, self.request.user)
        messages.success(self.request, _("%(member)s has been invited.") % {"member": profile})
        warn_if_not_sent(self.request, sent, profile.user.email)
        return redirect(self.index_url_name)


class MemberProfileViewSet(ModelViewSet):
    model = MemberProfile
    name = "members"
    icon = "group"
    menu_label = _("Members")
    menu_order = 250
    add_to_admin_menu = True
    copy_view_enabled = False
    index_view_class = MemberIndexView
    add_view_class = InviteView
    list_display = [
        "__str__", Column("email", label=_("E-mail address"), accessor="user.email"), "role", "status", "created_at",
    ]
    list_filter = ["status"]
    search_fields = ["user__first_name", "user__last_name", "user__email", "role"]
    # The status changes only through the review page, which e-mails the member and logs it.
    panels = [FieldPanel("city"), FieldPanel("organisation"), FieldPanel("role"), FieldPanel("language")]

    def get_add_view_kwargs(self, **kwargs):
        return kwargs  # the invitation form, not a form built from the panels

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("review/<int:pk>/", self.construct_view(ReviewView), name="review"),
        ]
