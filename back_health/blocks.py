"""StreamField blocks for back-health pages.

Every block has an icon, a template, an admin preview template and value, and
a description, so it shows in the block picker with a preview. Sites extend
the body by subclassing :class:`BackHealthStreamBlock`.
"""

import re
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.functional import cached_property
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.contrib.table_block.blocks import TableBlock as WagtailTableBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

from .conf import back_health_settings
from .dosage import dose_to_text

PREVIEW_TEMPLATE = "back_health/blocks/previews/block_preview.html"

#: Stored keys are stable: templates, CSS and imports depend on them.
SEVERITY_CHOICES = [
    ("info", _("Information")),
    ("caution", _("Caution")),
    ("see_doctor", _("See a doctor")),
    ("urgent", _("Urgent")),
    ("emergency", _("Emergency")),
]

ITEMS_LEAD_CHOICES = [
    ("any", _("Any of these")),
    ("all", _("All of these")),
]

#: Rich text features of body paragraphs. A fixed list (not a setting) keeps
#: migrations independent of a site's configuration.
PARAGRAPH_FEATURES = ["bold", "italic", "link", "ol", "ul", "h3", "h4"]
INLINE_FEATURES = ["bold", "italic", "link"]
SHORT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=255)
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Level 2")), ("h3", _("Level 3")), ("h4", _("Level 4"))],
        default="h2",
        help_text=_("Level 2 for main sections; levels 3 and 4 for parts of a section."),
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "back_health/blocks/heading_block.html"
        preview_template = PREVIEW_TEMPLATE
        preview_value = {"text": "Symptoms", "level": "h2"}
        description = _("A section heading; it also appears in the page's contents list.")


#: Labels kept in print, where the colour that tells severities apart is gone.
PRINT_LABELS = {
    "info": pgettext_lazy("warning print label", "Information:"),
    "caution": pgettext_lazy("warning print label", "Caution:"),
    "see_doctor": pgettext_lazy("warning print label", "See a doctor:"),
    "urgent": pgettext_lazy("warning print label", "Urgent:"),
    "emergency": pgettext_lazy("warning print label", "Emergency:"),
}


def _heading_is_lead_in(heading):
    """Whether a heading already introduces a list, as "See a GP if" does."""
    # Translators: the word that ends a warning heading which leads straight into its
    # list of symptoms ("See a GP if"). Several words may be given, separated by spaces.
    words = gettext("if").casefold().split()
    last = heading.strip().rstrip(":\u2026. ").rsplit(None, 1)[-1:] if heading else []
    return bool(last) and last[0].casefold() in words


class WarningValue(blocks.StructValue):
    @property
    def display_heading(self):
        """The editor's heading, or the site's default for the severity."""
        severity = self.get("severity")
        return self.get("heading") or back_health_settings.WARNING_HEADINGS.get(severity, "")

    @property
    def screen_reader_prefix(self):
        return back_health_settings.WARNING_PREFIXES.get(self.get("severity"), "")

    @property
    def print_label(self):
        return PRINT_LABELS.get(self.get("severity"), "")

    @cached_property
    def _heading_leads_in(self):
        return _heading_is_lead_in(str(self.display_heading))

    @property
    def list_lead_in(self):
        """The words between the heading and the symptom list, or "" for none.

        The rules, in one place: no list, no lead-in. A heading that ends in "if"
        already leads into the list, so "any" (or no choice) needs nothing and "all"
        only says that all must apply. Any other heading gets "If you have any/all of
        these:" when the editor chose any or all, and nothing otherwise.
        """
        if not self.get("items"):
            return ""
        lead = self.get("items_lead") or ""
        if self._heading_leads_in:
            return gettext("All of these apply:") if lead == "all" else ""
        if lead == "all":
            return gettext("If you have all of these:")
        if lead == "any":
            return gettext("If you have any of these:")
        return ""

    @property
    def list_follows_heading(self):
        """A heading ending in "if" reads on into the list, so the list comes first."""
        return bool(self.get("items")) and self._heading_leads_in


class WarningBlock(blocks.StructBlock):
    """A call-out telling the reader when to get help, or what to avoid."""

    severity = blocks.ChoiceBlock(
        choices=SEVERITY_CHOICES,
        default="see_doctor",
        help_text=_(
            "How serious the advice is. Emergency: call 999/911 or go to A&E. "
            "Urgent: same-day help. See a doctor: book an appointment. "
            "Caution: something to avoid. Information: good to know."
        ),
    )
    heading = blocks.CharBlock(
        required=False,
        max_length=255,
        help_text=_("Leave empty to use the site's default heading for the severity."),
    )
    text = blocks.RichTextBlock(
        required=False, features=SHORT_FEATURES, help_text=_("What to do and why.")
    )
    items_lead = blocks.ChoiceBlock(
        choices=ITEMS_LEAD_CHOICES,
        required=False,
        help_text=_("Whether the advice applies when the reader has any or all of the symptoms."),
    )
    items = blocks.ListBlock(
        blocks.CharBlock(label=_("Symptom"), max_length=255),
        default=[],
        label=_("Symptoms"),
        help_text=_("Optional list of symptoms or situations the advice applies to."),
    )

    class Meta:
        icon = "warning"
        label = _("Warning")
        value_class = WarningValue
        template = "back_health/blocks/warning_block.html"
        preview_template = PREVIEW_TEMPLATE
        preview_value = {
            "severity": "urgent",
            "heading": "",
            "text": "<p>Get help the same day if your back pain does not ease.</p>",
            "items_lead": "any",
            "items": ["you have a high temperature", "you feel generally unwell"],
        }
        description = _(
            "Advice on when to get medical help (emergency, urgent, see a doctor) "
            "or a caution, styled by severity."
        )

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        has_text = bool(value.get("text") and value["text"].source.strip())
        has_items = bool(value.get("items"))
        if not (has_text or has_items):
            errors["text"] = ErrorList(
                [ValidationError(_("A warning needs some text or a list of symptoms."))]
            )
        if value.get("severity") == "emergency" and not (value.get("heading") or has_items):
            errors["heading"] = ErrorList(
                [
                    ValidationError(
                        _(
                            "An emergency warning needs its own heading or a list of "
                            "symptoms, so readers know exactly when to call for help."
                        )
                    )
                ]
            )
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value


class DoseValue(blocks.StructValue):
    def as_text(self):
        return dose_to_text(dict(self))

    def __str__(self):
        return self.as_text()


class DoseBlock(blocks.StructBlock):
    sets = blocks.IntegerBlock(required=False, min_value=1, help_text=_("Number of sets."))
    repetitions = blocks.IntegerBlock(
        required=False, min_value=1, help_text=_("Repetitions in each set.")
    )
    hold_seconds = blocks.IntegerBlock(
        required=False, min_value=1, help_text=_("How long to hold each position, in seconds.")
    )
    per_side = blocks.BooleanBlock(
        required=False, help_text=_("Tick when the exercise is done on each side.")
    )
    times_per_day = blocks.IntegerBlock(
        required=False, min_value=1, help_text=_("How many times a day.")
    )
    days_per_week = blocks.IntegerBlock(
        required=False, min_value=1, max_value=7, help_text=_("How many days a week.")
    )

    class Meta:
        icon = "time"
        label = _("Dose")
        value_class = DoseValue
        form_classname = "bh-dose-block"


class ExerciseBlock(blocks.StructBlock):
    name = blocks.CharBlock(max_length=255, help_text=_("A short name, e.g. 'Knee to chest'."))
    steps = blocks.ListBlock(
        blocks.CharBlock(label=_("Step"), max_length=500),
        default=[],
        help_text=_("One instruction per step, in order."),
    )
    dose = DoseBlock(required=False)
    image = ImageBlock(required=False)
    video = EmbedBlock(required=False, help_text=_("Optional link to a video (YouTube, Vimeo)."))
    cautions = blocks.ListBlock(
        blocks.CharBlock(label=_("Caution"), max_length=500),
        default=[],
        help_text=_("Things to watch for in this exercise."),
    )

    class Meta:
        icon = "pick"
        label = _("Exercise")
        template = "back_health/blocks/exercise_block.html"


class ExerciseListBlock(blocks.StructBlock):
    """An ordered set of exercises or self-care steps with doses and stop rules."""

    heading = blocks.CharBlock(max_length=255, help_text=_("e.g. 'Exercises to ease back pain'."))
    intro = blocks.RichTextBlock(required=False, features=SHORT_FEATURES)
    exercises = blocks.ListBlock(ExerciseBlock(), min_num=1, label=_("Exercises"))
    stop_if = blocks.ListBlock(
        blocks.CharBlock(label=_("Stop if"), max_length=500),
        default=[],
        label=_("Stop if"),
        help_text=_("Signs that the reader should stop and get advice."),
    )

    class Meta:
        icon = "list-ol"
        label = _("Exercise list")
        template = "back_health/blocks/exercise_list_block.html"
        preview_template = PREVIEW_TEMPLATE
        preview_value = {
            "heading": "Exercises to ease back pain",
            "intro": "<p>Start gently and build up over a few weeks.</p>",
            "exercises": [
                {
                    "name": "Knee to chest",
                    "steps": [
                        "Lie on your back with your knees bent.",
                        "Bring one knee towards your chest and hold it with both hands.",
                    ],
                    "dose": {
                        "hold_seconds": 20,
                        "repetitions": 3,
                        "per_side": True,
                        "times_per_day": 2,
                    },
                    "cautions": [],
                },
                {
                    "name": "Pelvic tilt",
                    "steps": ["Lie on your back.", "Flatten your lower back into the floor."],
                    "dose": {"repetitions": 10, "times_per_day": 3},
                    "cautions": ["Keep breathing normally."],
                },
            ],
            "stop_if": ["the pain gets worse", "you feel numbness or tingling"],
        }
        description = _(
            "Numbered exercises, each with steps and a dose shown in plain English, "
            "plus when to stop."
        )


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(help_text=_("The quoted words, without quotation marks."))
    attribution = blocks.CharBlock(required=False, max_length=255)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "back_health/blocks/quote_block.html"
        preview_template = PREVIEW_TEMPLATE
        preview_value = {
            "quote": "Most back pain gets better on its own within a few weeks.",
            "attribution": "Clinic physiotherapy team",
        }
        description = _("A quotation with who said it, e.g. a patient or a clinician.")


class InsetBlock(blocks.StructBlock):
    text = blocks.RichTextBlock(features=SHORT_FEATURES)

    class Meta:
        icon = "doc-full"
        label = _("Inset text")
        template = "back_health/blocks/inset_block.html"
        preview_template = PREVIEW_TEMPLATE
        preview_value = {"text": "<p>You can refer yourself to physiotherapy.</p>"}
        description = _("A short piece of text set apart from the body, e.g. a key fact.")


class FigureBlock(blocks.StructBlock):
    image = ImageBlock()
    caption = blocks.CharBlock(required=False, max_length=255)

    def get_preview_value(self):
        """The newest image in the library, so the block picker shows a real figure."""
        from wagtail.images import get_image_model

        image = get_image_model().objects.order_by("-created_at").first()
        if image is None:
            return self.to_python({})
        return self.to_python(
            {
                "image": {"image": image.pk, "decorative": False, "alt_text": image.title},
                "caption": image.title,
            }
        )

    class Meta:
        icon = "image"
        label = _("Image")
        template = "back_health/blocks/figure_block.html"
        preview_template = PREVIEW_TEMPLATE
        description = _("An image with alternative text and an optional caption.")


class ParagraphBlock(blocks.RichTextBlock):
    class Meta:
        icon = "pilcrow"
        label = _("Text")
        template = "back_health/blocks/paragraph_block.html"
        preview_template = PREVIEW_TEMPLATE
        preview_value = (
            "<p>Back muscle spasm is a sudden tightening of the muscles of the back. "
            "It usually eases within a few days.</p>"
        )
        description = _("Paragraphs, lists and links.")


class TableBlock(WagtailTableBlock):
    """Wagtail's own table block (``wagtail.contrib.table_block``), rendered with a
    caption, ``<th scope>`` headings and a wrapper that scrolls on narrow screens.

    Cells are plain text, which is what imported tables and most health tables hold
    (doses, brand names, symptoms against causes); the template shows the web and e-mail
    addresses written in a cell as links, which is how an imported cell keeps its link
    ("the NHS page (https://www.nhs.uk/...)"). Markup in a cell is shown as text. Needs
    ``"wagtail.contrib.table_block"`` in ``INSTALLED_APPS`` (a system check says so when
    it is missing).
    """

    class Meta:
        icon = "table"
        label = _("Table")
        template = "back_health/blocks/table_block.html"
        preview_template = PREVIEW_TEMPLATE
        preview_value = {
            "data": [
                ["Strength", "Codeine", "Paracetamol"],
                ["8/500", "8 mg", "500 mg"],
                ["30/500", "30 mg", "500 mg"],
            ],
            "table_caption": "Tablet strengths",
            "table_header_choice": "row",
            "first_row_is_table_header": True,
            "first_col_is_header": False,
            "cell": [],
            "mergeCells": [],
        }
        description = _(
            "A table of plain-text cells with a caption and column or row headings, "
            "e.g. doses or brand names by country. Web and e-mail addresses in a cell "
            "are shown as links."
        )

    def clean(self, value):
        # Wagtail's editor stores "column" for a header column, but its clean() only
        # recognises "col"; keep the two flags in step with the choice the editor made.
        value = super().clean(value)
        if value and value.get("table_header_choice"):
            choice = value["table_header_choice"]
            value["first_row_is_table_header"] = choice in ("row", "both")
            value["first_col_is_header"] = choice in ("column", "col", "both")
        return value


_EXTENSION = re.compile(r"\.[A-Za-z0-9]{1,5}$")


def looks_like_file_name(text):
    """One token with a path separator or a file extension: "whiplash.md", "a/b.txt"."""
    text = text.strip()
    if not text or any(char.isspace() for char in text):
        return False
    return "/" in text or "\\" in text or bool(_EXTENSION.search(text))


class SourceValue(blocks.StructValue):
    @property
    def link(self):
        """The URL when it is an http(s) address readers can follow, else ""."""
        url = (self.get("url") or "").strip()
        return url if urlsplit(url).scheme in ("http", "https") else ""

    @property
    def is_citation(self):
        """Worth showing to readers: a titled http(s) link, or a title that is a real
        citation rather than a bare file name left over from an import."""
        title = (self.get("title") or "").strip()
        if not title:
            return False
        return bool(self.link) or not looks_like_file_name(title)


class SourceBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=255, help_text=_("Title of the source."))
    url = blocks.URLBlock(required=False, help_text=_("Where the source can be read."))

    class Meta:
        icon = "link"
        label = _("Source")
        value_class = SourceValue
        template = "back_health/blocks/source_block.html"


class BackHealthStreamBlock(blocks.StreamBlock):
    """The body of every back-health page; subclass it to add blocks."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock(features=PARAGRAPH_FEATURES)
    warning = WarningBlock()
    exercise_list = ExerciseListBlock()
    image = FigureBlock()
    quote = QuoteBlock()
    inset = InsetBlock()
    table = TableBlock()

    class Meta:
        block_counts = {}


class SourcesStreamBlock(blocks.StreamBlock):
    source = SourceBlock()
