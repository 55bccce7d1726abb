"""schema.org JSON-LD for back-health pages, built from Python dicts.

Each page emits one ``<script type="application/ld+json">`` holding an ``@graph``: the
web page (``MedicalWebPage``, or ``CollectionPage`` for the hub), the thing it is about
(``MedicalCondition``, ``MedicalCause``, ``MedicalTherapy`` or ``Drug``), the reviewer and
the breadcrumb trail. ``@id``s are the page's full URL plus a fragment naming the entity,
so a condition's ``possibleTreatment`` points at the ``@id`` the treatment page declares.
"""

import json

from django.utils.safestring import mark_safe

SCHEMA_CONTEXT = "https://schema.org"

#: Fragment of each page kind's main entity ``@id``.
ENTITY_FRAGMENTS = {
    "condition": "condition",
    "cause": "cause",
    "therapy": "therapy",
    "drug": "drug",
}

#: Therapy kinds that have a more precise schema.org type than MedicalTherapy.
THERAPY_TYPES = {
    "physical_therapy": "PhysicalTherapy",
    "manual_therapy": "PhysicalTherapy",
    "psychological": "PsychologicalTreatment",
    "surgery": "TherapeuticProcedure",
    "procedure": "TherapeuticProcedure",
    "injection": "TherapeuticProcedure",
    "self_care": "LifestyleModification",
}

PRESCRIPTION_STATUS = {
    "prescription": "https://schema.org/PrescriptionOnly",
    "pharmacy": "https://schema.org/OTC",
    "general_sale": "https://schema.org/OTC",
}

# Characters that would let JSON end the <script> element or open a comment in it.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def to_script(data):
    """``data`` as the body of a ``<script>`` element: JSON that cannot close the element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    return mark_safe(text.translate(_SCRIPT_ESCAPES))  # noqa: S308 - escaped above


def entity_id(url, fragment):
    return f"{url}#{fragment}"


def compact(data):
    """Drop empty values, so the output carries only what the page says."""
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


def reviewer_node(reviewer, site_url):
    if reviewer is None:
        return None
    return compact(
        {
            "@type": "Person",
            "@id": entity_id(site_url, f"reviewer-{reviewer.pk}"),
            "name": reviewer.name,
            "jobTitle": reviewer.role,
            "identifier": reviewer.registration,
        }
    )


def citation_nodes(citations):
    return [
        compact({"@type": "CreativeWork", "name": value.get("title"), "url": value.link})
        for value in citations
    ]


def breadcrumb_node(crumbs, url):
    """``crumbs`` are ``(title, full_url)`` pairs from the home page down to this page."""
    return {
        "@type": "BreadcrumbList",
        "@id": entity_id(url, "breadcrumb"),
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": title, "item": item_url}
            for position, (title, item_url) in enumerate(crumbs, start=1)
        ],
    }


def graph(*nodes):
    return {"@context": SCHEMA_CONTEXT, "@graph": [node for node in nodes if node]}
