"""What a public site gets: structured data, sharing tags, breadcrumbs, search, sitemap, API."""

import datetime
import json
import re
from xml.etree import ElementTree

import pytest

from back_health.models import ConditionCause, ConditionTreatment, RelatedCondition
from tests.factories import (
    BodyRegionFactory,
    CausePageFactory,
    ConditionPageFactory,
    ReviewerFactory,
    TreatmentPageFactory,
)
from tests.test_templates import assert_sound_outline, rich_body

pytestmark = pytest.mark.django_db

JSONLD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def jsonld(html):
    scripts = JSONLD.findall(html)
    assert len(scripts) == 1, f"expected one JSON-LD script, found {len(scripts)}"
    data = json.loads(scripts[0])
    assert data["@context"] == "https://schema.org"
    return {node["@id"]: node for node in data["@graph"]}


def of_type(nodes, type_name):
    found = [
        node
        for node in nodes.values()
        if type_name == node["@type"]
        or type_name in (node["@type"] if isinstance(node["@type"], list) else [])
    ]
    assert len(found) == 1, (
        f"expected one {type_name}, found {[n['@type'] for n in nodes.values()]}"
    )
    return found[0]


@pytest.fixture
def site_pages(hub):
    reviewer = ReviewerFactory(name="Dr Ada Lovelace", role="GP", registration="GMC 1234567")
    region = BodyRegionFactory(name="Lower back", slug="lower-back")
    condition = ConditionPageFactory(
        parent=hub,
        title="Lower back pain",
        slug="lower-back-pain",
        summary="Pain between the ribs and the top of the legs.",
        alternate_names="Lumbago\nLBP",
        body=rich_body(),
        last_reviewed=datetime.date(2026, 1, 15),
        reviewer=reviewer,
        sources=[
            ("source", {"title": "Low back pain guideline", "url": "https://example.org/g"}),
            ("source", {"title": "whiplash.md", "url": ""}),
            ("source", {"title": "A printed textbook of back care, 2nd edition", "url": ""}),
        ],
    )
    condition.body_regions.add(region)
    condition.save()  # a parental many-to-many is written when the page is saved
    cause = CausePageFactory(parent=hub, title="Poor posture", slug="poor-posture")
    medicine = TreatmentPageFactory(
        parent=hub,
        title="Ibuprofen",
        slug="ibuprofen",
        treatment_kind="medicine",
        generic_name="ibuprofen",
        brand_names="Nurofen\nBrufen",
        prescription_status="general_sale",
    )
    therapy = TreatmentPageFactory(
        parent=hub, title="Physiotherapy", slug="physio", treatment_kind="physical_therapy"
    )
    related = ConditionPageFactory(parent=hub, title="Sciatica", slug="sciatica")
    ConditionCause.objects.create(page=condition, target=cause, note="Long hours at a desk")
    ConditionTreatment.objects.create(page=condition, target=medicine, note="For a few days")
    ConditionTreatment.objects.create(page=condition, target=therapy, note="If it lasts")
    RelatedCondition.objects.create(page=condition, target=related, note="Often confused")
    return {
        "condition": condition,
        "cause": cause,
        "medicine": medicine,
        "therapy": therapy,
        "related": related,
        "region": region,
    }


# ---- Structured data ------------------------------------------------------------------------


def test_condition_page_describes_a_medical_condition_with_linked_ids(site_pages, client):
    condition = site_pages["condition"]
    nodes = jsonld(client.get(condition.url).content.decode())
    url = "http://localhost/back-health/lower-back-pain/"
    page = of_type(nodes, "MedicalWebPage")
    entity = of_type(nodes, "MedicalCondition")
    assert page["@id"] == url + "#webpage" and page["url"] == url
    assert page["about"] == {"@id": entity["@id"]} == page["mainEntity"]
    assert page["lastReviewed"] == "2026-01-15"
    reviewer = nodes[page["reviewedBy"]["@id"]]
    assert reviewer["@type"] == "Person" and reviewer["name"] == "Dr Ada Lovelace"
    assert entity["alternateName"] == ["Lumbago", "LBP"]
    assert entity["associatedAnatomy"] == [{"@type": "AnatomicalStructure", "name": "Lower back"}]
    base = "http://localhost/back-health/"
    assert entity["cause"] == [{"@id": base + "poor-posture/#cause"}]
    assert entity["possibleTreatment"] == [{"@id": base + "physio/#therapy"}]
    assert entity["drug"] == [{"@id": base + "ibuprofen/#drug"}]
    assert page["relatedLink"] == [base + "sciatica/"]
    assert [c["name"] for c in page["citation"]] == [
        "Low back pain guideline",
        "A printed textbook of back care, 2nd edition",
    ]
    crumbs = nodes[page["breadcrumb"]["@id"]]
    assert crumbs["@type"] == "BreadcrumbList"
    assert [item["item"] for item in crumbs["itemListElement"]] == [
        "http://localhost/",
        base,
        url,
    ]
    assert [item["position"] for item in crumbs["itemListElement"]] == [1, 2, 3]


def test_linked_pages_declare_the_ids_the_condition_points_at(site_pages, client):
    condition_id = "http://localhost/back-health/lower-back-pain/#condition"
    cause = of_type(jsonld(client.get(site_pages["cause"].url).content.decode()), "MedicalCause")
    assert cause["@id"] == "http://localhost/back-health/poor-posture/#cause"
    assert cause["causeOf"] == [{"@id": condition_id}]
    drug = of_type(jsonld(client.get(site_pages["medicine"].url).content.decode()), "Drug")
    assert drug["@id"] == "http://localhost/back-health/ibuprofen/#drug"
    assert drug["nonProprietaryName"] == "ibuprofen"
    assert drug["proprietaryName"] == ["Nurofen", "Brufen"]
    assert drug["prescriptionStatus"] == "https://schema.org/OTC"
    nodes = jsonld(client.get(site_pages["therapy"].url).content.decode())
    therapy = of_type(nodes, "PhysicalTherapy")
    assert therapy["@id"] == "http://localhost/back-health/physio/#therapy"
    assert of_type(nodes, "MedicalWebPage")["mentions"] == [{"@id": condition_id}]


def test_hub_is_a_collection_page_listing_its_pages(site_pages, hub, client):
    nodes = jsonld(client.get(hub.url).content.decode())
    page = of_type(nodes, "CollectionPage")
    items = nodes[page["mainEntity"]["@id"]]
    assert items["@type"] == "ItemList"
    assert [item["name"] for item in items["itemListElement"]][:2] == [
        "Ibuprofen",
        "Lower back pain",
    ]
    assert items["numberOfItems"] == 5


@pytest.mark.parametrize("field", ["title", "summary", "alternate_names"])
def test_script_breaking_text_cannot_leave_the_json_ld_element(hub, client, field):
    hostile = '</script><script>alert("x")</script> & "quoted" <!--'
    values = {"title": "Safe title", "summary": "Safe.", "alternate_names": "Safe"}
    values[field] = hostile
    page = ConditionPageFactory(parent=hub, slug="hostile", **values)
    html = client.get(page.url).content.decode()
    script = JSONLD.findall(html)[0]
    assert "</script" not in script and "<!--" not in script
    entity = of_type(jsonld(html), "MedicalCondition")
    text = {
        "title": entity["name"],
        "summary": entity.get("description"),
        "alternate_names": (entity.get("alternateName") or [""])[0],
    }[field]
    assert text == hostile
    assert '<script>alert("x")' not in html


def test_pages_have_canonical_and_sharing_tags(site_pages, client):
    condition = site_pages["condition"]
    condition.seo_title = "Lower back pain: causes and care"
    condition.save()
    html = client.get(condition.url).content.decode()
    url = "http://localhost/back-health/lower-back-pain/"
    assert f'<link rel="canonical" href="{url}">' in html
    assert f'<meta property="og:url" content="{url}">' in html
    assert '<meta property="og:title" content="Lower back pain: causes and care">' in html
    assert (
        '<meta property="og:description" content="Pain between the ribs and the top of the legs.">'
        in html
    )
    assert '<meta name="twitter:card" content="summary">' in html


def test_breadcrumbs_lead_back_to_the_hub(site_pages, client, hub):
    html = client.get(site_pages["cause"].url).content.decode()
    nav = html.split('<nav class="bh-breadcrumbs"', 1)[1].split("</nav>", 1)[0]
    assert re.findall(r'href="([^"]+)"', nav) == [
        "http://localhost/",
        "http://localhost/back-health/",
    ]
    assert '<span aria-current="page">Poor posture</span>' in nav
    assert_sound_outline(html)


# ---- Sources --------------------------------------------------------------------------------


def test_only_real_citations_are_shown_as_sources(site_pages, client):
    html = client.get(site_pages["condition"].url).content.decode()
    sources = html.split('class="bh-sources"', 1)[1].split("</section>", 1)[0]
    assert '<a class="bh-source" href="https://example.org/g">' in sources
    assert "A printed textbook of back care" in sources
    assert "whiplash.md" not in html


def test_a_page_whose_only_source_is_a_file_name_has_no_sources_section(hub, client):
    page = ConditionPageFactory(
        parent=hub, sources=[("source", {"title": "notes/back-pain.txt", "url": ""})]
    )
    assert "bh-sources" not in client.get(page.url).content.decode()


def test_a_source_with_a_non_web_address_is_not_linked(hub, client):
    page = ConditionPageFactory(
        parent=hub,
        sources=[("source", {"title": "Clinic leaflet on back care", "url": "ftp://x.org/a"})],
    )
    html = client.get(page.url).content.decode()
    assert '<cite class="bh-source">Clinic leaflet on back care</cite>' in html
    assert "ftp://" not in html


# ---- Search ---------------------------------------------------------------------------------


def search(client, **params):
    response = client.get("/search/", params)
    assert response.status_code == 200
    return response.content.decode()


def result_titles(html):
    return re.findall(r'<li class="bh-search__result"><a href="[^"]+">([^<]+)</a>', html)


def test_searching_an_alternate_name_finds_the_page(site_pages, client):
    assert result_titles(search(client, q="lumbago")) == ["Lower back pain"]


def test_search_filters_by_kind_and_body_region(site_pages, client):
    TreatmentPageFactory(parent=site_pages["condition"].get_parent(), title="Back exercises")
    assert set(result_titles(search(client, q="back"))) >= {"Lower back pain", "Back exercises"}
    treatments = set(result_titles(search(client, q="back", kind="treatment")))
    assert "Back exercises" in treatments and not treatments & {"Lower back pain", "Sciatica"}
    assert result_titles(search(client, q="back", region="lower-back")) == ["Lower back pain"]


def test_search_leaves_out_drafts_and_says_when_nothing_matches(hub, client):
    ConditionPageFactory(parent=hub, title="Hidden draft", live=False)
    html = search(client, q="hidden")
    assert result_titles(html) == []
    assert "No pages match" in html


def test_hub_has_a_search_box_pointing_at_the_search_view(hub, client):
    html = client.get(hub.url).content.decode()
    assert '<form class="bh-search" role="search" action="/search/"' in html


def test_search_without_a_query_shows_the_form_only(client, db):
    html = search(client)
    assert 'name="q"' in html and "bh-search__count" not in html


# ---- Sitemap --------------------------------------------------------------------------------


def test_sitemap_lists_live_pages_with_the_review_date(site_pages, hub, client):
    draft = ConditionPageFactory(parent=hub, title="Draft", slug="draft", live=False)
    for page in (hub, site_pages["condition"], site_pages["cause"]):
        page.save_revision().publish()  # published pages carry a datetime lastmod
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    root = ElementTree.fromstring(response.content)
    entries = {
        url.find("s:loc", ns).text: url.findtext("s:lastmod", namespaces=ns)
        for url in root.findall("s:url", ns)
    }
    base = "http://localhost/back-health/"
    assert entries[base + "lower-back-pain/"] == "2026-01-15"
    assert base + "poor-posture/" in entries and base in entries
    assert base + draft.slug + "/" not in entries


# ---- API ------------------------------------------------------------------------------------


def test_api_lists_condition_pages_with_their_fields(site_pages, client):
    response = client.get("/api/v2/pages/", {"type": "back_health.ConditionPage", "fields": "*"})
    assert response.status_code == 200
    items = {item["title"]: item for item in response.json()["items"]}
    page = items["Lower back pain"]
    assert page["summary"].startswith("Pain between")
    assert page["alternate_names_list"] == ["Lumbago", "LBP"]
    assert page["last_reviewed"] == "2026-01-15"
    assert page["reviewer"]["name"] == "Dr Ada Lovelace"
    assert page["body_regions"] == [{"name": "Lower back", "slug": "lower-back"}]
    assert [block["type"] for block in page["body"]][:2] == ["warning", "heading"]
    cause = page["cause_links"][0]
    assert cause["target_title"] == "Poor posture" and cause["note"] == "Long hours at a desk"
    assert cause["target"]["id"] == site_pages["cause"].pk
    assert {link["target_title"] for link in page["treatment_links"]} == {
        "Ibuprofen",
        "Physiotherapy",
    }
    assert page["related_links"][0]["note"] == "Often confused"


def test_api_gives_a_treatment_its_medicine_data(site_pages, client):
    response = client.get(f"/api/v2/pages/{site_pages['medicine'].pk}/")
    assert response.status_code == 200
    data = response.json()
    assert data["meta"]["type"] == "back_health.TreatmentPage"
    assert data["generic_name"] == "ibuprofen"
    assert data["brand_names_list"] == ["Nurofen", "Brufen"]
    assert data["prescription_status"] == "general_sale"
    assert data["treatment_kind"] == "medicine"


# ---- Cached fragments -----------------------------------------------------------------------


def test_renaming_a_linked_page_shows_on_the_condition_at_once(site_pages, client):
    condition = site_pages["condition"]
    assert "Poor posture" in client.get(condition.url).content.decode()
    cause = site_pages["cause"]
    cause.title = "Slouching"
    cause.save_revision().publish()
    html = client.get(condition.url).content.decode()
    assert "Slouching" in html and "Poor posture" not in html


def test_editing_the_reviewer_shows_on_the_page_at_once(site_pages, client):
    condition = site_pages["condition"]
    client.get(condition.url)
    reviewer = condition.reviewer
    reviewer.name = "Dr Grace Hopper"
    reviewer.save()
    html = client.get(condition.url).content.decode()
    assert "Dr Grace Hopper" in html and "Dr Ada Lovelace" not in html


def test_a_preview_never_shows_cached_relations(site_pages, client):
    condition = site_pages["condition"]
    client.get(condition.url)  # fills the cached fragments of the live page
    condition.cause_links.all().delete()
    condition.refresh_from_db()
    # A preview gets a fragment key of its own, never the live page's fragments.
    response = condition.make_preview_request()
    html = response.render().content.decode() if hasattr(response, "render") else ""
    html = html or response.content.decode()
    assert "Lower back pain" in html
    assert "Long hours at a desk" not in html


def test_a_warm_page_runs_at_most_two_queries_more_than_a_bare_page(site_pages, client, hub):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from wagtail.models import Page

    from tests.testapp.models import BarePage

    section = hub.get_parent().add_child(instance=Page(title="Section", slug="section"))
    bare = section.add_child(instance=BarePage(title="Bare", slug="bare", body=rich_body()))

    def queries(url):
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    bare_queries = queries(bare.url)
    for name in ("condition", "cause", "medicine"):
        assert queries(site_pages[name].url) <= bare_queries + 2, name
