"""Admin screens for importing articles: upload or paste, preview the plan, import."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.models import InspectView
from wagtail.admin.viewsets.base import ViewSet
from wagtail.admin.viewsets.model import ModelViewSet

from ..conf import back_health_settings
from ..importer.load import load_source
from ..importer.service import ImportSetupError, Source, find_hub, import_sources
from ..models import BackHealthIndexPage, ImportRecord
from ..tasks import import_back_health_task, source_payload

FORMAT_CHOICES = [
    ("auto", _("Detect from the file")),
    ("text", _("Plain text")),
    ("html", _("HTML")),
    ("markdown", _("Markdown")),
]
CONFLICT_CHOICES = [
    ("skip", _("Leave them alone")),
    ("draft", _("Save the import as a new draft for review")),
    ("overwrite", _("Overwrite them")),
]


class ImportArticleForm(forms.Form):
    file = forms.FileField(
        label=_("Article file"),
        required=False,
        help_text=_("A saved web page (.html), Markdown (.md) or plain text (.txt) file."),
    )
    text = forms.CharField(
        label=_("Or paste the article"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_("Used when no file is chosen. The preview fills this in for you."),
    )
    name = forms.CharField(
        label=_("Source name"),
        required=False,
        max_length=255,
        help_text=_(
            "Identifies the article on re-import, e.g. its file name or address. "
            "Defaults to the file name."
        ),
    )
    format = forms.ChoiceField(label=_("Format"), choices=FORMAT_CHOICES, initial="auto")
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
        choices=CONFLICT_CHOICES,
        initial="skip",
        widget=forms.RadioSelect,
    )
    background = forms.BooleanField(
        label=_("Run in the background"),
        required=False,
        help_text=_("For long articles: the import runs as a task and appears in the history."),
    )

    def clean(self):
        data = super().clean()
        upload = data.get("file")
        if upload:
            if upload.size > back_health_settings.IMPORT_MAX_BYTES:
                raise forms.ValidationError(
                    _("The file is larger than the %(limit)d bytes limit.")
                    % {"limit": back_health_settings.IMPORT_MAX_BYTES}
                )
            data["source"] = Source(name=data.get("name") or upload.name, data=upload.read())
        elif data.get("text", "").strip():
            data["source"] = Source(
                name=data.get("name") or "pasted-article", data=data["text"].encode("utf-8")
            )
        else:
            raise forms.ValidationError(_("Choose a file or paste an article."))
        return data


def decoded_text(source):
    """The source as text, decoded the way the importer reads it (cp1251, UTF-16...)."""
    return load_source(
        source.data, source.name, max_bytes=back_health_settings.IMPORT_MAX_BYTES
    ).text


class ImportArticleView(WagtailAdminTemplateMixin, FormView):
    """Upload or paste an article, preview what the importer understood, then import."""

    form_class = ImportArticleForm
    template_name = "back_health/admin/import_form.html"
    page_title = _("Import an article")
    header_icon = "download"

    def dispatch(self, request, *args, **kwargs):
        if not self.user_can_import(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @staticmethod
    def user_can_import(user):
        """Editors who may add pages under the hub (or the site root) may import."""
        if user.is_superuser:
            return True
        hub = find_hub()
        if hub is not None:
            return hub.permissions_for_user(user).can_add_subpage()
        return False

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def form_valid(self, form):
        data = form.cleaned_data
        source = data["source"]
        parent = data["parent"]
        preview = "preview" in self.request.POST
        if data["background"] and not preview:
            result = import_back_health_task.enqueue(
                [source_payload(source.name, source.data)],
                parent=str(parent.pk) if parent else None,
                format=data["format"],
                publish=data["publish"],
                on_conflict=data["on_conflict"],
                user_id=self.request.user.pk,
            )
            return self.render_to_response(
                self.get_context_data(form=form, task_result=result, queued=True)
            )
        try:
            report = import_sources(
                [source],
                parent=parent,
                format=data["format"],
                dry_run=preview,
                publish=data["publish"],
                on_conflict=data["on_conflict"],
                user=self.request.user,
            )
        except ImportSetupError as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        if preview and report["articles"][0]["status"] != "failed":
            # Carry the source into the form so "Import" needs no second upload.
            bound = self.form_class(
                initial={
                    **{key: data[key] for key in ("format", "parent", "publish", "on_conflict")},
                    "text": decoded_text(source),
                    "name": source.name,
                }
            )
            return self.render_to_response(
                self.get_context_data(form=bound, report=report, preview=True)
            )
        return self.render_to_response(self.get_context_data(form=form, report=report))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["history_url"] = reverse("back_health_imports:index")
        return context


class ImportRecordInspectView(InspectView):
    template_name = "back_health/admin/import_record_inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["report"] = {"dry_run": False, "articles": [self.object.report]}
        return context


class ImportRecordViewSet(ModelViewSet):
    """The import history: every imported article with its report."""

    name = "back_health_imports"
    model = ImportRecord
    icon = "download"
    menu_label = _("Import history")
    list_display = ["title", "source_name", "format", "user", "updated_at"]
    list_filter = ["format"]
    search_fields = ["title", "source_name"]
    ordering = ["-updated_at"]
    inspect_view_enabled = True
    inspect_view_class = ImportRecordInspectView
    copy_view_enabled = False
    form_fields = ["title"]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return ImportArticleView.user_can_import(request.user)


class ImportArticleViewSet(ViewSet):
    """The "Import an article" screen as a menu entry of the Back health group."""

    name = "back_health_import"
    icon = "download"
    menu_label = _("Import an article")
    menu_item_class = ImportMenuItem

    def get_urlpatterns(self):
        return [path("", ImportArticleView.as_view(), name="import")]
