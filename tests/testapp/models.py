"""Pages a site builds on the package without changing it.

* :class:`ClinicConditionPage` subclasses a concrete page to add a field; it
  keeps the condition's body, relations and template, and the hub accepts it
  because the hub accepts subclasses of its page types.
* :class:`ClinicServicePage` composes the mixins onto ``Page`` to get its own
  body blocks: a concrete page's ``body`` cannot be redeclared by a subclass
  (Django forbids overriding a concrete parent's field), an abstract mixin's can.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, ObjectList, TabbedInterface
from wagtail.fields import StreamField
from wagtail.models import Page

from back_health.blocks import BackHealthStreamBlock
from back_health.models import BackHealthPageMixin, ConditionPage, TreatmentMixin

from .blocks import ClinicBodyBlock


class ClinicConditionPage(ConditionPage):
    """A condition page that links to the clinic's service for it."""

    clinic_service_link = models.URLField(
        _("clinic service link"),
        blank=True,
        help_text=_("The clinic's page for booking treatment of this condition."),
    )

    content_panels = ConditionPage.content_panels + [FieldPanel("clinic_service_link")]
    # ConditionPage's tabs, with this page's content panels in the first one.
    edit_handler = TabbedInterface(
        [ObjectList(content_panels, heading=_("Content")), *ConditionPage.edit_handler.children[1:]]
    )

    parent_page_types = ["back_health.BackHealthIndexPage"]
    #: Wagtail derives a template name from each page class; keep the condition's.
    template = ConditionPage.template

    class Meta:
        verbose_name = _("clinic condition")


class ClinicServicePage(TreatmentMixin, BackHealthPageMixin, Page):
    """A treatment the clinic offers, with a contact card in its body."""

    body = StreamField(ClinicBodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = (
        Page.content_panels
        + TreatmentMixin.treatment_panels
        + BackHealthPageMixin.content_panels_extra
        + BackHealthPageMixin.governance_panels
    )
    search_fields = Page.search_fields + BackHealthPageMixin.back_health_search_fields

    # Not a subclass of a hub page type, so it lives elsewhere in the tree.
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = []
    template = "back_health_testapp/clinic_service_page.html"

    class Meta:
        verbose_name = _("clinic service")


class BarePage(Page):
    """A plain Wagtail page with the back-health body and nothing else: the yardstick
    ``bench/render_speed.py`` measures the back-health pages against."""

    body = StreamField(BackHealthStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("body")]
    template = "back_health_testapp/bare_page.html"

    class Meta:
        verbose_name = _("bare page")
