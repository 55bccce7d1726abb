"""The dashboard panel: imported drafts waiting for review, pages overdue for review."""

from __future__ import annotations

from django.conf import settings
from django.utils import timezone
from wagtail.admin.ui.components import Component
from wagtail.permission_policies.pages import PagePermissionPolicy

from ..models import CausePage, ConditionPage, TreatmentPage

#: The page types whose clinical review dates the panel checks.
REVIEWED_PAGE_MODELS = (ConditionPage, CausePage, TreatmentPage)


def editable_pages(user):
    """Pages ``user`` may change or publish (Wagtail's own page permission rules)."""
    return PagePermissionPolicy().instances_user_has_any_permission_for(user, ["change", "publish"])


def imported_drafts(user, limit):
    """Imported pages with changes nobody has published yet, newest first."""
    return list(
        editable_pages(user)
        .filter(back_health_import__isnull=False, has_unpublished_changes=True)
        .order_by("-latest_revision_created_at", "-pk")
        .specific(defer=True)[:limit]
    )


def overdue_pages(user, limit):
    """Back-health pages whose next clinical review date has passed, oldest due first."""
    today = timezone.localdate()
    editable = editable_pages(user).values("pk")
    pages = []
    for model in REVIEWED_PAGE_MODELS:
        pages.extend(
            model.objects.filter(next_review_due__lt=today, pk__in=editable).order_by(
                "next_review_due", "pk"
            )[:limit]
        )
    pages.sort(key=lambda page: (page.next_review_due, page.pk))
    return pages[:limit]


class ImportReviewPanel(Component):
    """Registered through ``construct_homepage_panels`` in :mod:`back_health.wagtail_hooks`."""

    name = "back_health_review"
    template_name = "back_health/admin/dashboard/review_panel.html"
    #: After Wagtail's workflow panels (100-200) and recent edits (250).
    order = 260

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        request = parent_context["request"]
        limit = getattr(settings, "WAGTAILADMIN_RECENT_EDITS_LIMIT", 5) * 2
        context.update(
            {
                "request": request,
                "imported_drafts": imported_drafts(request.user, limit),
                "overdue_pages": overdue_pages(request.user, limit),
            }
        )
        return context
