"""Generated articles for concurrency tests and benchmarks: varied condition names
that share causes and treatments, written in our own words."""

from __future__ import annotations

import random

ADJECTIVES = [
    "Acute", "Chronic", "Recurrent", "Mechanical", "Postural", "Degenerative",
    "Positional", "Exertional", "Nocturnal", "Morning", "Seasonal", "Occupational",
]  # fmt: skip
PARTS = [
    "lumbar", "thoracic", "sacroiliac", "cervical", "coccyx", "hip", "facet",
    "paraspinal", "gluteal", "shoulder blade", "rib", "flank",
]  # fmt: skip
NOUNS = ["strain", "syndrome", "stiffness", "spasm", "ache", "tension", "sprain", "pain"]
CAUSES = [
    "Muscle strain", "Poor posture", "Heavy lifting", "Sitting for long periods",
    "Obesity", "Smoking", "Pregnancy", "Osteoporosis", "Stress", "Lack of exercise",
    "A sudden twist", "Carrying a heavy bag", "Sleeping on a soft mattress",
    "Flat feet", "Driving for long periods", "Wearing high heels",
]  # fmt: skip
TREATMENTS = [
    "Physiotherapy", "Ibuprofen", "Paracetamol", "Massage", "Naproxen",
    "Acupuncture", "Chiropractic care", "Heat therapy", "Hydrotherapy", "Yoga",
    "Pilates", "Osteopathy", "Codeine", "Diclofenac",
]  # fmt: skip


def condition_name(number: int) -> str:
    """A distinct condition name for each number below 1,152."""
    adjective = ADJECTIVES[number % len(ADJECTIVES)]
    part = PARTS[(number // len(ADJECTIVES)) % len(PARTS)]
    noun = NOUNS[(number // (len(ADJECTIVES) * len(PARTS))) % len(NOUNS)]
    return f"{adjective} {part} {noun}"


def synthetic_article(
    number: int, *, causes=None, treatments=None, seed: int = 0, described: bool = False
) -> bytes:
    """A Markdown article about one condition with three causes and three treatments,
    drawn from small shared pools so articles share entity pages.

    The treatments are bare list items (suggested pages, not written unless an editor
    includes them) unless ``described``, when each also gets a section of its own and
    so a page.
    """
    rng = random.Random(seed * 100_003 + number)
    name = condition_name(number)
    causes = causes or rng.sample(CAUSES, 3)
    treatments = treatments or rng.sample(TREATMENTS, 3)
    lines = [
        f"# {name}",
        "",
        f"{name} is discomfort in the back that comes and goes. It usually gets better "
        "within a few weeks with simple care.",
        "",
        "## Causes",
        "",
        f"Common causes of {name.lower()} include:",
        "",
        *[f"- {cause}, which puts extra load on the back." for cause in causes],
        "",
        "## Treatment",
        "",
        *[f"- **{treatment}** can ease the pain." for treatment in treatments],
        "",
        *[
            line
            for treatment in (treatments if described else [])
            for line in (
                f"## {treatment}",
                "",
                f"{treatment} is one of the treatments that can help. Ask about it at your "
                "next appointment.",
                "",
            )
        ],
        "## When to get urgent help",
        "",
        "Call 999 if you lose control of your bladder or bowels.",
        "",
    ]
    return "\n".join(lines).encode("utf-8")
