"""A site extends the package without changing it: a subclassed page and an extra block.

The models live in ``tests/testapp``; these tests are the contract the README's
"Extending" section promises.
"""

import pytest
from django.urls import reverse
from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from back_health.blocks import BackHealthStreamBlock
from back_health.models import BackHealthIndexPage, CausePage, ConditionCause, ConditionPage
from tests.testapp.blocks import ClinicBodyBlock, ContactCardBlock
from tests.testapp.models import ClinicConditionPage, ClinicServicePage

CONTACT = {
    "heading": "Book a physiotherapy assessment",
    "phone": "020 7946 0000",
    "email": "physio@example.com",
    "opening_hours": "Monday to Friday, 8am to 6pm",
}


def make_hub():
    home = Site.objects.get(is_default_site=True).root_page
    hub = BackHealthIndexPage(title="Back health", slug="back-health")
    home.add_child(instance=hub)
    return hub


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def latest_draft(page):
    return type(page).objects.get(pk=page.pk).get_latest_revision_as_object()


def condition_post_data(page, **fields):
    """What the edit form posts for a condition page, relations left empty."""
    return nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "summary": page.summary,
            "alternate_names": "",
            "body": streamfield([("paragraph", rich_text("<p>Edited by the clinic.</p>"))]),
            "sources": streamfield([]),
            "cause_links": inline_formset([]),
            "treatment_links": inline_formset([]),
            "related_links": inline_formset([]),
            **fields,
        }
    )


class ClinicConditionPageTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.hub = make_hub()
        cls.cause = cls.hub.add_child(
            instance=CausePage(title="Poor posture", slug="poor-posture", summary="Slouching.")
        )
        cls.page = cls.hub.add_child(
            instance=ClinicConditionPage(
                title="Neck pain",
                slug="neck-pain",
                summary="Pain and stiffness in the neck.",
                clinic_service_link="https://clinic.example.com/neck",
                body=[("paragraph", "<p>Most neck pain gets better within weeks.</p>")],
            )
        )
        ConditionCause.objects.create(page=cls.page, target=cls.cause, note="Common at desks")

    def setUp(self):
        self.user = self.login()

    def test_is_a_condition_everywhere_a_condition_is_expected(self):
        assert ConditionPage.objects.filter(pk=self.page.pk).exists()
        conditions = next(g for g in self.hub.get_entries() if g["kind"] == "conditionpage")
        assert [p.title for p in conditions["pages"]] == ["Neck pain"]

    def test_keeps_the_condition_relations(self):
        causes = self.page.get_relations()["causes"]
        assert [(link.target.specific, link.note) for link in causes] == [
            (self.cause, "Common at desks")
        ]
        assert [link.page_id for link in self.cause.get_condition_links()] == [self.page.pk]

    def test_renders_with_the_condition_template(self):
        response = self.client.get(self.page.url)
        assert response.status_code == 200
        assert "back_health/pages/condition_page.html" in [t.name for t in response.templates]
        self.assertContains(response, "Most neck pain gets better within weeks.")
        self.assertContains(response, "Poor posture")

    def test_edit_view_accepts_the_page(self):
        self.assertPageIsEditable(self.page, post_data=condition_post_data(self.page))

    def test_edit_form_shows_the_extra_field(self):
        response = self.client.get(edit_url(self.page))
        self.assertContains(response, 'name="clinic_service_link"')
        self.assertContains(response, 'name="cause_links-TOTAL_FORMS"')

    def test_editor_can_change_the_extra_field(self):
        post_data = condition_post_data(
            self.page, clinic_service_link="https://clinic.example.com/neck-pain"
        )
        response = self.client.post(edit_url(self.page), post_data)

        assert response.status_code == 302
        draft = latest_draft(self.page)
        assert draft.clinic_service_link == "https://clinic.example.com/neck-pain"

    def test_hub_accepts_the_subclassed_page(self):
        self.assertCanCreateAt(BackHealthIndexPage, ClinicConditionPage)

    def test_lives_only_under_the_hub(self):
        self.assertAllowedParentPageTypes(ClinicConditionPage, {BackHealthIndexPage})

    def test_editor_can_create_the_subclassed_page_under_the_hub(self):
        post_data = condition_post_data(
            ClinicConditionPage(title="Stiff neck", slug="stiff-neck", summary="A stiff neck."),
            clinic_service_link="https://clinic.example.com/stiff-neck",
        )
        self.assertCanCreate(self.hub, ClinicConditionPage, post_data)
        page = ClinicConditionPage.objects.get(slug="stiff-neck")
        assert page.live
        assert page.clinic_service_link == "https://clinic.example.com/stiff-neck"


def test_clinic_body_offers_every_package_block_and_the_contact_card():
    package_blocks = set(BackHealthStreamBlock().child_blocks)
    assert set(ClinicBodyBlock().child_blocks) == package_blocks | {"contact_card"}


def test_contact_card_renders_with_its_own_template():
    block = ContactCardBlock()
    html = block.render(block.to_python(CONTACT))
    assert 'class="clinic-contact-card"' in html
    assert 'href="tel:02079460000"' in html
    assert "Monday to Friday, 8am to 6pm" in html


def test_contact_card_has_an_admin_preview():
    block = ContactCardBlock()
    assert block.is_previewable
    assert block.get_description()


@pytest.mark.django_db
def test_contact_card_preview_renders_in_the_admin(admin_client):
    block = ClinicServicePage._meta.get_field("body").stream_block.child_blocks["contact_card"]
    response = admin_client.get(
        reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix}
    )
    assert response.status_code == 200
    assert b"020 7946 0000" in response.content


class ClinicServicePageTests(WagtailPageTestCase):
    """A page composed from the mixins, with the extended body."""

    @classmethod
    def setUpTestData(cls):
        home = Site.objects.get(is_default_site=True).root_page
        cls.page = home.add_child(
            instance=ClinicServicePage(
                title="Physiotherapy at the clinic",
                slug="clinic-physiotherapy",
                summary="Assessment and treatment by our physiotherapists.",
                treatment_kind="physical_therapy",
                body=[
                    ("warning", {"severity": "info", "text": "<p>No referral needed.</p>"}),
                    ("contact_card", CONTACT),
                ],
            )
        )

    def setUp(self):
        self.user = self.login()

    def test_renders_package_blocks_and_the_contact_card(self):
        response = self.client.get(self.page.url)
        assert response.status_code == 200
        self.assertContains(response, "No referral needed.")
        self.assertContains(response, "Book a physiotherapy assessment")
        self.assertContains(response, 'href="mailto:physio@example.com"')

    def test_editor_can_add_a_contact_card(self):
        post_data = self.post_data([("contact_card", {**CONTACT, "phone": "020 7946 0999"})])

        response = self.client.post(edit_url(self.page), post_data)

        assert response.status_code == 302
        draft = latest_draft(self.page)
        assert [block.block_type for block in draft.body] == ["contact_card"]
        assert draft.body[0].value["phone"] == "020 7946 0999"

    def test_edit_view_and_preview_accept_the_extended_body(self):
        post_data = self.post_data([("contact_card", CONTACT)])
        self.assertPageIsEditable(self.page, post_data=post_data)
        self.assertPageIsPreviewable(self.page, post_data=post_data)

    def post_data(self, body):
        return nested_form_data(
            {
                "title": self.page.title,
                "slug": self.page.slug,
                "summary": self.page.summary,
                "treatment_kind": "physical_therapy",
                "body": streamfield(body),
                "sources": streamfield([]),
            }
        )

    def test_editor_can_create_it_under_any_page(self):
        self.assertCanCreateAt(Page, ClinicServicePage)

    def test_keeps_the_shared_behaviour_of_the_mixins(self):
        assert self.page.get_meta_description() == self.page.summary
        assert isinstance(self.page, Page)
