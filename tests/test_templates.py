"""Front-end templates: document outline, landmarks, hub A-Z, relations and query counts."""

import datetime
import re
from html.parser import HTMLParser

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from back_health.models import ConditionCause, ConditionTreatment, RelatedCondition
from tests.factories import (
    BodyRegionFactory,
    CausePageFactory,
    ConditionPageFactory,
    ReviewerFactory,
    TreatmentPageFactory,
)

pytestmark = pytest.mark.django_db


class Outline(HTMLParser):
    """Collects heading levels, ids and landmark elements of a document."""

    def __init__(self):
        super().__init__()
        self.headings = []
        self.ids = set()
        self.labelledby = []
        self.tags = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append(tag)
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if "aria-labelledby" in attrs:
            self.labelledby.append(attrs["aria-labelledby"])


def outline(html):
    parser = Outline()
    parser.feed(html)
    return parser


def assert_sound_outline(html):
    doc = outline(html)
    assert doc.headings.count(1) == 1, doc.headings
    assert doc.headings[0] == 1, doc.headings
    for previous, current in zip(doc.headings, doc.headings[1:], strict=False):
        assert current <= previous + 1, f"h{previous} is followed by h{current}: {doc.headings}"
    for target in doc.labelledby:
        assert target in doc.ids, f"aria-labelledby points at a missing id {target!r}"
    return doc


def rich_body():
    return [
        (
            "warning",
            {
                "severity": "emergency",
                "heading": "Call 999 if",
                "text": "",
                "items_lead": "any",
                "items": ["you cannot feel your legs"],
            },
        ),
        ("heading", {"text": "Symptoms", "level": "h2"}),
        ("paragraph", "<p>Your back feels stiff.</p>"),
        (
            "warning",
            {
                "severity": "see_doctor",
                "heading": "",
                "text": "<p>Book a visit.</p>",
                "items_lead": "",
                "items": [],
            },
        ),
        ("heading", {"text": "Easing the pain", "level": "h2"}),
        ("heading", {"text": "At home", "level": "h3"}),
        (
            "exercise_list",
            {
                "heading": "Gentle exercises",
                "intro": "",
                "exercises": [
                    {
                        "name": "Knee hug",
                        "steps": ["Lie down."],
                        "dose": {"repetitions": 5},
                        "cautions": [],
                    }
                ],
                "stop_if": ["it hurts more"],
            },
        ),
        ("quote", {"quote": "Keep moving.", "attribution": ""}),
        ("inset", {"text": "<p>You can refer yourself.</p>"}),
    ]


def condition_with_everything(hub, relations=2):
    reviewer = ReviewerFactory(name="Dr Ada Lovelace", role="GP", registration="GMC 1234567")
    page = ConditionPageFactory(
        parent=hub,
        title="Back muscle spasm",
        slug="back-muscle-spasm",
        summary="A sudden tightening of the muscles of the back.",
        alternate_names="Lumbago\nMuscle cramp",
        body=rich_body(),
        last_reviewed=datetime.date(2026, 1, 15),
        next_review_due=datetime.date(2027, 1, 15),
        reviewer=reviewer,
        sources=[("source", {"title": "Low back pain guideline", "url": "https://example.org/"})],
    )
    page.body_regions.add(BodyRegionFactory(name="Lower back", slug="lower-back"))
    add_relations(hub, page, relations)
    return page


def add_relations(hub, page, count, prefix=""):
    for n in range(count):
        # Half the causes are causes, half are conditions (a cause can be a condition).
        if n % 2:
            cause = ConditionPageFactory(parent=hub, title=f"{prefix}Causing condition {n}")
        else:
            cause = CausePageFactory(parent=hub, title=f"{prefix}Cause {n}")
        ConditionCause.objects.create(page=page, target=cause, note=f"cause note {n}", sort_order=n)
        treatment = TreatmentPageFactory(parent=hub, title=f"{prefix}Treatment {n}")
        ConditionTreatment.objects.create(
            page=page, target=treatment, note=f"treatment note {n}", sort_order=n
        )
        related = ConditionPageFactory(parent=hub, title=f"{prefix}Related {n}")
        RelatedCondition.objects.create(
            page=page, target=related, note=f"related note {n}", sort_order=n
        )


# ---- Outline and landmarks -----------------------------------------------------------------


def test_condition_page_has_one_h1_and_headings_in_order(hub, client):
    page = condition_with_everything(hub)
    html = client.get(page.url).content.decode()
    doc = assert_sound_outline(html)
    assert "article" in doc.tags
    assert '<h1 class="bh-page-header__title">Back muscle spasm</h1>' in html


def test_warning_heading_nests_under_the_heading_before_it(hub, client):
    page = condition_with_everything(hub)
    html = client.get(page.url).content.decode()
    # Before any heading block: h2. After an h2: h3. After an h3: the list at h4, items at h5.
    assert re.search(r'<h2 class="bh-warning__heading"[^>]*>.*Call 999 if</h2>', html)
    assert re.search(r'<h3 class="bh-warning__heading"[^>]*>.*See a GP if</h3>', html)
    assert '<h4 class="bh-exercises__heading"' in html
    assert '<h5 class="bh-exercise__name">Knee hug</h5>' in html


def test_every_page_type_has_a_sound_outline(hub, client):
    condition = condition_with_everything(hub)
    cause = condition.cause_links.first().target
    treatment = TreatmentPageFactory(parent=hub, body=rich_body())
    for page in (hub, condition, cause, treatment):
        assert_sound_outline(client.get(page.url).content.decode())


def test_contents_list_links_to_the_level_two_headings(hub, client):
    page = condition_with_everything(hub)
    html = client.get(page.url).content.decode()
    nav = html.split('<nav class="bh-contents"', 1)[1].split("</nav>", 1)[0]
    headings = [block for block in page.body if block.block_type == "heading"]
    assert f'href="#bh-section-{headings[0].id}">Symptoms</a>' in nav
    assert "At home" not in nav  # level 3
    assert f'id="bh-section-{headings[0].id}"' in html


def test_page_header_shows_summary_and_other_names(hub, client):
    page = condition_with_everything(hub)
    html = client.get(page.url).content.decode()
    assert '<p class="bh-lead">A sudden tightening of the muscles of the back.</p>' in html
    assert "Also called: Lumbago, Muscle cramp" in html


def test_page_links_the_stylesheet_in_extra_head(hub, client):
    page = condition_with_everything(hub)
    html = client.get(page.url).content.decode()
    head = html.split("</head>", 1)[0]
    assert 'href="/static/back_health/css/back_health.css"' in head


# ---- Condition relations, review and sources ------------------------------------------------


def test_condition_lists_causes_treatments_and_related_conditions_with_notes(hub, client):
    page = condition_with_everything(hub, relations=2)
    html = client.get(page.url).content.decode()
    for section, heading in (
        ("causes", "Causes"),
        ("treatments", "Treatments"),
        ("related", "Related conditions"),
    ):
        assert f'aria-labelledby="bh-{section}-heading"' in html
        assert f'<h2 class="bh-relations__heading" id="bh-{section}-heading">{heading}</h2>' in html
    assert '<a class="bh-relations__link" href="/back-health/cause-0/">Cause 0</a>' in html
    assert '<span class="bh-relations__note">cause note 0</span>' in html
    assert "treatment note 1" in html and "related note 1" in html
    assert html.index("Cause 0") < html.index("Causing condition 1")


def test_relations_to_unpublished_pages_are_left_out(hub, client):
    page = condition_with_everything(hub, relations=2)
    hidden = page.treatment_links.first().target
    hidden.unpublish()
    html = client.get(page.url).content.decode()
    assert hidden.title not in html


def test_condition_without_relations_has_no_empty_sections(hub, client):
    page = ConditionPageFactory(parent=hub)
    html = client.get(page.url).content.decode()
    assert "bh-relations" not in html
    assert "bh-sources" not in html
    assert "bh-review" not in html


def test_review_footer_shows_dates_and_reviewer(hub, client):
    page = condition_with_everything(hub)
    html = client.get(page.url).content.decode()
    assert '<time datetime="2026-01-15">15 January 2026</time>' in html
    assert '<time datetime="2027-01-15">15 January 2027</time>' in html
    assert "Page last reviewed:" in html and "Next review due:" in html
    assert "Dr Ada Lovelace" in html and "GMC 1234567" in html
    assert html.index("bh-relations") < html.index("bh-review")


def test_sources_are_listed_with_links(hub, client):
    page = condition_with_everything(hub)
    html = client.get(page.url).content.decode()
    assert '<h2 class="bh-sources__heading" id="bh-sources-heading">Sources</h2>' in html
    assert '<a class="bh-source" href="https://example.org/"><cite>Low back pain guideline' in html


# ---- Cause and treatment pages --------------------------------------------------------------


def test_cause_page_lists_the_conditions_linked_to_it_with_notes(hub, client):
    cause = CausePageFactory(parent=hub, title="Stress", slug="stress")
    sciatica = ConditionPageFactory(parent=hub, title="Sciatica", slug="sciatica")
    spasm = ConditionPageFactory(parent=hub, title="Spasm", slug="spasm")
    ConditionCause.objects.create(page=spasm, target=cause, note="tense muscles")
    ConditionCause.objects.create(page=sciatica, target=cause)
    html = client.get(cause.url).content.decode()
    assert "Conditions linked to this" in html
    assert html.index(">Sciatica</a>") < html.index(">Spasm</a>")
    assert '<span class="bh-relations__note">tense muscles</span>' in html
    assert 'href="/back-health/spasm/"' in html


def test_treatment_page_shows_medicine_facts(hub, client):
    treatment = TreatmentPageFactory(
        parent=hub,
        title="Tolperisone",
        treatment_kind="medicine",
        generic_name="tolperisone",
        brand_names="Mydocalm\nMidocalm",
        prescription_status="prescription",
    )
    condition = ConditionPageFactory(parent=hub, title="Spasm")
    ConditionTreatment.objects.create(page=condition, target=treatment, note="for a few days")
    html = client.get(treatment.url).content.decode()
    assert "<dd>Medicine</dd>" in html
    assert "<dd>tolperisone</dd>" in html
    assert "<dd>Mydocalm, Midocalm</dd>" in html
    assert "<dd>Prescription only</dd>" in html
    assert "Conditions linked to this" in html and "for a few days" in html


def test_non_medicine_treatment_hides_medicine_facts(hub, client):
    treatment = TreatmentPageFactory(parent=hub, treatment_kind="manual_therapy")
    html = client.get(treatment.url).content.decode()
    assert "<dd>Manual therapy</dd>" in html
    assert "Generic name" not in html and "Brand names" not in html


# ---- Hub -------------------------------------------------------------------------------------


def test_hub_lists_live_pages_a_to_z_one_heading_per_letter(hub, client):
    for title in ("Spasm", "Lumbago", "Sciatica"):
        ConditionPageFactory(parent=hub, title=title)
    CausePageFactory(parent=hub, title="Stress")
    TreatmentPageFactory(parent=hub, title="Massage")
    draft = ConditionPageFactory(parent=hub, title="Draft condition", live=False)
    html = client.get(hub.url).content.decode()
    assert_sound_outline(html)
    assert re.findall(r'<h2 class="bh-az__heading"[^>]*>(\w)</h2>', html) == ["L", "M", "S"]
    s_section = html.split('id="bh-az-S"', 1)[1]
    assert s_section.index("Sciatica") < s_section.index("Spasm") < s_section.index("Stress")
    assert "(Cause)" in s_section and "(Treatment)" in html.split('id="bh-az-M"', 1)[1]
    assert draft.title not in html


def test_hub_letter_bar_links_only_letters_with_pages(hub, client):
    ConditionPageFactory(parent=hub, title="Lumbago")
    TreatmentPageFactory(parent=hub, title="Massage")
    html = client.get(hub.url).content.decode()
    bar = html.split('class="bh-az-bar"', 1)[1].split("</nav>", 1)[0]
    assert re.findall(r'href="#bh-az-(\w)"', bar) == ["L", "M"]
    assert '<span class="bh-az-bar__empty">A</span>' in bar
    for letter in ("L", "M"):
        assert f'id="bh-az-{letter}"' in html


def test_hub_leaves_out_pages_with_nothing_on_them(hub, client):
    ConditionPageFactory(parent=hub, title="Empty condition", summary="", body=[])
    ConditionPageFactory(parent=hub, title="Body only", summary="", body=rich_body())
    CausePageFactory(parent=hub, title="Summary only")
    html = client.get(hub.url).content.decode()
    assert "Empty condition" not in html
    assert "Body only" in html and "Summary only" in html


def test_hub_list_changes_as_soon_as_a_page_is_published(hub, client):
    client.get(hub.url)  # fills the cached fragment
    page = ConditionPageFactory(parent=hub, title="Newly live", live=False)
    assert "Newly live" not in client.get(hub.url).content.decode()
    page.save_revision().publish()
    assert "Newly live" in client.get(hub.url).content.decode()
    page.refresh_from_db()
    page.unpublish()
    assert "Newly live" not in client.get(hub.url).content.decode()


def test_empty_hub_says_so(hub, client):
    html = client.get(hub.url).content.decode()
    assert "There are no pages here yet." in html
    assert "bh-az__heading" not in html


# ---- Query counts ----------------------------------------------------------------------------


def count_queries(client, url):
    client.get(url)  # warm per-process caches (site root paths, content types)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_condition_page_runs_the_same_queries_for_2_and_20_relations(hub, client):
    few = condition_with_everything(hub, relations=2)
    many = ConditionPageFactory(
        parent=hub,
        title="Many relations",
        body=rich_body(),
        reviewer=few.reviewer,
        sources=few.sources,
    )
    add_relations(hub, many, 20, prefix="Many ")
    assert len(many.get_relations()["causes"]) == 20
    assert count_queries(client, few.url) == count_queries(client, many.url)


def test_cause_page_runs_the_same_queries_for_2_and_20_linked_conditions(hub, client):
    few, many = CausePageFactory(parent=hub), CausePageFactory(parent=hub)
    for cause, count in ((few, 2), (many, 20)):
        for n in range(count):
            condition = ConditionPageFactory(parent=hub)
            ConditionCause.objects.create(page=condition, target=cause, note=f"note {n}")
    assert count_queries(client, few.url) == count_queries(client, many.url)


def test_hub_runs_the_same_queries_for_3_and_30_pages(hub, client):
    for _n in range(3):
        ConditionPageFactory(parent=hub)
    small = count_queries(client, hub.url)
    for _n in range(27):
        TreatmentPageFactory(parent=hub)
    assert count_queries(client, hub.url) == small


def _stream(*children):
    from back_health.blocks import BackHealthStreamBlock

    block = BackHealthStreamBlock()
    return block.to_python(
        [{"type": t, "value": v, "id": f"id-{n}"} for n, (t, v) in enumerate(children)]
    )


EXERCISES = {
    "heading": "Exercises for back pain",
    "intro": "",
    "exercises": [{"name": "Pelvic tilt", "steps": ["Lie on your back."], "dose": {}}],
    "stop_if": [],
}


def test_an_exercise_list_after_content_opens_a_section_of_its_own():
    from back_health.templatetags.back_health_tags import bh_contents, bh_outline

    stream = _stream(
        ("heading", {"text": "Treatment", "level": "h2"}),
        ("paragraph", "<p>Most back pain eases with time.</p>"),
        ("exercise_list", EXERCISES),
    )

    assert [level for _, level in bh_outline(stream)] == [2, 3, 2]
    assert [text for _, text in bh_contents(stream)] == ["Treatment", "Exercises for back pain"]


def test_an_exercise_list_straight_after_a_heading_belongs_to_it():
    from back_health.templatetags.back_health_tags import bh_contents, bh_outline

    stream = _stream(
        ("heading", {"text": "Exercises", "level": "h2"}),
        ("exercise_list", EXERCISES),
        ("warning", {"severity": "caution", "heading": "", "text": "<p>Go gently.</p>"}),
    )

    assert [level for _, level in bh_outline(stream)] == [2, 3, 3]
    assert [text for _, text in bh_contents(stream)] == ["Exercises"]
