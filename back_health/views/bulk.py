"""Admin bulk import: upload a zip, a WordPress export or many files; each article
runs as its own background task, and the editor watches the batch's progress."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet

from ..conf import back_health_settings
from ..importer.errors import ImportSourceError
from ..imports.review import ImportPermissionError, check_import_permissions, hubs_for_user
from ..imports.sources import expand_upload
from ..models import BackHealthIndexPage, ImportBatch
from .access import can_import
from .imports import ImportMenuItem

#: Seconds between refreshes of a running batch's progress page.
REFRESH_SECONDS = 3


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data]
        return [super(MultipleFileField, self).clean(item, initial) for item in files if item]


class BulkImportForm(forms.Form):
    files = MultipleFileField(
        label=_("Files"),
        help_text=_(
            "A .zip of articles, a WordPress export (.xml), or several article files "
            "(.html, .docx, .pdf, .md, .txt, .csv, .tsv, .srt, .vtt) at once."
        ),
    )
    parent = forms.ModelChoiceField(
        label=_("Import under"),
        queryset=BackHealthIndexPage.objects.all(),
        required=False,
        empty_label=_("The site's Back health hub (created if missing)"),
    )
    publish = forms.BooleanField(
        label=_("Publish the pages"),
        required=False,
        help_text=_("Leave unticked to create drafts for clinical review."),
    )
    on_conflict = forms.ChoiceField(
        label=_("Pages edited since their last import"),
        choices=[
            ("skip", _("Leave them alone")),
            ("draft", _("Save the import as a new draft for review")),
            ("overwrite", _("Overwrite them")),
        ],
        initial="skip",
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        # As on the single import: only hubs the user may add pages under are offered.
        hubs = hubs_for_user(user).order_by("path")
        self.fields["parent"].queryset = hubs
        if not user.is_superuser and hubs.exists():
            self.fields["parent"].required = True
            self.fields["parent"].empty_label = None

    def clean(self):
        data = super().clean()
        # Refused up front, before any article is queued, in the service's own words.
        try:
            check_import_permissions(self.user, data.get("parent"), publish=data.get("publish"))
        except ImportPermissionError as error:
            raise forms.ValidationError(str(error)) from error
        return data

    def clean_files(self):
        limit = back_health_settings.IMPORT_ARCHIVE_MAX_BYTES
        sources = []
        for upload in self.cleaned_data["files"]:
            if upload.size > limit:
                raise forms.ValidationError(
                    _("%(name)s is larger than the %(limit)d bytes limit.")
                    % {"name": upload.name, "limit": limit}
                )
            try:
                sources.extend(expand_upload(upload.name, upload.read()))
            except ImportSourceError as error:
                raise forms.ValidationError(str(error)) from error
        if not sources:
            raise forms.ValidationError(_("No articles found in the files."))
        return sources


class BulkPermissionMixin:
    def dispatch(self, request, *args, **kwargs):
        if not can_import(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class BulkImportView(BulkPermissionMixin, WagtailAdminTemplateMixin, FormView):
    form_class = BulkImportForm
    template_name = "back_health/admin/bulk/form.html"
    page_title = _("Bulk import")
    header_icon = "download"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def form_valid(self, form):
        from ..tasks import enqueue_import

        data = form.cleaned_data
        names = ", ".join(upload.name for upload in self.request.FILES.getlist("files"))
        batch = enqueue_import(
            data["files"],
            name=names,
            user=self.request.user,
            parent=data["parent"],
            publish=data["publish"],
            on_conflict=data["on_conflict"],
        )
        return redirect("back_health_bulk_import:batch", pk=batch.pk)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["batches"] = ImportBatch.objects.all()[:10]
        return context


class BatchView(BulkPermissionMixin, WagtailAdminTemplateMixin, TemplateView):
    """A bulk import's progress: counts by state and each article, refreshed while it runs."""

    template_name = "back_health/admin/bulk/batch.html"
    header_icon = "download"

    def get_page_title(self):
        return _("Bulk import: %(name)s") % {"name": self.batch.name}

    def get(self, request, *args, pk, **kwargs):
        self.batch = get_object_or_404(ImportBatch, pk=pk)
        return super().get(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("back_health_bulk_import:index"), "label": _("Bulk import")},
            {"url": "", "label": self.batch.name},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        counts = self.batch.counts()
        context.update(
            batch=self.batch,
            counts=counts,
            items=self.batch.items.select_related("record"),
            running=counts["done"] < counts["total"],
            refresh_seconds=REFRESH_SECONDS,
            percent=100 * counts["done"] // max(counts["total"], 1),
        )
        return context


class BulkImportViewSet(ViewSet):
    """The "Bulk import" screens as a menu entry of the Back health group."""

    name = "back_health_bulk_import"
    icon = "download"
    menu_label = _("Bulk import")
    menu_item_class = ImportMenuItem

    def get_urlpatterns(self):
        return [
            path("", BulkImportView.as_view(), name="index"),
            path("<int:pk>/", BatchView.as_view(), name="batch"),
        ]
