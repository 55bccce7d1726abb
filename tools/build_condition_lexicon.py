"""Build ``back_health/importer/data/lexicon_conditions.json`` from ICD-10-CM.

The vocabulary of back, neck, spine, pelvis, nerve-root and related musculoskeletal
conditions is drawn from ICD-10-CM (public domain; chapter XIII's dorsopathies
M40-M54 and the related M, G, Q and S codes listed in ``SPEC`` below). Each entry gets a
clinician-style name (the classification's wording without its coding qualifiers:
"Sacroiliitis", not "Sacroiliitis, not elsewhere classified"), the cleaned names of its
inclusion terms and sub-codes, and the lay names patients use (``LAY``, written here).

Not shipped and not a run-time dependency. Run it in a throwaway environment::

    python -m venv /tmp/icd && /tmp/icd/bin/pip install simple-icd-10-cm
    /tmp/icd/bin/python tools/build_condition_lexicon.py
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import simple_icd_10_cm as cm

OUT = Path(__file__).resolve().parent.parent / "back_health/importer/data/lexicon_conditions.json"

#: (code, name or "" for the classification's own, walk sub-codes?, lay names).
SPEC: list[tuple[str, str, bool, list[str]]] = [
    # Deforming dorsopathies (M40-M43)
    ("M40", "Kyphosis", False, ["hunchback", "round back", "rounded upper back", "dowager's hump"]),
    ("M40.0", "Postural kyphosis", False, []),
    ("M40.3", "", False, ["flat back syndrome", "flat back"]),
    ("M40.4", "Lordosis", True, ["swayback", "sway back", "hollow back", "hyperlordosis"]),
    ("M41", "", True, ["curvature of the spine", "curved spine", "sideways curve of the spine"]),
    ("M42", "", True, ["osteochondrosis of the spine"]),
    ("M43.0", "", False, ["pars defect", "pars fracture", "pars interarticularis defect"]),
    ("M43.1", "", False, ["slipped vertebra", "vertebral slip", "forward slip of a vertebra"]),
    ("M43.6", "", False, ["wry neck", "wryneck", "twisted neck", "cervical dystonia"]),
    ("M43.9", "Spinal deformity", False, []),
    # Spondylopathies (M45-M49)
    (
        "M45",
        "",
        False,
        [
            "Bechterew's disease",
            "Bekhterev's disease",
            "Marie-Strumpell disease",
            "axial spondyloarthritis",
            "spondyloarthritis",
        ],
    ),
    ("M45.A", "", False, ["nr-axSpA"]),
    ("M46.0", "", False, []),
    ("M46.1", "", False, ["inflammation of the sacroiliac joint", "SI joint inflammation"]),
    (
        "M46.2",
        "Vertebral osteomyelitis",
        False,
        ["spinal osteomyelitis", "spinal infection", "infection of the spine"],
    ),
    ("M46.3", "", False, []),
    ("M46.4", "Discitis", False, ["disc infection", "diskitis"]),
    (
        "M47",
        "",
        True,
        [
            "spinal arthritis",
            "arthritis of the spine",
            "spinal osteoarthritis",
            "facet joint arthritis",
            "facet arthropathy",
            "facet joint syndrome",
            "cervical spondylosis",
            "lumbar spondylosis",
            "wear and tear of the spine",
        ],
    ),
    (
        "M48.0",
        "",
        True,
        [
            "narrowing of the spinal canal",
            "lumbar spinal stenosis",
            "cervical spinal stenosis",
            "foraminal stenosis",
            "neurogenic claudication",
        ],
    ),
    ("M48.1", "Diffuse idiopathic skeletal hyperostosis", False, ["Forestier's disease"]),
    ("M48.2", "", False, ["Baastrup's disease", "Baastrup syndrome"]),
    ("M48.4", "", False, []),
    (
        "M48.5",
        "Vertebral compression fracture",
        False,
        [
            "crush fracture of the spine",
            "spinal compression fracture",
            "vertebral fracture",
            "broken vertebra",
        ],
    ),
    ("M48.8", "Ossification of the posterior longitudinal ligament", False, ["OPLL"]),
    # Intervertebral disc disorders (M50-M51)
    (
        "M50",
        "",
        False,
        ["cervical disc herniation", "cervical disc prolapse", "herniated cervical disc"],
    ),
    (
        "M51.2",
        "Intervertebral disc displacement",
        False,
        [
            "slipped disc",
            "slipped disk",
            "prolapsed disc",
            "herniated disc",
            "herniated disk",
            "disc herniation",
            "disc prolapse",
            "ruptured disc",
            "bulging disc",
            "disc bulge",
            "disc protrusion",
            "lumbar disc herniation",
            "herniated nucleus pulposus",
            "intervertebral disc herniation",
            "spinal disc herniation",
        ],
    ),
    (
        "M51.3",
        "Intervertebral disc degeneration",
        False,
        [
            "degenerative disc disease",
            "disc degeneration",
            "degenerated disc",
            "worn disc",
            "black disc",
        ],
    ),
    ("M51.4", "", False, ["Schmorl's node"]),
    ("M51.A", "Annular tear", False, ["annular fissure", "torn annulus", "annulus fibrosus tear"]),
    # Other dorsopathies (M53-M54)
    ("M53.0", "", False, []),
    ("M53.1", "", False, []),
    ("M53.2", "Spinal instability", False, ["segmental instability"]),
    (
        "M53.3",
        "Coccydynia",
        False,
        ["tailbone pain", "coccyx pain", "coccygeal pain", "sore tailbone"],
    ),
    ("M54", "Back pain", False, ["backache", "back ache", "dorsalgia", "spinal pain"]),
    (
        "M54.1",
        "",
        False,
        [
            "pinched nerve",
            "trapped nerve",
            "nerve root compression",
            "compressed nerve root",
            "radicular pain",
            "cervical radiculopathy",
            "lumbar radiculopathy",
            "lumbosacral radiculopathy",
        ],
    ),
    ("M54.2", "Neck pain", False, ["cervicalgia", "sore neck", "stiff neck", "crick in the neck"]),
    ("M54.3", "", False, ["sciatic nerve pain", "sciatic pain"]),
    ("M54.4", "", False, []),
    (
        "M54.5",
        "",
        False,
        [
            "lower back pain",
            "lumbago",
            "lumbar pain",
            "lumbalgia",
            "low backache",
            "nonspecific low back pain",
            "mechanical back pain",
        ],
    ),
    (
        "M54.6",
        "Thoracic back pain",
        False,
        [
            "upper back pain",
            "middle back pain",
            "mid back pain",
            "thoracic spine pain",
            "thoracalgia",
        ],
    ),
    # Soft tissue (M60-M79)
    ("M60", "", False, []),
    ("M62.0", "Diastasis recti", False, ["abdominal separation", "rectus diastasis"]),
    ("M62.83", "", False, ["back spasm", "back muscle spasm", "muscle cramp", "muscle cramps"]),
    ("M79.1", "", False, ["muscle pain", "muscle ache", "myofascial pain"]),
    ("M79.7", "", False, []),
    ("M35.3", "", False, []),
    ("M76.0", "", False, ["gluteal tendinopathy", "greater trochanteric pain syndrome"]),
    ("M70.7", "Ischial bursitis", False, ["weaver's bottom"]),
    # Osteoporosis (M80-M81)
    (
        "M80",
        "Osteoporotic fracture",
        False,
        [
            "fragility fracture",
            "osteoporotic vertebral fracture",
            "osteoporotic compression fracture",
        ],
    ),
    (
        "M81",
        "Osteoporosis",
        False,
        ["brittle bones", "thinning of the bones", "postmenopausal osteoporosis"],
    ),
    ("M84.3", "", False, ["fatigue fracture"]),
    # Nerve roots, plexuses, spinal cord (G)
    ("G54.0", "", False, []),
    ("G54.1", "", False, []),
    ("G54.4", "Lumbosacral nerve root disorder", False, []),
    ("G57.0", "Sciatic nerve lesion", False, ["piriformis syndrome", "deep gluteal syndrome"]),
    ("G58.0", "", False, ["intercostal neuralgia"]),
    ("G83.4", "", False, ["CES"]),
    ("G95.0", "Syringomyelia", False, ["syrinx"]),
    ("G95.1", "", False, []),
    (
        "G95.2",
        "Spinal cord compression",
        False,
        ["compressed spinal cord", "cord compression", "metastatic spinal cord compression"],
    ),
    ("G06.1", "Spinal abscess", False, ["spinal epidural abscess", "epidural abscess"]),
    ("G89.4", "", False, ["chronic pain"]),
    # Congenital (Q)
    ("Q05", "", False, []),
    ("Q76.0", "", False, []),
    ("Q76.1", "", False, []),
    ("Q76.2", "", False, []),
    ("Q76.5", "", False, []),
    ("Q07.0", "Chiari malformation", False, ["Arnold-Chiari malformation"]),
    # Injuries (S)
    (
        "S13.4",
        "Whiplash",
        False,
        ["whiplash injury", "whiplash-associated disorder", "neck sprain"],
    ),
    ("S16.1", "Neck strain", False, ["strained neck", "pulled neck muscle"]),
    ("S33.5", "Lumbar sprain", False, ["back sprain", "sprained back"]),
    ("S33.6", "", False, []),
    (
        "S39.012",
        "Back strain",
        False,
        [
            "lower back strain",
            "lumbar strain",
            "pulled back muscle",
            "strained back",
            "back muscle strain",
        ],
    ),
    ("S12", "Cervical spine fracture", False, ["broken neck", "neck fracture"]),
    ("S22.0", "", False, ["thoracic spine fracture"]),
    ("S32.0", "", False, ["lumbar spine fracture", "broken back"]),
    ("S32.1", "", False, ["sacral fracture"]),
    ("S32.2", "", False, ["broken tailbone", "coccyx fracture"]),
    ("S32.8", "Pelvic fracture", False, ["broken pelvis", "fractured pelvis"]),
    ("S14.1", "Spinal cord injury", False, ["spinal injury"]),
    # Pelvis and sacroiliac joint (ICD indexes these under M53.3/M53.8/O26.7)
    (
        "M53.88",
        "Sacroiliac joint dysfunction",
        False,
        [
            "SI joint dysfunction",
            "sacroiliac joint pain",
            "SI joint pain",
            "sacroiliac dysfunction",
        ],
    ),
    (
        "O26.7",
        "Pelvic girdle pain",
        False,
        ["symphysis pubis dysfunction", "SPD", "pregnancy-related pelvic girdle pain"],
    ),
]

_SITES = r"(?:multiple sites in spine|site unspecified|other site|unspecified sites? in spine)"
_QUALIFIERS = [
    r",? (?:of )?" + _SITES,
    r",? not elsewhere classified",
    r"\bNOS\b",
    r"\bNEC\b",
    r",? unspecified(?: side| site| sites)?",
    r"^Unspecified ",
    r",? (?:of )?(?:occipito-atlanto-axial|cervicothoracic|cervical|thoracic|thoracolumbar|"
    r"lumbosacral|lumbar|sacral and sacrococcygeal|sacral|sacrococcygeal) region",
    r"\s*\((?:pyogenic|nontraumatic|sheath|joints?)\)",
    r" without (?:current pathological fracture|hydrocephalus|myelopathy or radiculopathy)",
    r"^Other and unspecified ",
    r"^Other (?:specified )?",
    r"^forms of ",
]
_INSTRUCTION = re.compile(r"^(?:For |Use |Code |Excludes)")


def clean(text: str) -> str:
    for pattern in _QUALIFIERS:
        text = re.sub(pattern, "", text).strip(" ,")
    text = re.sub(r"\s*\[[^\]]*\]", "", text)  # "[DISH]" is kept as its own name below
    text = re.sub(r"\s+", " ", text).strip(" ,")
    return text[:1].upper() + text[1:] if text else ""


def bracketed(text: str) -> list[str]:
    """ "[DISH]" is another name; "[Forestier]" (an eponym alone) and notes are not."""
    found = re.findall(r"\[([^\]]+)\]", text)
    return [m for m in found if m.isupper() or (" " in m.strip() and "any part" not in m)]


def usable(name: str) -> bool:
    lowered = name.lower()
    return (
        bool(name)
        and len(name.split()) <= 6
        and not _INSTRUCTION.match(name)
        and not lowered.startswith(("other ", "unspecified "))
        and " with " not in lowered  # combined codes ("... with radiculopathy") are not names
        and not re.search(r"(?:^|\s)(?:and|or)\s", lowered)  # "Kyphosis and lordosis"
        and not re.search(r"[(),]", name)
        and not re.search(r"\b(?:disorders|dorsopathies|spondylopathies|in|of|at)$", lowered)
        and " in diseases " not in lowered
    )


def entry(code: str, name: str, walk: bool, lay: list[str]) -> dict:
    description = cm.get_description(code)
    title = name or clean(description)
    names = [description, *cm.get_inclusion_term(code)]
    if walk:
        names += [cm.get_description(c) for c in cm.get_descendants(code)]
    synonyms: list[str] = []
    for raw in names:
        for candidate in (clean(raw), *bracketed(raw)):
            if usable(candidate):
                synonyms.append(candidate)
    synonyms += lay
    seen = {title.lower()}
    unique = []
    for synonym in synonyms:
        if synonym.lower() not in seen:
            seen.add(synonym.lower())
            unique.append(synonym)
    return {"name": title, "code": code, "synonyms": unique}


def main() -> int:
    entries = []
    for code, name, walk, lay in SPEC:
        if not cm.is_valid_item(code):
            print(f"unknown code {code}", file=sys.stderr)
            return 1
        entries.append(entry(code, name, walk, lay))
    data = {
        "_comment": (
            "Names of back, neck, spine, pelvis, nerve-root and related musculoskeletal "
            "conditions, with their other names. Source: ICD-10-CM (public domain), "
            "chapter XIII dorsopathies M40-M54 and related M, G, Q, O and S codes, names "
            "cleaned of coding qualifiers; lay names added by hand. Generated by "
            "tools/build_condition_lexicon.py: edit that script, not this file. A name "
            "here makes a name the importer reads a condition; 'synonyms' are not merged "
            "into one page (the text's own synonyms decide that)."
        ),
        "source": "ICD-10-CM " + getattr(cm, "__version__", ""),
        "conditions": entries,
    }
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(entries)} conditions, {sum(len(e['synonyms']) + 1 for e in entries)} names")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
