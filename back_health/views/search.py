"""Search over the site's back-health pages with Wagtail's search backend.

Mount it with ``path("search/", include("back_health.urls"))``; the hub then shows a
search box (``{% bh_search_form %}`` puts one anywhere else). Alternate names are indexed,
so "lumbago" finds "Lower back pain". Filters: ``kind`` (condition, cause, treatment) and
``region`` (a body region slug).
"""

from django.core.paginator import EmptyPage, Paginator
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Site

from ..conf import back_health_settings
from ..models import BodyRegion, CausePage, ConditionPage, TreatmentPage

KINDS = {
    "condition": (ConditionPage, _("Condition")),
    "cause": (CausePage, _("Cause")),
    "treatment": (TreatmentPage, _("Treatment")),
}
RESULTS_PER_PAGE = 20
MAX_QUERY_LENGTH = 200


def search_pages(query, kind=None, region=None, site=None):
    """Live, public back-health pages matching ``query``, best first."""
    models = [KINDS[kind][0]] if kind in KINDS else [model for model, _label in KINDS.values()]
    pages = Page.objects.live().public().type(*models)
    if site is not None:
        pages = pages.descendant_of(site.root_page, inclusive=True)
    if region is not None:
        # Body regions are a many-to-many the search index cannot filter on; filter ids.
        ids = set()
        for model in models:
            ids.update(model.objects.filter(body_regions=region).values_list("pk", flat=True))
        pages = pages.filter(pk__in=sorted(ids))
    return pages.search(query)


def search(request):
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    kind = request.GET.get("kind", "")
    kind = kind if kind in KINDS else ""
    regions = list(BodyRegion.objects.all())
    region = next((r for r in regions if r.slug == request.GET.get("region")), None)
    results = None
    page_obj = None
    if query:
        site = Site.find_for_request(request)
        found = search_pages(query, kind=kind or None, region=region, site=site)
        paginator = Paginator(found, RESULTS_PER_PAGE)
        try:
            page_obj = paginator.page(request.GET.get("page") or 1)
        except (EmptyPage, ValueError):
            page_obj = paginator.page(1) if paginator.count else None
        if page_obj is not None:
            specific = {
                page.pk: page
                for page in Page.objects.filter(pk__in=[p.pk for p in page_obj.object_list])
                .specific()
                .defer_streamfields()
            }
            labels = {model: label for model, label in KINDS.values()}
            results = []
            for page in page_obj.object_list:
                page = specific.get(page.pk, page)
                label = next((v for m, v in labels.items() if isinstance(page, m)), "")
                results.append({"page": page, "kind": label})
        else:
            results = []
    context = {
        "base_template": back_health_settings.BASE_TEMPLATE,
        "query": query,
        "kind": kind,
        "region": region,
        "kinds": [(key, label) for key, (_model, label) in KINDS.items()],
        "regions": regions,
        "results": results,
        "page_obj": page_obj,
    }
    return render(request, "back_health/search.html", context)
