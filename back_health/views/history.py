"""Import history: every import with its status and counts, its report, and undo."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.timesince import timesince
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn, UserColumn
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.models import IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import ListingButton
from wagtail.admin.widgets.button import Button

from ..imports.review import (
    ImportPermissionError,
    discard_review,
    pending_imports,
    undo_import,
    undo_preview,
)
from ..imports.service import ImportSetupError
from ..models import ImportRecord
from .access import can_import, can_import_under
from .review import kind_change_rows, outcome_rows
from .wording import visible_flags


def can_undo(user, record) -> bool:
    return record.status == ImportRecord.Status.IMPORTED and can_import(user)


def waiting(record) -> str:
    """How long a pending import has waited for review, and whether it is stale."""
    since = record.pending_since
    if since is None:
        return ""
    age = timesince(since, depth=1)
    if record.is_stale:
        return _("%(age)s, stale") % {"age": age}
    return age


def stale_for(user):
    """The stale pending imports ``user`` may discard."""
    records = pending_imports(stale=True).select_related("parent")
    if not can_import(user):
        return []
    return [record for record in records if can_import_under(user, record.parent)]


class ImportRecordIndexView(IndexView):
    page_title = gettext_lazy("Import history")

    @property
    def header_buttons(self):
        # Records are made by importing, never by hand; stale reviews go together.
        stale = len(stale_for(self.request.user))
        if not stale:
            return []
        return [
            Button(
                _("Discard %(count)d stale reviews") % {"count": stale},
                url=reverse("back_health_imports:discard_stale"),
                icon_name="bin",
            )
        ]

    def get_edit_url(self, instance):
        # The title opens the report.
        return None

    def get_list_more_buttons(self, instance):
        buttons = []
        if instance.status == ImportRecord.Status.PENDING:
            buttons.append(
                ListingButton(
                    _("Review"),
                    url=reverse("back_health_import:review", args=[instance.pk]),
                    icon_name="doc-full-inverse",
                    priority=10,
                )
            )
            buttons.append(
                ListingButton(
                    _("Discard"),
                    url=reverse("back_health_import:discard", args=[instance.pk]),
                    icon_name="bin",
                    priority=15,
                )
            )
        buttons.append(
            ListingButton(
                _("Report"),
                url=reverse("back_health_imports:inspect", args=[instance.pk]),
                icon_name="info-circle",
                priority=20,
            )
        )
        if can_undo(self.request.user, instance):
            buttons.append(
                ListingButton(
                    _("Undo"),
                    url=reverse("back_health_imports:undo", args=[instance.pk]),
                    icon_name="undo",
                    priority=30,
                )
            )
        return buttons


class ImportRecordInspectView(InspectView):
    template_name = "back_health/admin/import_record_inspect.html"
    page_title = gettext_lazy("Import report")

    def get_edit_url(self):
        return None

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("back_health_imports:index"), "label": _("Import history")},
            {"url": "", "label": self.get_page_title(), "sublabel": str(self.object)},
        ]

    @property
    def header_more_buttons(self):
        buttons = []
        if can_undo(self.request.user, self.object):
            buttons.append(
                Button(
                    _("Undo this import"),
                    url=reverse("back_health_imports:undo", args=[self.object.pk]),
                    icon_name="undo",
                )
            )
        return buttons

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        report = self.object.report or {}
        context.update(
            {
                "record": self.object,
                "pages": outcome_rows(self.object),
                "kind_changes": kind_change_rows(self.object),
                "flags": visible_flags(report),
                "report": {"dry_run": False, "articles": [report]} if report else None,
                "undo": report.get("undo"),
            }
        )
        return context


class UndoImportView(WagtailAdminTemplateMixin, TemplateView):
    """Confirm, then remove what an import created that no editor has touched."""

    template_name = "back_health/admin/import_undo.html"
    page_title = gettext_lazy("Undo import")
    header_icon = "undo"

    def dispatch(self, request, *args, **kwargs):
        self.record = get_object_or_404(ImportRecord, pk=kwargs["pk"])
        if not can_import(request.user):
            raise PermissionDenied
        if self.record.status != ImportRecord.Status.IMPORTED:
            messages.error(request, _("Only an imported article can be undone."))
            return redirect("back_health_imports:inspect", self.record.pk)
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return str(self.record)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("back_health_imports:index"), "label": _("Import history")},
            {"url": "", "label": self.get_page_title(), "sublabel": str(self.record)},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        refused = ""
        try:
            preview = undo_preview(self.record, user=self.request.user)
        except ImportPermissionError as error:
            # Show what undoing would do, and why this user cannot.
            preview, refused = undo_preview(self.record), str(error)
        context.update(
            {
                "record": self.record,
                "removed": preview.removed,
                "kept": preview.kept,
                "refused": refused,
                "inspect_url": reverse("back_health_imports:inspect", args=[self.record.pk]),
            }
        )
        return context

    def post(self, request, *args, **kwargs):
        try:
            result = undo_import(self.record, user=request.user)
        except ImportPermissionError as error:
            messages.error(request, str(error))
            return redirect("back_health_imports:undo", self.record.pk)
        except ImportSetupError as error:
            messages.error(request, str(error))
            return redirect("back_health_imports:inspect", self.record.pk)
        message = _("Undone: %(removed)d pages removed, %(kept)d kept.") % {
            "removed": len(result.removed),
            "kept": len(result.kept),
        }
        messages.success(request, message)
        return redirect("back_health_imports:inspect", self.record.pk)


class DiscardStaleView(WagtailAdminTemplateMixin, TemplateView):
    """Confirm, then discard every stale review the user may discard; no page is touched."""

    template_name = "back_health/admin/import_discard_stale.html"
    page_title = gettext_lazy("Discard stale reviews")
    header_icon = "bin"

    def dispatch(self, request, *args, **kwargs):
        if not can_import(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("back_health_imports:index"), "label": _("Import history")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        from ..conf import back_health_settings

        context = super().get_context_data(**kwargs)
        context.update(
            {
                "records": stale_for(self.request.user),
                "days": back_health_settings.IMPORT_PENDING_DAYS,
                "index_url": reverse("back_health_imports:index"),
            }
        )
        return context

    def post(self, request, *args, **kwargs):
        discarded = 0
        for record in stale_for(request.user):
            try:
                discard_review(record, user=request.user)
            except ImportSetupError:
                # Written or discarded meanwhile: nothing left to discard.
                continue
            discarded += 1
        messages.success(request, _("%(count)d stale reviews discarded.") % {"count": discarded})
        return redirect("back_health_imports:index")


class ImportRecordViewSet(ModelViewSet):
    """The import history: every imported article with its report."""

    name = "back_health_imports"
    model = ImportRecord
    icon = "history"
    menu_label = gettext_lazy("Import history")
    index_view_class = ImportRecordIndexView
    inspect_view_enabled = True
    inspect_view_class = ImportRecordInspectView
    copy_view_enabled = False
    form_fields = ["title"]
    list_filter = ["status"]
    search_fields = ["title", "source_name", "identity"]
    ordering = ["-updated_at"]
    list_display = [
        "title",
        StatusTagColumn(
            "status",
            label=gettext_lazy("Status"),
            accessor="get_status_display",
            primary=lambda record: record.status == ImportRecord.Status.IMPORTED,
            sort_key="status",
        ),
        Column("created_count", label=gettext_lazy("Created"), sort_key="created_count"),
        Column("updated_count", label=gettext_lazy("Updated"), sort_key="updated_count"),
        Column("suggested_count", label=gettext_lazy("Suggested"), sort_key="suggested_count"),
        Column("flags_count", label=gettext_lazy("To check"), sort_key="flags_count"),
        Column("pending_since", label=gettext_lazy("Awaiting review for"), accessor=waiting),
        UserColumn("user", label=gettext_lazy("By")),
        DateColumn("updated_at", label=gettext_lazy("When"), sort_key="updated_at"),
    ]

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("undo/<int:pk>/", UndoImportView.as_view(), name="undo"),
            path("discard-stale/", DiscardStaleView.as_view(), name="discard_stale"),
        ]
