"""A newsletter's other stories, named in its "In this issue" contents, are no part of
the page about its back-health story; a story that gives health advice stays, and a
leaflet's own contents change nothing."""

from back_health.importer.pipeline import analyse

RULE = "-" * 40


def newsletter(*stories: tuple[str, str], label: str = "IN THIS ISSUE") -> str:
    contents = "\n".join(f" * {heading.title()}" for heading, _ in stories)
    body = "\n\n".join(f"{RULE}\n{heading}\n{RULE}\n{text}" for heading, text in stories)
    return f"ELM TREE PRACTICE NEWSLETTER\n\n{label}\n{contents}\n\n{body}\n"


BACK_STORY = (
    "BACK PAIN AT WORK",
    "Back pain at work is common. Keeping active helps you recover faster, and"
    " physiotherapy can help if it lasts.",
)
FLU_STORY = (
    "FLU CLINICS",
    "Our Saturday flu clinics run in October. Everyone eligible will get a text with a"
    " booking link.",
)
STAFF_STORY = ("STAFF NEWS", "Dr Hughes retires in December after 28 years with us.")


def page_text(plan) -> str:
    return " ".join(str(block.value) for block in plan.pages[0].blocks)


def test_stories_about_nothing_the_back_needs_are_dropped_and_said_why():
    plan = analyse(newsletter(FLU_STORY, BACK_STORY, STAFF_STORY).encode(), "news.txt")

    text = page_text(plan)
    assert plan.pages[0].title == "Back pain at work"
    assert "Keeping active" in text
    assert "flu clinics" not in text
    assert "retires" not in text
    assert any(
        d.reason == "another item of the newsletter" and "flu clinics" in d.text.lower()
        for d in plan.dropped
    )
    assert "IN THIS ISSUE" not in plan.title


def test_a_story_giving_medicine_advice_stays():
    medicines = (
        "MEDICINES CORNER",
        "Do not stop taking pregabalin suddenly: your GP will lower the dose slowly.",
    )
    plan = analyse(newsletter(medicines, BACK_STORY, STAFF_STORY).encode(), "news.txt")

    assert "pregabalin" in " ".join(str(b.value) for p in plan.pages for b in p.blocks)


def test_a_leaflet_s_own_contents_drop_no_section():
    plan = analyse(
        newsletter(FLU_STORY, BACK_STORY, STAFF_STORY, label="WHAT IS IN THIS LEAFLET").encode(),
        "leaflet.txt",
    )

    assert not any(d.reason == "another item of the newsletter" for d in plan.dropped)
