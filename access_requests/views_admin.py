"""The deciders' admin: the access requests they may decide, and the decision page.

Editors see only what `can_decide` allows them (deciders.py); the URLs of the admin are
open to editors only (Wagtail checks the admin access first)."""

from django.db.models import Case, IntegerField, Value, When
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet

from accounts.roles import is_editor
from . import decisions
from .deciders import can_decide, decidable_requests
from .forms import DecisionForm
from .models import AccessRequest

NAMESPACE = "access_requests_admin"


class AccessRequestIndexView(generic.IndexView):
    model = AccessRequest
    # Deciding is not a model permission: deciders.py says who sees which request.
    permission_policy = None
    any_permission_required = None
    page_title = _("Access requests")
    header_icon = "key"
    index_url_name = f"{NAMESPACE}:index"
    index_results_url_name = f"{NAMESPACE}:index_results"
    list_filter = ["status"]
    search_fields = ["member__first_name", "member__last_name", "member__email", "page__title"]
    search_backend_name = None  # the database, not a search index (requests are not indexed)
    paginate_by = 50

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "member", label=_("Member"), accessor=lambda r: r.member.get_full_name() or r.member.get_username(),
                get_url=lambda r: reverse(f"{NAMESPACE}:decide", args=[r.pk]),
            ),
            Column("organisation", label=_("Member organisation"), accessor=lambda r: member_organisation(r.member)),
            Column("page", label=_("Practice"), accessor="page.title"),
            StatusTagColumn(
                "status", label=_("Status"), accessor="get_status_display",
                primary=lambda r: r.status == AccessRequest.Status.PENDING,
            ),
            DateColumn("created_at", label=_("Requested at")),
            DateColumn("decided_at", label=_("Decided at")),
        ]

    def get_base_queryset(self):
        return decidable_requests(self.request.user).select_related("member__member_profile__city",
                                                                     "member__member_profile__organisation")

    def order_queryset(self, queryset):
        # Pending first (what needs doing), then the newest.
        pending_first = Case(When(status=AccessRequest.Status.PENDING, then=Value(0)), default=Value(1),
                             output_field=IntegerField())
        return queryset.order_by(pending_first, "-created_at", "-pk")


def member_organisation(user):
    profile = getattr(user, "member_profile", None)
    return profile.member_organisation if profile is not None else ""


class DecideView(WagtailAdminTemplateMixin, FormView):
    """The request with its reason, and one form: an optional note, Grant or Refuse.
    A granted request can be refused later (access withdrawn) and a refused one granted."""

    template_name = "access_requests/admin/decide.html"
    form_class = DecisionForm
    page_title = _("Access request")
    header_icon = "key"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.access_request = get_object_or_404(
            AccessRequest.objects.select_related("page", "member", "decided_by"), pk=kwargs["pk"]
        )

    def dispatch(self, request, *args, **kwargs):
        if not can_decide(request.user, self.access_request):
            # A 403 page rather than Wagtail's redirect to the dashboard: the editor learns why.
            self.template_name = "access_requests/admin/not_yours.html"
            return self.render_to_response(self.get_context_data(), status=403)
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return str(self.access_request)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse(f"{NAMESPACE}:index"), "label": _("Access requests")},
            {"url": "", "label": self.get_page_subtitle()},
        ]

    @cached_property
    def can_grant(self):
        return self.access_request.status != AccessRequest.Status.GRANTED

    @cached_property
    def can_refuse(self):
        return self.access_request.status != AccessRequest.Status.REFUSED

    def get_context_data(self, **kwargs):
        page = self.access_request.page
        return super().get_context_data(
            access_request=self.access_request, profile=getattr(self.access_request.member, "member_profile", None),
            can_grant=self.can_grant, can_refuse=self.can_refuse,
            page_edit_url=reverse("wagtailadmin_pages:edit", args=[page.pk]),
            page_history_url=reverse("wagtailadmin_pages:history", args=[page.pk]),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        decision = request.POST.get("decision")
        if not {"grant": self.can_grant, "refuse": self.can_refuse}.get(decision, False):
            messages.error(request, _("This decision is not possible: the request is %(status)s.")
                           % {"status": self.access_request.get_status_display().lower()})
            return redirect(f"{NAMESPACE}:decide", self.access_request.pk)
        form = self.get_form()
        if not form.is_valid():
            return self.form_invalid(form)
        note = form.cleaned_data["note"]
        member = self.access_request.member
        name = member.get_full_name() or member.get_username()
        if decision == "grant":
            sent = decisions.grant(self.access_request, request.user, note)
            messages.success(request, _("%(member)s may now read “%(page)s”.") % {"member": name, "page": self.access_request.page.title})
        else:
            sent = decisions.refuse(self.access_request, request.user, note)
            messages.success(request, _("The request of %(member)s is refused.") % {"member": name})
        if not sent:
            messages.warning(request, _("The e-mail to %(email)s could not be sent: the mail server refused it. "
                                        "Tell the person yourself.") % {"email": member.email})
        return redirect(f"{NAMESPACE}:index")


class AccessRequestsMenuItem(MenuItem):
    """Shown to editors; the label counts the pending requests they may decide."""

    def is_shown(self, request):
        return is_editor(request.user)

    def render_component(self, request):
        pending = decidable_requests(request.user).filter(status=AccessRequest.Status.PENDING).count()
        label = _("Access requests (%(count)s)") % {"count": pending} if pending else self.label
        component = super().render_component(request)
        component.label = label
        return component


class AccessRequestViewSet(ViewSet):
    name = NAMESPACE
    url_prefix = "access-requests"
    icon = "key"
    menu_label = _("Access requests")
    menu_order = 260
    add_to_admin_menu = True
    menu_item_class = AccessRequestsMenuItem

    def get_urlpatterns(self):
        return [
            path("", AccessRequestIndexView.as_view(), name="index"),
            path("results/", AccessRequestIndexView.as_view(results_only=True), name="index_results"),
            path("<int:pk>/", DecideView.as_view(), name="decide"),
        ]
