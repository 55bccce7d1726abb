"""Page types: where they can be created, that they route, render, edit and preview, and
the governance and summary rules."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.urls import reverse
from wagtail.models import Page, get_page_models
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from back_health.models import BackHealthIndexPage, CausePage, ConditionPage, TreatmentPage
from tests.factories import (
    BackHealthIndexPageFactory,
    CausePageFactory,
    ConditionPageFactory,
    TreatmentPageFactory,
)

LEAVES = {ConditionPage, CausePage, TreatmentPage}


def edit_form_data(page, **extra):
    """POST data for a back-health page's edit form (StreamFields and inline panels are
    rendered client-side, so the test helpers cannot scrape them)."""
    data = {
        "title": page.title,
        "slug": page.slug,
        "summary": page.summary,
        "alternate_names": "",
        "body": streamfield(
            [
                ("heading", {"text": "Symptoms", "level": "h2"}),
                ("paragraph", rich_text("<p>Your back feels stiff in the morning.</p>")),
                (
                    "warning",
                    {
                        "severity": "urgent",
                        "heading": "",
                        "text": rich_text("<p>Get help today.</p>"),
                        "items_lead": "any",
                        "items": streamfield([("item", "your legs feel weak")]),
                    },
                ),
            ]
        ),
        "sources": streamfield([]),
        "last_reviewed": "",
        "next_review_due": "",
        "reviewer": "",
        "comments": inline_formset([]),
    }
    if isinstance(page, ConditionPage):
        data.update(
            cause_links=inline_formset([]),
            treatment_links=inline_formset([]),
            related_links=inline_formset([]),
        )
    if isinstance(page, TreatmentPage):
        data.update(treatment_kind="physical_therapy", generic_name="", brand_names="")
    data.update(extra)
    return nested_form_data(data)


class PageTreeRulesTests(WagtailPageTestCase):
    def test_hub_can_be_created_under_a_plain_page(self):
        self.assertCanCreateAt(Page, BackHealthIndexPage)
        self.assertAllowedParentPageTypes(BackHealthIndexPage, {Page})

    def test_hub_allows_only_conditions_causes_and_treatments(self):
        # Subclasses a site defines (the test app has one) are accepted as well.
        expected = {model for model in get_page_models() if issubclass(model, tuple(LEAVES))}
        assert LEAVES <= expected
        self.assertAllowedSubpageTypes(BackHealthIndexPage, expected)

    def test_content_pages_live_only_under_the_hub(self):
        for model in LEAVES:
            self.assertCanCreateAt(BackHealthIndexPage, model)
            self.assertCanNotCreateAt(Page, model)
            self.assertAllowedParentPageTypes(model, {BackHealthIndexPage})

    def test_content_pages_have_no_children(self):
        for model in LEAVES:
            self.assertAllowedSubpageTypes(model, set())
            self.assertCanNotCreateAt(model, ConditionPage)


class PageBehaviourTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.hub = BackHealthIndexPageFactory(parent=Page.objects.get(depth=2))
        cls.condition = ConditionPageFactory(parent=cls.hub, title="Lumbago", slug="lumbago")
        cls.cause = CausePageFactory(parent=cls.hub, title="Poor posture", slug="posture")
        cls.treatment = TreatmentPageFactory(parent=cls.hub, title="Walking", slug="walking")

    def setUp(self):
        self.user = self.login()

    def test_every_page_is_routable_and_renderable(self):
        for page in (self.hub, self.condition, self.cause, self.treatment):
            with self.subTest(page=page.title):
                self.assertPageIsRoutable(page)
                self.assertPageIsRenderable(page)

    def test_content_pages_are_editable_and_previewable_with_streamfield_data(self):
        for page in (self.condition, self.cause, self.treatment):
            with self.subTest(page=page.title):
                self.assertPageIsEditable(page, post_data=edit_form_data(page), user=self.user)
                self.assertPageIsPreviewable(page, post_data=edit_form_data(page), user=self.user)

    def test_hub_is_editable(self):
        data = nested_form_data(
            {
                "title": self.hub.title,
                "slug": self.hub.slug,
                "intro": "Everything about back pain.",
                "comments": inline_formset([]),
            }
        )
        self.assertPageIsEditable(self.hub, post_data=data, user=self.user)

    def test_condition_can_be_created_in_the_admin_with_a_body(self):
        page = ConditionPage(title="Sciatica", slug="sciatica", summary="Pain down the leg.")
        self.assertCanCreate(self.hub, ConditionPage, edit_form_data(page))
        created = ConditionPage.objects.get(slug="sciatica")
        assert [block.block_type for block in created.body] == ["heading", "paragraph", "warning"]

    def test_edit_rejects_a_next_review_before_the_last_review(self):
        data = edit_form_data(
            self.condition, last_reviewed="2026-05-01", next_review_due="2026-04-01"
        )
        response = self.client.post(
            reverse("wagtailadmin_pages:edit", args=[self.condition.pk]), data
        )
        assert response.status_code == 200  # the form is shown again, with the error
        assert "The next review must fall after the last review." in response.content.decode()


@pytest.mark.django_db
class TestGovernance:
    def test_next_review_must_fall_after_the_last_review(self, hub):
        page = ConditionPageFactory(parent=hub, last_reviewed=datetime.date(2026, 3, 1))
        page.next_review_due = datetime.date(2026, 3, 1)
        with pytest.raises(ValidationError) as error:
            page.full_clean()
        assert "next_review_due" in error.value.message_dict

    def test_next_review_after_the_last_review_is_valid(self, hub):
        page = ConditionPageFactory(
            parent=hub,
            last_reviewed=datetime.date(2026, 3, 1),
            next_review_due=datetime.date(2027, 3, 1),
        )
        page.full_clean()

    def test_review_overdue_once_the_due_date_has_passed(self, hub):
        page = ConditionPageFactory(parent=hub, next_review_due=datetime.date(2000, 1, 1))
        assert page.review_overdue
        page.next_review_due = datetime.date(2999, 1, 1)
        assert not page.review_overdue


@pytest.mark.django_db
class TestSummary:
    @override_settings(BACK_HEALTH={"SUMMARY_MAX_LENGTH": 20})
    def test_summary_longer_than_the_setting_is_invalid(self, hub):
        page = ConditionPageFactory(parent=hub, summary="short enough")
        page.full_clean()
        page.summary = "This summary is far too long for the limit."
        with pytest.raises(ValidationError) as error:
            page.full_clean()
        assert "20 characters" in error.value.message_dict["summary"][0]

    def test_default_summary_limit_is_300_characters(self, hub):
        page = ConditionPageFactory(parent=hub, summary="x" * 300)
        page.full_clean()
        page.summary = "x" * 301
        with pytest.raises(ValidationError):
            page.full_clean()

    def test_meta_description_falls_back_to_the_summary(self, hub, client):
        page = ConditionPageFactory(parent=hub, summary="Tight muscles in the lower back.")
        assert page.get_meta_description() == "Tight muscles in the lower back."
        html = client.get(page.url).content.decode()
        assert '<meta name="description" content="Tight muscles in the lower back.">' in html

    def test_search_description_wins_over_the_summary(self, hub, client):
        page = ConditionPageFactory(
            parent=hub, summary="Tight muscles.", search_description="Written for search."
        )
        html = client.get(page.url).content.decode()
        assert '<meta name="description" content="Written for search.">' in html
        assert 'Tight muscles.">' not in html
