"""Review a pending import, correct its plan, write it; then say what happened.

The plan lives with the pending :class:`~back_health.models.ImportRecord` on the server,
so the article is never sent back through the browser: what is reviewed is exactly
what is written.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from ..imports.changes import kind_change_sentence
from ..imports.review import (
    PlanError,
    apply_import,
    discard_review,
    is_unwritten,
    planned_kind_changes,
)
from ..imports.service import ImportSetupError
from ..models import ImportRecord
from .access import can_import, can_import_under, can_publish_under
from .review_form import PlanReviewForm
from .wording import ACTION_LABELS, describe_dropped, visible_flags


def plan_under_review(record) -> dict:
    """The plan as the editor last saved it, or the importer's proposal."""
    return record.plan_under_review


def save_draft(record, plan: dict) -> None:
    """Keep the editor's corrections with the pending import, the proposal untouched."""
    record.draft_plan = plan
    record.save(update_fields=["draft_plan", "updated_at"])


class ImportRecordMixin:
    """Loads the record named in the URL for a user allowed to import."""

    record_statuses: tuple[str, ...] = ()

    def dispatch(self, request, *args, **kwargs):
        if not can_import(request.user):
            raise PermissionDenied
        self.record = get_object_or_404(ImportRecord, pk=kwargs["pk"])
        if not can_import_under(request.user, self.record.parent):
            raise PermissionDenied
        if self.record_statuses and self.record.status not in self.record_statuses:
            return self.wrong_status()
        return super().dispatch(request, *args, **kwargs)

    def wrong_status(self):
        raise Http404

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("back_health_imports:index"), "label": _("Import history")},
            {"url": "", "label": self.get_page_title()},
        ]


class ImportReviewView(ImportRecordMixin, WagtailAdminTemplateMixin, FormView):
    """Every planned page with its corrections; "Create drafts" writes the corrected plan."""

    template_name = "back_health/admin/import_review.html"
    page_title = gettext_lazy("Review the import")
    header_icon = "doc-full-inverse"
    record_statuses = (ImportRecord.Status.PENDING,)

    def wrong_status(self):
        # A second "Create drafts" (back button, double click) lands on what was done.
        return redirect("back_health_import:result", pk=self.record.pk)

    def get_page_subtitle(self):
        return self.record.title or self.record.source_name

    def get_form(self, form_class=None):
        return PlanReviewForm(plan_under_review(self.record), **self.get_form_kwargs())

    @property
    def can_publish(self):
        return can_publish_under(self.request.user, self.record.parent)

    def form_valid(self, form):
        post = self.request.POST
        plan = form.corrected_plan(remove=post.get("remove", ""))
        if "create" not in post and "publish" not in post:
            # "Remove" and "Save corrections" keep the editor on the screen.
            save_draft(self.record, plan)
            anchor = ""
            if post.get("remove"):
                anchor = "#bh-page-" + post["remove"].split(":", 1)[0] + "-section"
            messages.success(self.request, _("Your corrections are saved."))
            return redirect(reverse("back_health_import:review", args=[self.record.pk]) + anchor)
        publish = "publish" in post
        if publish and not self.can_publish:
            form.add_error(None, _("You may not publish these pages: create drafts instead."))
            return self.form_invalid(form)
        try:
            result = apply_import(self.record, plan, user=self.request.user, publish=publish)
        except (PlanError, ImportSetupError) as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        if publish:
            message = _("%(created)d pages created and published, %(updated)d updated.")
        else:
            message = _("%(created)d draft pages created, %(updated)d updated.")
        messages.success(
            self.request, message % {"created": result.created, "updated": result.updated}
        )
        return redirect("back_health_import:result", pk=self.record.pk)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = context["form"]
        rows = form.rows()
        context.update(
            {
                "record": self.record,
                "plan": form.plan,
                "planned_rows": [row for row in rows if not row.is_suggestion],
                "suggested_rows": [row for row in rows if row.is_suggestion],
                "article_flags": form.article_flags(),
                "dropped": [describe_dropped(d) for d in form.plan.get("dropped", [])],
                "kind_changes": self.kind_changes(form.plan),
                "can_publish": self.can_publish,
                "discard_url": reverse("back_health_import:discard", args=[self.record.pk]),
            }
        )
        return context

    def kind_changes(self, plan: dict) -> list[str]:
        """What creating the pages would do with pages this import wrote before under
        another kind, in words; a published page is replaced only by a published one."""
        user = self.request.user
        drafts = planned_kind_changes(plan, self.record, user=user)
        if not drafts:
            return []
        published = {}
        if self.can_publish and any(change["kept"] for change in drafts):
            published = {
                change["old_id"]: change
                for change in planned_kind_changes(plan, self.record, user=user, publish=True)
            }
        return [
            kind_change_sentence(
                change,
                planned=True,
                if_published=change["kept"] and not published.get(change["old_id"], change)["kept"],
            )
            for change in drafts
        ]


class DiscardReviewView(ImportRecordMixin, WagtailAdminTemplateMixin, TemplateView):
    """Confirm, then abandon a pending import's review; no page is touched."""

    template_name = "back_health/admin/import_discard.html"
    page_title = gettext_lazy("Discard the review")
    header_icon = "bin"
    record_statuses = (ImportRecord.Status.PENDING,)

    def wrong_status(self):
        messages.info(self.request, _("This import is not awaiting review any more."))
        return redirect("back_health_imports:inspect", self.record.pk)

    def get_page_subtitle(self):
        return self.record.title or self.record.source_name

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            {
                "record": self.record,
                "forgets": is_unwritten(self.record),
                "has_draft": bool(self.record.draft_plan),
                "review_url": reverse("back_health_import:review", args=[self.record.pk]),
            }
        )
        return context

    def post(self, request, *args, **kwargs):
        try:
            outcome = discard_review(self.record, user=request.user)
        except ImportSetupError as error:
            messages.error(request, str(error))
            return redirect("back_health_imports:index")
        if outcome == "forgotten":
            messages.success(request, _("The import was discarded; nothing was written."))
        else:
            messages.success(
                request,
                _("The review was discarded; the earlier import is kept as it was."),
            )
        return redirect("back_health_imports:index")


def kind_change_rows(record):
    """Pages whose kind changed on this import: converted (the old page replaced) or kept."""
    from .wording import KIND_CHOICES

    labels = dict(KIND_CHOICES)
    return [
        {
            **change,
            "from_label": labels.get(change.get("from"), change.get("from")),
            "to_label": labels.get(change.get("to"), change.get("to")),
        }
        for change in (record.report or {}).get("kind_changes", [])
    ]


def outcome_rows(record):
    """The pages an import wrote or linked, with their admin page where there is one."""
    from wagtail.models import Page

    report = record.report or {}
    pages = [page for page in report.get("pages", []) if page.get("kind") != "index"]
    existing = Page.objects.in_bulk([page["id"] for page in pages if page.get("id")])
    rows = []
    for page in pages:
        if page.get("action") == "suggest" and not page.get("id"):
            continue
        found = existing.get(page.get("id"))
        rows.append(
            {
                "title": page.get("title", ""),
                "kind": page.get("kind", ""),
                "action": page.get("action", ""),
                "action_label": ACTION_LABELS.get(page.get("action"), page.get("action")),
                "page": found,
                "live": found.live if found else False,
            }
        )
    return rows


class ImportResultView(ImportRecordMixin, WagtailAdminTemplateMixin, TemplateView):
    """What an import did: counts, links to the pages, and where to go next."""

    template_name = "back_health/admin/import_result.html"
    page_title = gettext_lazy("Import result")
    header_icon = "success"
    record_statuses = (
        ImportRecord.Status.IMPORTED,
        ImportRecord.Status.UNDONE,
        ImportRecord.Status.FAILED,
    )

    def wrong_status(self):
        # Still pending: there is no result yet, only the review.
        return redirect("back_health_import:review", pk=self.record.pk)

    def get_page_subtitle(self):
        return self.record.title or self.record.source_name

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        report = self.record.report or {}
        context.update(
            {
                "record": self.record,
                "pages": outcome_rows(self.record),
                "kind_changes": kind_change_rows(self.record),
                "flags": visible_flags(report),
                "import_history_url": reverse("back_health_imports:index"),
                "import_url": reverse("back_health_import:import"),
                "inspect_url": reverse("back_health_imports:inspect", args=[self.record.pk]),
            }
        )
        return context
