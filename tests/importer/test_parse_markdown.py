"""Markdown is rendered to HTML and parsed like HTML, so raw HTML is sanitised the same way."""

import pytest

from back_health.importer.document import Paragraph, Table
from back_health.importer.errors import ImportSourceError
from back_health.importer.parse import parse_document
from back_health.importer.parse_markdown import parse_markdown


def headings(doc):
    return [(section.heading, section.level) for section in doc.sections]


def blocks(doc, heading):
    return next(section.blocks for section in doc.sections if section.heading == heading)


def test_atx_headings_give_the_title_and_sections():
    doc = parse_markdown(
        "# Neck pain\n\nIt is common.\n\n## Causes\n\nPosture.\n\n### Sleep\n\nPillows."
    )
    assert doc.title == "Neck pain"
    assert doc.format == "markdown"
    assert headings(doc) == [("Neck pain", 1), ("Causes", 2), ("Sleep", 3)]


def test_setext_headings_are_headings():
    doc = parse_markdown("Whiplash\n========\n\nA neck injury.\n\nSymptoms\n--------\n\nStiffness.")
    assert headings(doc) == [("Whiplash", 1), ("Symptoms", 2)]


def test_lists_links_and_emphasis_become_safe_inline_html():
    doc = parse_markdown(
        "# T\n\nTry these:\n\n- **Chin tuck**, hold 5 seconds\n- see [NHS](https://www.nhs.uk)\n"
    )
    lead, listing = blocks(doc, "T")
    assert listing.lead == "Try these:"
    assert [item.html for item in listing.items] == [
        "<strong>Chin tuck</strong>, hold 5 seconds",
        'see <a href="https://www.nhs.uk">NHS</a>',
    ]


def test_a_list_written_without_a_blank_line_before_it_is_still_a_list():
    doc = parse_markdown("# T\n\nCauses include:\n- posture\n- whiplash\n")
    lead, listing = blocks(doc, "T")
    assert lead == Paragraph("Causes include:")
    assert [item.text for item in listing.items] == ["posture", "whiplash"]


def test_numbered_lists_are_ordered():
    doc = parse_markdown("# T\n\n1. Chin tuck\n2. Side bend\n")
    (listing,) = blocks(doc, "T")
    assert listing.ordered and [item.text for item in listing.items] == ["Chin tuck", "Side bend"]


def test_raw_script_is_removed_with_its_content():
    doc = parse_markdown("# T\n\nBefore.\n\n<script>steal(document.cookie)</script>\n\nAfter.\n")
    assert blocks(doc, "T") == [Paragraph("Before."), Paragraph("After.")]


def test_raw_html_links_are_sanitised_like_html():
    doc = parse_markdown('# T\n\nSee <a href="javascript:x()" onclick="y()">this</a> page.\n')
    assert blocks(doc, "T") == [Paragraph("See this page.")]


def test_markdown_link_with_a_javascript_url_is_unwrapped():
    doc = parse_markdown("# T\n\n[Click](javascript:alert(1)) here.\n")
    assert blocks(doc, "T")[0].html == ""


@pytest.mark.parametrize("format", ["markdown", "md", "MD"])
def test_parse_document_dispatches_markdown_and_its_aliases(format):
    assert parse_document("# Title\n\nText.", format).title == "Title"


def test_parse_document_dispatches_text_and_html():
    assert parse_document("Title\n\nSome text here.", "text").format == "text"
    assert parse_document("<h1>Title</h1><p>Text</p>", "html").format == "html"


def test_parse_document_rejects_an_unknown_format():
    with pytest.raises(ImportSourceError, match="Unknown format 'rtf'"):
        parse_document("x", "rtf")


def test_front_matter_is_read_as_yaml_and_kept_on_the_document():
    doc = parse_markdown(
        '---\ntitle: "Sciatica: causes and care"\ntags: [back, nerve]\ndraft: false\n---\n\n'
        "Sciatica is nerve pain.\n"
    )
    assert doc.front_matter["title"] == "Sciatica: causes and care"
    assert doc.front_matter["tags"] == "back, nerve"
    assert doc.title == "Sciatica: causes and care"
    assert any(d.reason == "front matter" for d in doc.dropped)


def test_front_matter_that_is_not_yaml_is_read_as_plain_lines():
    doc = parse_markdown("---\ntitle: Neck pain: a guide\nauthor: [unclosed\n---\n\nText.\n")
    assert doc.front_matter["title"] == "Neck pain: a guide"


def test_a_markdown_table_is_rendered_as_a_table_not_pipes():
    doc = parse_markdown(
        "# T\n\nSome text.\n\n| Symptom | Possible cause |\n|---|---|\n| Stiff back | Posture |\n"
    )
    texts = [getattr(b, "text", "") for s in doc.sections for b in s.blocks]
    assert not any("|" in text for text in texts)
    tables = [b for s in doc.sections for b in s.blocks if isinstance(b, Table)]
    assert len(tables) == 1
    assert tables[0].head == [["Symptom", "Possible cause"]]
    assert tables[0].rows == [["Stiff back", "Posture"]]


def test_a_markdown_table_without_a_header_text_keeps_its_rows():
    doc = parse_markdown("# T\n\n| | |\n|---|---|\n| Ibuprofen | 400 mg |\n| Naproxen | 250 mg |\n")
    (table,) = [b for s in doc.sections for b in s.blocks if isinstance(b, Table)]
    assert table.head == []
    assert table.rows == [["Ibuprofen", "400 mg"], ["Naproxen", "250 mg"]]


def test_unclosed_brackets_are_text():
    doc = parse_markdown("# T\n\nRest " + "[" * 2000 + " well.\n")
    assert doc.sections[0].blocks[0].text.startswith("Rest [[[")


def texts(doc):
    return [
        getattr(block, "text", "") or " ".join(i.text for i in getattr(block, "items", []))
        for section in doc.sections
        for block in section.blocks
    ]


def test_wiki_links_are_their_labels_and_navigation_lines_embeds_and_block_ids_go():
    doc = parse_markdown(
        "# Modic changes\n\nUp: [[Back pain MOC]] · Related: [[Discitis]] · [[MRI|Scans]]\n\n"
        "They look like [[Discitis|an infection]] on [[MRI]]. ^stat1\n\n"
        "![[diagram.png]]\n\n**Backlinks (2):** [[Reading scans]] · [[Back pain]]\n"
    )
    assert texts(doc) == ["They look like an infection on MRI."]
    reasons = {(d.reason, d.text) for d in doc.dropped}
    assert ("chrome: embedded file", "diagram.png") in reasons
    assert ("chrome: block id", "^stat1") in reasons
    assert sum(1 for reason, _ in reasons if reason == "chrome: wiki links") == 2


def test_admonitions_and_tabs_are_quotes_headed_by_their_title_or_labelled_by_kind():
    doc = parse_markdown(
        '# Tethered cord\n\nIt is rare.\n\n!!! warning "Call 999"\n    Call 999 if the legs'
        ' go weak.\n\n!!! danger\n    Do not lift heavy things.\n\n=== "In children"\n\n'
        '    - A dimple low on the back\n\n--8<-- "snippets/contact.md"\n\n'
        "*[MRI]: Magnetic resonance imaging\n\n[:material-pencil: Edit](x.md){ .md-button }\n"
    )
    text = " | ".join(texts(doc))
    assert "Call 999 if the legs go weak." in text
    assert "Danger: Do not lift heavy things." in text
    assert "A dimple low on the back" in text
    assert "8<" not in text and "*[MRI]" not in text and "md-button" not in text
    assert ":material" not in text


def test_a_callout_marker_becomes_its_label_or_title():
    doc = parse_markdown(
        "# Arachnoiditis\n\n> [!WARNING]\n> New saddle numbness: send the patient to A&E.\n\n"
        "> [!tip] Sleep\n> A pillow between the knees helps.\n"
    )
    text = " | ".join(texts(doc))
    assert "Warning: New saddle numbness: send the patient to A&E." in text
    assert "[!" not in text
    assert "A pillow between the knees helps." in text


def test_fenced_code_keeps_what_looks_like_site_markup():
    doc = parse_markdown("# Code\n\nSee below.\n\n```\n!!! note\n    kept\n```\n")
    assert "!!! note" in " ".join(texts(doc))


def test_mdx_module_lines_are_dropped():
    doc = parse_markdown(
        "import { Callout } from '@/components/content'\nimport './styles.css'\n\n"
        "export const meta = { section: 'conditions' }\n\n# Hip pain\n\nIt is common.\n"
    )
    assert texts(doc) == ["It is common."]
    assert sum(1 for d in doc.dropped if d.reason == "chrome: site markup") == 3


def test_static_site_template_tags_and_footnote_markers_go_and_notes_stay():
    doc = parse_markdown(
        "# Hip pain\n\n{% include cta.html %}\n\nThe disc wears early[^1]. It is"
        " common.\n\n{{< youtube k3Jd9QmW2xA >}}\n\n[^1]: Most often at L4-L5.\n"
    )
    text = " | ".join(texts(doc))
    assert "{%" not in text and "{{<" not in text and "[^1]" not in text
    assert "The disc wears early. It is common." in text
    assert "Most often at L4-L5." in text


def test_an_mdx_comment_is_dropped():
    from back_health.importer.parse_markdown import parse_markdown

    doc = parse_markdown("# Neck pain\n\nNeck pain is common.\n\n{/* TODO: add video */}\n")
    texts = [block.text for section in doc.sections for block in section.blocks]
    assert not any("TODO" in text for text in texts)


def test_a_markdown_transcript_loses_its_times_and_speaker_labels():
    doc = parse_markdown(
        "# Steady Steps, Episode 4: Wry neck\n\n"
        "**[00:00:05] MAGGIE:** Hello and welcome to the show.\n\n"
        "**[00:01:40] DR SUNDARAM (GUEST):** Wry neck is a sudden stiff neck.\n\n"
        "**[00:03:02] MAGGIE:** What causes it?\n\n"
        "**[00:03:10] DR SUNDARAM:** Sleeping awkwardly is the usual cause.\n"
    )
    texts = [b.text for s in doc.sections for b in s.blocks]
    assert "Wry neck is a sudden stiff neck." in texts
    assert "Sleeping awkwardly is the usual cause." in texts
    assert not any("SUNDARAM" in t or "00:0" in t for t in texts)
    assert {d.text for d in doc.dropped} >= {"MAGGIE", "DR SUNDARAM (GUEST)"}


def test_labels_in_capitals_without_times_are_not_a_transcript():
    doc = parse_markdown("# Neck pain\n\nNOTE: rest.\n\nTIP: walk.\n\nWARNING: call 999.\n")
    assert "NOTE: rest." in [b.text for s in doc.sections for b in s.blocks]


@pytest.mark.parametrize(
    "body",
    [
        "**Heat**\nA warm wheat bag eases stiffness in the neck.\n",
        "**Heat:**\nA warm wheat bag eases stiffness in the neck.\n",
        "> **Heat**\n> A warm wheat bag eases stiffness in the neck.\n",
    ],
)
def test_a_bold_line_over_its_text_is_not_glued_to_it(body):
    doc = parse_markdown(f"# Neck pain\n\nNeck pain is common.\n\n{body}")
    texts = [b.text for s in doc.sections for b in s.blocks]
    assert "A warm wheat bag eases stiffness in the neck." in texts
    assert not any(t.startswith("Heat A warm") or t.startswith("Heat: A warm") for t in texts)


def test_bold_words_that_go_on_in_their_line_are_no_label():
    doc = parse_markdown(
        "# Neck pain\n\nNeck pain is common.\n\n**Heat** helps most people\nwith a stiff neck.\n"
    )
    texts = [getattr(b, "text", "") for s in doc.sections for b in s.blocks]
    assert "Heat helps most people with a stiff neck." in texts
    assert [s.heading for s in doc.sections] == ["Neck pain"]


def test_a_bold_banner_above_the_first_heading_is_left_as_written():
    doc = parse_markdown(
        "**INTERNAL - not for circulation**\nAudit ID: 12\n\n# Neck pain\n\nIt is common.\n"
    )
    assert doc.title == "Neck pain"
    assert [s.heading for s in doc.sections] == ["", "Neck pain"]
    assert doc.sections[0].blocks[0].text == "INTERNAL - not for circulation Audit ID: 12"


#: A loose list, as a knowledge base exports its toggles: each item a short name and,
#: under it, a paragraph explaining it.
TOGGLES = """\
# Cervical spondylosis

## Types

- Disc degeneration

    The discs lose water and height with age, so the bones come closer together.

- Facet joint arthritis

    Bony spurs grow around the small joints at the back of the spine.
"""


def _items(doc):
    return [
        item
        for section in doc.sections
        for block in section.blocks
        for item in getattr(block, "items", [])
    ]


def test_a_name_over_its_own_paragraph_labels_the_item():
    items = _items(parse_document(TOGGLES, "md"))
    assert [item.text.split(":")[0] for item in items] == [
        "Disc degeneration",
        "Facet joint arthritis",
    ]
    assert items[1].text.startswith("Facet joint arthritis: Bony spurs grow")
    assert items[1].html.startswith("<strong>Facet joint arthritis</strong>: Bony spurs")


def test_a_bold_name_over_a_line_break_labels_the_item_and_a_wrapped_line_does_not():
    html = (
        "<h1>Neck pain</h1><h2>What helps</h2><ul>"
        "<li><strong>Heat</strong><br>A warm pack for 15 minutes eases the muscles.</li>"
        "<li>Take paracetamol<br>up to 4 times a day</li></ul>"
    )
    items = _items(parse_document(html, "html"))
    assert items[0].text == "Heat: A warm pack for 15 minutes eases the muscles"
    assert items[1].text == "Take paracetamol up to 4 times a day"


#: A documentation site's page: tabs written as components around lists, whose closing
#: tags are indented as the lists' items are, and ":::" boxes.
DOCUSAURUS = """\
# Neck pain

## What helps

<Tabs>
  <TabItem value="first" label="First weeks" default>

- **Keep moving.** Gentle movement helps the neck recover.
- **Heat.** A warm pack for 15 minutes eases tight muscles.

  </TabItem>
  <TabItem value="later" label="Later">

- **Physiotherapy** with exercises for the neck.
- **Acupuncture** may help some people.

  </TabItem>
</Tabs>

:::caution Check before taking ibuprofen
Ask a pharmacist first if you have asthma or a stomach ulcer.
:::

:::danger
Call 999 if your arms or legs go weak.
:::
"""


def test_component_tags_around_lists_do_not_end_up_inside_their_items():
    doc = parse_document(DOCUSAURUS, "md")
    items = [item.text for item in _items(doc)]
    assert items == [
        "Keep moving. Gentle movement helps the neck recover.",
        "Heat. A warm pack for 15 minutes eases tight muscles.",
        "Physiotherapy with exercises for the neck",
        "Acupuncture may help some people",
    ]
    assert "TabItem" not in " | ".join(texts(doc))


def test_a_directive_box_reads_as_an_admonition_does():
    doc = parse_document(DOCUSAURUS, "md")
    text = " | ".join(texts(doc))
    assert ":::" not in text
    assert ("Check before taking ibuprofen", 3) in headings(doc)
    assert "Ask a pharmacist first if you have asthma or a stomach ulcer." in text
    assert "Danger: Call 999 if your arms or legs go weak." in text


def test_an_item_introducing_the_list_nested_in_it_is_that_list_s_lead():
    markdown = (
        "# Hypermobility\n\n## Key points\n\n"
        "- Strength training is the core treatment.\n"
        "- A starter routine, once a day:\n"
        "    - Dead bug: 2 sets of 8 on each side\n"
        "    - Wall sit: hold 20 seconds, 3 times\n"
        "- Pacing matters: build up by about 10% a week.\n"
    )
    doc = parse_document(markdown, "md")
    lists = [block for block in blocks(doc, "Key points") if hasattr(block, "items")]
    assert [[item.text for item in block.items] for block in lists] == [
        ["Strength training is the core treatment"],
        ["Dead bug: 2 sets of 8 on each side", "Wall sit: hold 20 seconds, 3 times"],
        ["Pacing matters: build up by about 10% a week"],
    ]
    assert lists[1].lead == "A starter routine, once a day:"


def test_a_nested_list_under_an_item_that_does_not_introduce_it_stays_in_the_list():
    markdown = (
        "# Pain\n\n## Causes\n\n- Poor posture\n    - at a desk\n    - on the sofa\n- Lifting\n"
    )
    doc = parse_document(markdown, "md")
    (block,) = [block for block in blocks(doc, "Causes") if hasattr(block, "items")]
    assert [item.text for item in block.items] == [
        "Poor posture",
        "at a desk",
        "on the sofa",
        "Lifting",
    ]


QUARTO = """\
---
title: "Living with a stiff back"
format:
  html:
    toc: true
---

```{r}
#| label: setup
#| include: false
library(ggplot2)
```

## What is it? {#sec-what}

Stiffness is often worst in the morning [@smith2019; @jones2020, p. 4]. Over years the
posture can change (@fig-posture).

```{python echo=FALSE}
plot_posture("img/wall.png")
```

Warm up first (see @sec-what for why mornings matter). Write to clinic@example.org.

```
Keep this fenced text.
```
"""


def test_executable_chunks_citations_and_cross_references_go_and_other_code_stays():
    doc = parse_document(QUARTO, "md")
    text = " | ".join(texts(doc))
    for chrome in ("#|", "library(", "plot_posture", "@smith2019", "@jones2020", "@fig-", "@sec-"):
        assert chrome not in text
    assert "Stiffness is often worst in the morning." in text
    assert "Over years the posture can change." in text
    assert "Warm up first." in text
    assert "clinic@example.org" in text  # an address is no citation
    assert "Keep this fenced text." in text


TEAM_CHAT = """\
# #patient-leaflets

_Slack export · Riverside Physiotherapy · 3 Mar 2025 · 4 messages_

**Priya Shah** · 10:14 AM

Morning all :wave: the neck leaflet is below.

:+1: 3  :eyes: 1

Keep your neck moving: gentle movement helps it heal.

> ↳ 2 replies
>
> **Tom Reilly** · 10:31 AM
> Say that collars are no longer recommended.
>
> **Aisha Karim (Pharmacy)** · Tue 9:12 AM
> The pregnancy line is fine as worded. :white_check_mark:
"""


def test_a_team_chat_s_stamps_reactions_and_emoji_codes_go_and_its_messages_stay():
    from back_health.importer.pipeline import analyse

    plan = analyse(TEAM_CHAT.encode(), "chat.md")
    text = " ".join(
        [page.summary for page in plan.pages]
        + [str(block.value) for page in plan.pages for block in page.blocks]
    )
    for chrome in (
        "10:14",
        "Priya Shah",
        "Tom Reilly",
        "Aisha Karim",
        ":wave:",
        ":+1:",
        "replies",
        "Slack export",
        ":white_check_mark:",
        "3 1",
    ):
        assert chrome not in text
    assert "Keep your neck moving" in text
    assert "Say that collars are no longer recommended." in text
    assert "The pregnancy line is fine as worded" in text
    assert "Morning all the neck leaflet is below." in text


def test_code_in_a_language_and_notebook_prompts_go_and_a_plain_fenced_schedule_stays():
    doc = parse_document(
        "# Neck pain\n\n**In [1]:**\n\n```python\nimport pandas as pd\ndf.shape\n```\n\n"
        "**Out[1]:**\n\nMost neck pain settles within six weeks.\n\n"
        "```bash\nnpm install\n```\n\n"
        "```\nMonday    walk 10 minutes\nTuesday   walk 15 minutes\n```\n",
        "md",
    )
    text = " | ".join(texts(doc))
    for code in ("import pandas", "df.shape", "npm install", "In [1]", "Out[1]"):
        assert code not in text
    assert "Most neck pain settles within six weeks." in text
    assert "walk 10 minutes" in text


#: An outliner's page exported as Markdown: properties, tasks, block references, tags,
#: and headings as blocks with their children a tab further in.
OUTLINE = """\
title:: Rhomboid strain
alias:: strained rhomboid
tags:: [[MSK]], [[upper back]]

- TODO turn this into the patient handout
  SCHEDULED: <2025-05-02 Fri>
- ## What it is
  collapsed:: false
\t- A strain of the muscles between the shoulder blades, often after rowing. #muscle
\t- It usually settles in 2 to 6 weeks (see ((64f1c2a9-3b7e-4d11-9a0c-6b2e8f0d1a77)))
- ## Self-care
  id:: 64f1c2a9-3b7e-4d11-9a0c-6b2e8f0d1a77
\t- DONE ask the pharmacist about the gel
\t- Keep moving your shoulders gently.
\t\t- Short walks help too.
\t- Heat on the sore spot for 15 minutes eases the spasm.
"""


def test_an_outliner_page_is_read_as_headings_and_lists_without_its_furniture():
    doc = parse_markdown(OUTLINE)
    assert doc.title == "Rhomboid strain"
    assert [s.heading for s in doc.sections if s.heading][-2:] == ["What it is", "Self-care"]
    kept = " ".join(texts(doc))
    assert "A strain of the muscles between the shoulder blades, often after rowing" in kept
    assert "It usually settles in 2 to 6 weeks" in kept
    assert "Short walks help too" in kept
    for furniture in ("TODO", "DONE", "SCHEDULED", "::", "((", "#muscle", "(see"):
        assert furniture not in kept
    dropped = " ".join(d.text for d in doc.dropped)
    assert "TODO turn this into the patient handout" in dropped
    assert "id:: 64f1c2a9-3b7e-4d11-9a0c-6b2e8f0d1a77" in dropped


def test_one_double_colon_is_no_outliner_page():
    from back_health.importer.outline import read_outline

    text = "# Neck pain\n\n- Ratio:: one in ten people\n- Rest, then move.\n"
    assert read_outline(text) == (text, [])


def test_pandoc_bracketed_spans_are_their_text():
    doc = parse_markdown(
        "# Gout\n\n[NSAIDs]{.smallcaps} ease a flare; [rest]{#rest .note} helps.\n"
    )
    assert texts(doc)[0] == "NSAIDs ease a flare; rest helps."


#: A Jupyter Book page in MyST Markdown: targets, a comment, directives fenced with
#: backticks and colons, a figure, and roles.
MYST = """\
(whiplash-page)=
# Whiplash

% TODO: ask the ED team to check this

Whiplash is a neck injury from a sudden jolt. It often follows a {term}`rear-end collision`.

```{admonition} Will I need a collar?
:class: tip
No. A soft collar keeps the neck stiff and slows recovery.
```

```{figure} ../images/neck.png
:name: fig-neck

The muscles at the back of the neck.
```

:::{warning}
Call 999 if you cannot feel your arms or legs.
:::

See {ref}`the exercises <neck-exercises>` and ask about an
{abbr}`MRI (magnetic resonance imaging)` only if it does not settle.
"""


def test_myst_directives_are_boxes_and_its_targets_comments_and_roles_go():
    doc = parse_markdown(MYST)
    kept = " ".join(texts(doc))
    assert "It often follows a rear-end collision." in kept
    assert "No. A soft collar keeps the neck stiff and slows recovery." in kept
    assert "The muscles at the back of the neck." in kept
    assert "Call 999 if you cannot feel your arms or legs." in kept
    assert "See the exercises and ask about an MRI only if it does not settle." in kept
    for markup in ("{term}", "{ref}", "(whiplash-page)=", "% TODO", ":class:", ":::", "```", "png"):
        assert markup not in kept
    headings = [section.heading for section in doc.sections]
    assert "Will I need a collar?" in headings


def test_a_code_cell_stays_code_and_a_percent_in_prose_stays():
    from back_health.importer.myst import read_myst

    text = (
        "# Back pain\n\n(intro)=\n50% of adults have back pain.\n\n"
        "```{code-cell} python\nprint(1)\n```\n"
    )
    out, _ = read_myst(text)
    assert "50% of adults have back pain." in out
    assert "```{code-cell} python" in out  # left to the code rules
