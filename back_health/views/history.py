"""Import history: every import with its status and counts, its report, and undo."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn, UserColumn
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.models import IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import ListingButton
from wagtail.admin.widgets.button import Button

from ..imports.review import ImportPermissionError, undo_import, undo_preview
from ..imports.service import ImportSetupError
from ..models import ImportRecord
from .access import can_import
from .review import outcome_rows
from .wording import visible_flags


def can_undo(user, record) -> bool:
    return record.status == ImportRecord.Status.IMPORTED and can_import(user)


class ImportRecordIndexView(IndexView):
    page_title = gettext_lazy("Import history")

    @property
    def header_buttons(self):
        # Records are made by importing, never by hand.
        return []

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
        UserColumn("user", label=gettext_lazy("By")),
        DateColumn("updated_at", label=gettext_lazy("When"), sort_key="updated_at"),
    ]

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("undo/<int:pk>/", UndoImportView.as_view(), name="undo"),
        ]
