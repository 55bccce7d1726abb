"""Admin screens for importing articles: upload or paste, then review (see ``review``)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from django_tasks import TaskResultStatus
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet

from ..conf import back_health_settings
from ..importer.errors import ImportSourceError
from ..imports.review import (
    ImportPermissionError,
    ImportUnchanged,
    check_import_permissions,
    hubs_for_user,
    prepare_import,
)
from ..imports.service import ImportSetupError
from ..tasks import import_back_health_task, source_payload
from .access import can_import
from .history import ImportRecordViewSet

FORMAT_CHOICES = [
    ("auto", gettext_lazy("Detect from the file")),
    ("text", gettext_lazy("Plain text")),
    ("html", gettext_lazy("HTML")),
    ("markdown", gettext_lazy("Markdown")),
]

#: The name a pasted article is shown under when the editor gives none.
PASTED_NAME = gettext_lazy("Pasted article")


class ImportArticleForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Article file"),
        required=False,
        help_text=gettext_lazy(
            "A saved web page (.html), Word document (.docx), PDF, Markdown (.md), plain "
            "text (.txt), spreadsheet saved as text (.csv, .tsv) or subtitle (.srt, .vtt) file."
        ),
    )
    text = forms.CharField(
        label=gettext_lazy("Or paste the article"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=gettext_lazy("Used when no file is chosen."),
    )
    identity = forms.CharField(
        label=gettext_lazy("Where the article comes from"),
        required=False,
        max_length=500,
        help_text=gettext_lazy(
            "Its address or path, e.g. https://example.com/back-pain. Importing the same "
            "address again updates this import. Leave empty to use the article's own "
            "address when it gives one; otherwise every upload or paste is a new import."
        ),
    )
    update = forms.BooleanField(
        label=gettext_lazy("This is a new version of an article imported before"),
        required=False,
        help_text=gettext_lazy(
            "Tick to replace the earlier import from the same address with this content."
        ),
    )
    format = forms.ChoiceField(label=gettext_lazy("Format"), choices=FORMAT_CHOICES, initial="auto")
    parent = forms.ModelChoiceField(
        label=gettext_lazy("Import under"),
        queryset=None,
        required=False,
        empty_label=gettext_lazy("The site's Back health hub (created if missing)"),
        help_text=gettext_lazy("Only hubs you can add pages to are listed."),
    )
    background = forms.BooleanField(
        label=gettext_lazy("Run in the background without review"),
        required=False,
        help_text=gettext_lazy(
            "For long articles: drafts are created as the importer understood them and the "
            "result appears in the import history."
        ),
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        hubs = hubs_for_user(user).order_by("path")
        self.fields["parent"].queryset = hubs
        if not user.is_superuser and hubs.exists():
            # Only the site's own hub may be created on the fly, and only by those who
            # may add pages at the site root: editors choose one of their hubs.
            self.fields["parent"].required = True
            self.fields["parent"].empty_label = None

    def clean(self):
        data = super().clean()
        upload = data.get("file")
        if upload:
            if upload.size > back_health_settings.IMPORT_MAX_BYTES:
                raise forms.ValidationError(
                    _("The file is larger than the %(limit)d bytes limit.")
                    % {"limit": back_health_settings.IMPORT_MAX_BYTES}
                )
            data["name"], data["data"] = upload.name, upload.read()
        elif data.get("text", "").strip():
            data["name"], data["data"] = str(PASTED_NAME), data["text"].encode("utf-8")
        else:
            raise forms.ValidationError(_("Choose a file or paste an article."))
        return data


class ImportArticleView(WagtailAdminTemplateMixin, FormView):
    """Upload or paste an article; it is read into a pending import to review."""

    form_class = ImportArticleForm
    template_name = "back_health/admin/import_form.html"
    page_title = gettext_lazy("Import an article")
    header_icon = "download"

    def dispatch(self, request, *args, **kwargs):
        if not can_import(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def form_valid(self, form):
        data = form.cleaned_data
        if data["background"]:
            return self.enqueue(form)
        try:
            record = prepare_import(
                data["data"],
                data["name"],
                identity=data["identity"] or None,
                parent=data["parent"],
                user=self.request.user,
                format=data["format"],
                update=data["update"],
                # A newer version of a file replaces the unwritten review of the old one.
                replace_pending=bool(data.get("file")),
            )
        except ImportUnchanged as unchanged:
            messages.info(self.request, str(unchanged))
            return redirect("back_health_import:result", pk=unchanged.record.pk)
        except (ImportSetupError, ImportSourceError) as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        return redirect("back_health_import:review", pk=record.pk)

    def enqueue(self, form):
        """Queue the import and say, in words, where its result will be."""
        data = form.cleaned_data
        try:
            # Refuse up front, before anything is queued.
            check_import_permissions(self.request.user, data["parent"])
        except ImportPermissionError as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        result = import_back_health_task.enqueue(
            [source_payload(data["name"], data["data"])],
            parent=str(data["parent"].pk) if data["parent"] else None,
            format=data["format"],
            user_id=self.request.user.pk,
        )
        messages.add_message(self.request, *self.task_message(result, data["name"]))
        return redirect("back_health_import:import")

    @staticmethod
    def task_message(result, name):
        """``(level, html)`` saying what became of a queued import, with a link."""
        from ..models import ImportRecord

        def linked(text, url, label):
            return format_html('{} <a href="{}">{}</a>', text, url, label)

        history = reverse("back_health_imports:index")
        if result.status == TaskResultStatus.FAILED:
            return messages.ERROR, linked(
                _("The background import of %(name)s could not run.") % {"name": name},
                history,
                _("Import history"),
            )
        if result.status != TaskResultStatus.SUCCESSFUL:
            return messages.SUCCESS, linked(
                _("%(name)s is queued for import; its drafts appear when it has run.")
                % {"name": name},
                history,
                _("Import history"),
            )
        # An immediate backend has run it already: point at what it wrote.
        article = (result.return_value.get("articles") or [{}])[0]
        if article.get("status") == "failed":
            return messages.ERROR, linked(
                _("%(name)s could not be imported: %(error)s")
                % {"name": name, "error": article.get("error", "")},
                history,
                _("Import history"),
            )
        sha256 = article.get("source", {}).get("sha256", "")
        record = ImportRecord.objects.filter(sha256=sha256).order_by("-updated_at").first()
        if record is None:
            return messages.SUCCESS, linked(
                _("%(name)s was imported as drafts.") % {"name": name},
                history,
                _("Import history"),
            )
        return messages.SUCCESS, linked(
            _("%(name)s was imported as drafts.") % {"name": name},
            reverse("back_health_import:result", args=[record.pk]),
            _("See what was created"),
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["import_history_url"] = reverse("back_health_imports:index")
        return context


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_import(request.user)


class ImportArticleViewSet(ViewSet):
    """The import screens (form, review, result) as a menu entry of the Back health group."""

    name = "back_health_import"
    icon = "download"
    menu_label = gettext_lazy("Import an article")
    menu_item_class = ImportMenuItem

    def get_urlpatterns(self):
        from .review import DiscardReviewView, ImportResultView, ImportReviewView

        return [
            path("", ImportArticleView.as_view(), name="import"),
            path("<int:pk>/review/", ImportReviewView.as_view(), name="review"),
            path("<int:pk>/result/", ImportResultView.as_view(), name="result"),
            path("<int:pk>/discard/", DiscardReviewView.as_view(), name="discard"),
        ]


__all__ = ["ImportArticleViewSet", "ImportRecordViewSet"]
