"""Parse Markdown by rendering it to HTML and parsing the HTML.

The renderer is ``cmarkgfm`` (GitHub's C implementation of CommonMark with its
table extension): it renders in linear time whatever the input (runs of ``[``,
thousands of nested quotes), about thirty times faster than the pure-Python
renderers we measured (``bench/markdown_renderers.py``). When it is not installed,
``markdown-it-py`` (also linear, pure Python) is used.

Raw HTML inside Markdown passes through the renderer and is then treated exactly
like any HTML source: scripts and other dangerous elements are dropped with their
content, and only safe inline markup is kept.

Front matter (``---`` lines around YAML, as static-site generators write it) is
metadata, not text: it is read with ``python-frontmatter``, kept on
``Document.front_matter``, its ``title`` becomes the heading when the body has none
or several (Pandoc's sections under the title its metadata gives), and the block is
recorded as dropped. Front matter that is not valid YAML is read as
plain ``key: value`` lines.
"""

from __future__ import annotations

import logging
import re
import tomllib
from dataclasses import replace

from .document import Document, Dropped
from .myst import read_myst
from .outline import read_outline
from .parse_html import parse_html
from .parse_text import grid_as_pipe_lines, read_in_turn
from .script import read_script

logger = logging.getLogger(__name__)

#: cmark-gfm extensions used to render the source.
MARKDOWN_EXTENSIONS = ("table", "strikethrough", "autolink")

# Each line is taken whole (possessive), so a long front matter block stays linear.
_FRONT_MATTER = re.compile(
    r"\A\ufeff?---[ \t]*+\n(?P<body>(?:[^\n]*+\n)*?)(?:---|\.\.\.)[ \t]*+(?:\n|\Z)"
)
#: Hugo's TOML front matter, between lines of "+++".
_TOML_FRONT_MATTER = re.compile(
    r"\A\ufeff?\+\+\+[ \t]*+\n(?P<body>(?:[^\n]*+\n)*?)\+\+\+[ \t]*+(?:\n|\Z)"
)
_FIELD = re.compile(r"^(?P<key>[A-Za-z_][\w-]*+)[ \t]*:[ \t]*(?P<value>.*?)\s*$")
_TOML_FIELD = re.compile(r"^(?P<key>[A-Za-z_][\w-]*+)[ \t]*=[ \t]*(?P<value>.*?)\s*$")
_H1 = re.compile(r"^(?:#[ \t]+\S|\S[^\n]*+\n=+[ \t]*$)", re.MULTILINE)


def split_front_matter(text: str) -> tuple[dict[str, str], str, str]:
    """Return ``(fields, front matter text, body)``; no front matter gives ``({}, "", text)``.

    Field values are strings (lists are joined with ", "); keys are lower case.
    """
    match = _FRONT_MATTER.match(text)
    toml = _TOML_FRONT_MATTER.match(text) if not match else None
    if toml:
        # "+++ / title = "..." / +++": Hugo's TOML front matter, read the same way.
        match, fields, field_line = toml, _toml_fields(toml.group("body")), _TOML_FIELD
    elif match:
        fields, field_line = _yaml_fields(match.group("body")), _FIELD
    else:
        return {}, "", text
    if fields is None:
        fields = {}
        for line in match.group("body").splitlines():
            if field := field_line.match(line):
                fields[field.group("key").lower()] = field.group("value").strip("\"'")
    if not fields:
        return {}, "", text
    return fields, match.group(0).strip(), text[match.end() :]


def _toml_fields(body: str) -> dict[str, str] | None:
    """The top-level fields of a TOML front matter body, or None when it is not TOML."""
    try:
        metadata = tomllib.loads(body)
    except tomllib.TOMLDecodeError:
        return None
    return _as_fields(metadata)


def _yaml_fields(body: str) -> dict[str, str] | None:
    """The YAML mapping of a front matter body, or None when it is not YAML."""
    try:
        import frontmatter
    except ImportError:  # pragma: no cover - declared dependency; plain lines still work
        return None
    try:
        metadata = frontmatter.loads(f"---\n{body}---\n").metadata
    except Exception:  # noqa: BLE001 - any YAML error: fall back to plain lines
        return None
    return _as_fields(metadata)


def _as_fields(metadata: dict) -> dict[str, str]:
    """Front matter's top-level values as strings (a list joined with ", ", a table
    left out)."""
    fields = {}
    for key, value in metadata.items():
        if isinstance(value, list | tuple):
            value = ", ".join(str(item) for item in value)
        elif isinstance(value, dict):
            continue
        fields[str(key).lower()] = "" if value is None else str(value).strip()
    return fields


def render_markdown(text: str) -> str:
    """Markdown to HTML (raw HTML passed through for the HTML parser to sanitise)."""
    try:
        import cmarkgfm
        from cmarkgfm.cmark import Options
    except ImportError:
        return _render_with_markdown_it(text)
    # GFM without its "tagfilter": that would turn <script> into text, while the HTML
    # parser is the one place that removes dangerous elements with their content.
    return cmarkgfm.markdown_to_html_with_extensions(
        text, options=Options.CMARK_OPT_UNSAFE, extensions=MARKDOWN_EXTENSIONS
    )


def _render_with_markdown_it(text: str) -> str:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": True}).enable("table").render(text)


def parse_markdown(text: str) -> Document:
    """Parse Markdown into a Document (``format="markdown"``)."""
    fields, front_matter, text = split_front_matter(text)
    if fields.get("title") and len(_H1.findall(text)) != 1:
        # No heading of the first level, or several: Pandoc's sections ("# Introduction",
        # "# Causes") under the title its metadata gives.
        text = f"# {fields['title']}\n\n{text}"
    text, wiki = read_in_turn(
        text,
        (
            read_outline,
            read_script,
            grid_tables,
            read_myst,
            wiki_syntax,
            noted_items,
            site_extensions,
            property_blocks,
            transcript_turns,
            chat_export_lines,
            bold_label_lines,
        ),
    )
    document = parse_html(render_markdown(text), format="markdown")
    dropped = [Dropped(reason=reason, text=line) for reason, line in wiki]
    if front_matter:
        dropped.insert(0, Dropped(reason="front matter", text=front_matter))
    if dropped:
        document = replace(document, dropped=[*dropped, *document.dropped])
    if front_matter:
        document = replace(document, front_matter=fields)
    return document


def grid_tables(text: str) -> tuple[str, list[tuple[str, str]]]:
    """Pandoc's grid tables ("+----+" borders, a cell's text wrapped over lines) as pipe
    tables, which the Markdown renderer reads; nothing is dropped."""
    if "+-" not in text and "+=" not in text:
        return text, []
    return "\n".join(grid_as_pipe_lines(text.split("\n"))), []


#: A line that is all bold (in a blockquote or not): "**Heat**", "> **Speak to us:**".
_BOLD_LINE = re.compile(
    r"(?P<quote>[ \t]*+(?:>[ \t]?)*+)(?:\*\*|__)[^*_\n]{1,80}+(?:\*\*|__)[ \t]*+:?[ \t]*+"
)
#: A Markdown heading line: "# Title", "## Causes".
_ATX_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]", re.MULTILINE)


def bold_label_lines(text: str) -> tuple[str, list[tuple[str, str]]]:
    """A bold line with text on the next line ("**Heat**" then "A warm wheat bag ...")
    stands apart from it, as a paragraph of its own: Markdown would join the two lines
    into one paragraph ("Heat A warm wheat bag ..."), gluing a label to its text.
    Nothing is dropped; each line is read once."""
    lines = text.split("\n")
    out: list[str] = []
    fenced = False
    # Above the first heading, a bold line is a banner or a marking over the page's
    # header ("**INTERNAL - not for circulation**"), left as it is.
    in_body = not _ATX_HEADING.search(text)
    for index, line in enumerate(lines):
        out.append(line)
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        in_body = in_body or bool(_ATX_HEADING.match(line))
        if fenced or not in_body or index + 1 == len(lines):
            continue
        if not (bold := _BOLD_LINE.fullmatch(line)):
            continue
        following = lines[index + 1]
        quote = bold.group("quote")
        if not following[len(quote) :].strip() or not following.startswith(quote.strip()):
            continue
        out.append(quote.rstrip())
    return "\n".join(out), []


#: A transcript's turn in Markdown: a time and a speaker in capitals, in bold or not
#: ("**[00:12:31] DR SUNDARAM:** ...", "[10:04] GARETH (PRESENTER): ...").
_TURN = re.compile(
    r"^[ \t]*+(?:\*\*[ \t]*+)?\[?(?:\d{1,2}:)?\d{1,2}:\d{2}\]?[ \t]++"
    r"(?P<label>[A-Z][A-Z0-9.'\u2019 -]{0,40}+(?:[ \t]*+\([^()\n]{1,40}+\))?)[ \t]*+:"
    r"[ \t]*+(?:\*\*[ \t]*+)?(?=\S)",
    re.MULTILINE,
)
#: Fewest turns, and distinct speakers, that make a Markdown text a transcript.
TRANSCRIPT_TURNS_MIN = 3
TRANSCRIPT_SPEAKERS_MIN = 2


def transcript_turns(text: str) -> tuple[str, list[tuple[str, str]]]:
    """A Markdown transcript without its turns' times and speaker labels (what each
    speaker says stays, one paragraph a turn); other text unchanged."""
    turns = list(_TURN.finditer(text))
    speakers = {match.group("label").strip() for match in turns}
    if len(turns) < TRANSCRIPT_TURNS_MIN or len(speakers) < TRANSCRIPT_SPEAKERS_MIN:
        return text, []
    dropped = [("speaker label", speaker) for speaker in sorted(speakers)]
    return _TURN.sub("", text), dropped


#: A chat export's message header, on a line of its own: who wrote, a dot and when
#: ("**violaviolet** · 14/01/2025 19:42", "📌 **Pinned message** from **Helen R** · ...").
_MESSAGE_HEADER = re.compile(
    r"^[^\n\u00b7.!?]{1,120}?\u00b7[ \t]*+\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}+,?[ \t]++\d{1,2}:\d{2}"
    r"(?:[ \t]*+[ap]\.?m\.?)?[ \t]*+$",
    re.MULTILINE | re.IGNORECASE,
)
#: A line quoting the message a reply answers: "↪ *Replying to* **violaviolet**: Anyone ...".
_REPLY_QUOTE = re.compile(r"^[^\w\n]{0,4}+[*_]*+replying to\b[^\n]{0,300}+$", re.M | re.I)
#: A line of reactions: pictographs, counts and dots ("✅ 23 · ❌ 4", "👍 6").
_REACTIONS = re.compile(
    r"^(?:[ \t]*+[^\w\s]{1,4}+[ \t]*+\d{1,5}+[ \t]*+(?:\u00b7)?)++[ \t]*+$", re.M
)
#: Fewest message headers that make a Markdown text a chat export.
CHAT_HEADERS_MIN = 3


def chat_export_lines(text: str) -> tuple[str, list[tuple[str, str]]]:
    """A chat export in Markdown (a channel saved by an exporter) without each message's
    header of who and when, the quotes of the messages replies answer, and the lines of
    reactions; what each message says stays."""
    headers = _MESSAGE_HEADER.findall(text)
    if len(headers) < CHAT_HEADERS_MIN:
        return text, []
    dropped = [("chrome: chat export", line.strip()) for line in headers]
    dropped += [("chrome: chat export", m.group(0).strip()) for m in _REPLY_QUOTE.finditer(text)]
    text = _REPLY_QUOTE.sub("", _MESSAGE_HEADER.sub("", text))
    dropped += [("chrome: chat export", m.group(0).strip()) for m in _REACTIONS.finditer(text)]
    return _REACTIONS.sub("", text), dropped


#: A wiki link of a notes app (Obsidian, Foam, Logseq): "[[Page]]", "[[Page|label]]",
#: "[[Page#Heading]]"; with "!" before it, an embedded file or note.
_WIKI_LINK = re.compile(
    r"(?P<embed>!?)\[\[(?P<target>[^\[\]|\n]{1,200}+)(?:\|(?P<label>[^\[\]\n]{1,200}+))?\]\]"
)
#: A block reference id closing a line: "... without back pain. ^stat1".
_BLOCK_ID = re.compile(r"(?<=\S)[ \t]++\^[A-Za-z0-9-]{1,40}+[ \t]*+$", re.MULTILINE)
#: What a line of wiki links may hold besides the links: labels, separators, counts.
_LINK_LINE_WORDS = re.compile(r"[^\W\d_]{2,}+")
#: Most words outside its links for a line to be navigation ("Up:", "Related:", "Backlinks").
LINK_LINE_MAX_WORDS = 3


def _says_more(links: list[re.Match], rest: str) -> bool:
    """Whether a line with wiki links says something besides them: a count or dose
    ("- [[Knee rolls]] 10 each side", "added [[co-codamol]] 30/500 at night"), or one
    link in an item that goes on with words and no label ("- [[Walking]] on flat
    ground")."""
    if _COUNT_OUTSIDE_LINKS.search(_BRACKETED_COUNT.sub("", rest)):
        return True
    item = _LINK_ITEM.match(rest)
    return (
        len(links) == 1
        and item is not None
        and ":" not in rest
        and len(_LINK_LINE_WORDS.findall(rest)) >= 2
    )


#: A number outside a line's links: a count, a dose, a time ("10 each side", "30/500").
_COUNT_OUTSIDE_LINKS = re.compile(r"(?<![\w#])\d")
#: A count in brackets, as navigation gives one: "Backlinks (3):", "(2 notes)".
_BRACKETED_COUNT = re.compile(r"\([^()\n]{0,40}+\)")
#: A list item's bullet.
_LINK_ITEM = re.compile(r"[ \t]*+[-*+][ \t]")


def wiki_syntax(text: str) -> tuple[str, list[tuple[str, str]]]:
    """Markdown of a notes app read as plain Markdown: a line that is nothing but wiki
    links ("Up: [[Low back pain MOC]] · Related: [[Discitis]]", "**Backlinks (3):**
    [[...]]") is navigation and dropped, embedded files and block ids are dropped, and
    every other wiki link is its label in the text. Returns the text and what was
    dropped as ``(reason, text)`` pairs. Linear: each line is scanned once."""
    if "[[" not in text and "^" not in text:
        return text, []
    dropped: list[tuple[str, str]] = []
    lines = []
    for line in text.split("\n"):
        if "[[" in line:
            links = list(_WIKI_LINK.finditer(line))
            rest = _WIKI_LINK.sub(" ", line)
            navigation = any(not link.group("embed") for link in links) and not _says_more(
                links, rest
            )
            if navigation and len(_LINK_LINE_WORDS.findall(rest)) <= LINK_LINE_MAX_WORDS:
                dropped.append(("chrome: wiki links", line.strip()))
                continue
            for link in links:
                if link.group("embed"):
                    dropped.append(("chrome: embedded file", link.group("target").strip()))
            line = _WIKI_LINK.sub(_link_text, line)
        lines.append(line)
    text = "\n".join(lines)
    for match in _BLOCK_ID.finditer(text):
        dropped.append(("chrome: block id", match.group(0).strip()))
    return _BLOCK_ID.sub("", text), dropped


#: An admonition (Python-Markdown, MkDocs): "!!! warning "Title"", "??? info" (folded),
#: and a content tab (MkDocs Material): "=== "In children"". Their body is indented.
_ADMONITION = re.compile(
    r"(?P<marker>!!!|\?\?\?\+?|===)[ \t]*+(?P<kind>[\w-]{0,30}+)[ \t]*+"
    r"(?:\"(?P<title>[^\"\n]{0,200}+)\")?[ \t]*+"
)
#: A directive box's first or closing line (Docusaurus, VuePress, remark-directive):
#: ":::caution Check first", ":::note[Title]", ":::".
_DIRECTIVE = re.compile(
    r"[ \t]{0,3}+:::[ \t]*+(?:(?P<kind>[A-Za-z][\w-]{0,29}+)"
    r"(?:\[(?P<bracketed>[^\]\n]{0,200}+)\]|[ \t]++(?P<title>[^\n]{1,200}+))?)?[ \t]*+"
)
#: A line that is only a site component's tag (MDX: a capitalised name): "<Tabs>",
#: "<TabItem value="early" label="First 6 weeks" default>", "</TabItem>", "<Video />".
_COMPONENT_LINE = re.compile(
    r"[ \t]*+</?(?-i:[A-Z])[\w.]{0,40}+"
    r"(?:[ \t]++[\w-]{1,40}+(?:=(?:\"[^\"\n]{0,200}+\"|'[^'\n]{0,200}+'|\{[^{}\n]{0,200}+\}))?)*+"
    r"[ \t]*+/?>[ \t]*+"
)
#: Kinds of callout that warn the reader: their kind stays with a title they are given.
_WARNING_CALLOUTS = frozenset({"caution", "warning", "danger", "important", "attention", "alert"})
#: A GitHub or Obsidian callout opening a quote: "> [!WARNING]", "> [!tip]- Title".
_CALLOUT = re.compile(
    r"(?P<quote>>[ \t]*+)\[!(?P<kind>[\w-]{1,30}+)\][+-]?[ \t]*+(?P<title>[^\n]*+)"
)
#: A snippet include (pymdownx.snippets), an abbreviation definition (Markdown Extra),
#: and the module lines of MDX ("import { Callout } from '@/components'", "export const
#: meta = {...}").
_INCLUDE = re.compile(
    r"-{2,}8<-{2,}[ \t]*+[^\n]*+|\*\[[^\]\n]{1,40}+\]:[^\n]*+"
    r"|import\s[^\n]{1,200}?\sfrom\s+['\"][^'\"\n]{1,200}+['\"];?+"
    r"|import\s+['\"][^'\"\n]{1,200}+['\"];?+|export\s+(?:const|let|default|function)\b[^\n]*+"
)
#: An attribute list after a link or block ("{ .md-button }") and an icon shortcode
#: (":material-pencil:", ":fontawesome-solid-phone:").
_ATTRIBUTES = re.compile(
    r"[ \t]*+\{[ \t]*+[.#:][^{}\n]{0,100}+\}|:[a-z][a-z0-9]*+(?:-[a-z0-9]++)++:[ \t]*+"
)
#: Pandoc's bracketed span with its attributes: "[SAPHO]{.smallcaps}", "[Rest]{#rest}".
_BRACKETED_SPAN = re.compile(r"\[([^\[\]\n]{1,200}+)\]\{[ \t]*+[.#][^{}\n]{0,100}+\}")
_FENCE = re.compile(r"[ \t]{0,3}+(?:`{3,}+|~{3,}+)")
#: Template tags of static-site generators: Liquid/Jekyll "{% include cta.html %}", Hugo
#: shortcodes "{{< youtube id >}}" and "{{% notice %}}", and a footnote's marker "[^1]".
_TEMPLATE_TAG = re.compile(
    r"\{%[^%\n]{0,300}+%\}|\{\{[<%][^\n]{0,300}?[>%]\}\}|\[\^[\w-]{1,20}+\](?!:)"
    r"|\{/\*[^\n]{0,300}?\*/\}"
)
_FOOTNOTE_LABEL = re.compile(r"\[\^[\w-]{1,20}+\]:[ \t]*+")
#: A team chat's message stamp on a line of its own, quoted or not: "**Priya Shah** ·
#: 10:14 AM", "> **Tom Reilly** · Tue 9:12 AM" (Slack, Teams, Discord exports).
_CHAT_STAMP = re.compile(
    r"[ \t]*+(?:>[ \t]*+)*+(?:\*\*|__)?+[^\n*_.!?:\u00b7\u2022|>]{2,60}?(?:\*\*|__)?+[ \t]*+"
    r"[\u00b7\u2022|\u2014][ \t]*+"
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}+\.?+|yesterday|today)?+"
    r"(?:[ \t]++at)?+[ \t]*+\d{1,2}:\d{2}(?:[ \t]*+[ap]\.?m\.?)?+[ \t]*+",
    re.IGNORECASE,
)
#: The opening fence of code: an executable chunk of R Markdown, Quarto or Jupytext
#: ("```{r}", "```{python echo=FALSE}") or a block in a programming or query language
#: ("```python", "```bash", "```dataview"): code, never text to read. A fence with no
#: language may hold a plain-text table or schedule and is left alone.
_CHUNK_FENCE = re.compile(
    r"[ \t]{0,3}+(?:`{3,}+|~{3,}+)[ \t]*+(?:\{|(?:python|py|ipython|pycon|r|julia|"
    r"javascript|js|jsx|ts|typescript|tsx|sql|bash|sh|shell|zsh|console|powershell|ps1|json|"
    r"yaml|yml|toml|ini|html|xml|css|scss|java|kotlin|swift|c|cpp|csharp|cs|go|rust|ruby|"
    r"php|perl|dataview|dataviewjs|mermaid|graphql|dockerfile|makefile)(?![\w+#-]))",
    re.IGNORECASE,
)
#: A notebook's cell prompt on a line of its own: "**In [2]:**", "Out[2]:", "In [ ]:".
_NOTEBOOK_PROMPT = re.compile(
    r"[ \t]*+(?:\*\*)?+(?:In|Out)[ \t]?\[[ \t\d]{0,6}+\]:(?:\*\*)?+[ \t]*+"
)
#: A Pandoc citation ("[@sieper2017]", "[see @nice2017, p. 4; @hartvigsen2018]") and a
#: Quarto cross-reference in brackets ("(@fig-posture)", "(see @sec-what for why)").
_CITATION = re.compile(
    r"(?<![ \t])[ \t]*+\[(?:[^\[\]\n@]{0,40}?[\s;-])?-?@[A-Za-z0-9_][\w:.#$%&+?<>~/-]*+"
    r"(?:[;,][^\[\]\n]{0,200}+)?\]"
    r"|(?<![ \t])[ \t]*+\([^()\n@]{0,80}?@(?:fig|tbl|sec|eq|lst|thm|lem|cor|def|exm|exr)-[\w-]++"
    r"[^()\n]{0,80}+\)"
)


#: A property line of a notes app's export ("Created: January 14, 2025 10:32 AM",
#: "Tags: Neck, Shoulder"): a short capitalised key, a colon, a value with no sentence end.
_PROPERTY = re.compile(r"[ \t]{0,3}+[A-Z][A-Za-z ]{0,24}+:[ \t]++\S[^\n]{0,120}+")
#: Keys of which a block needs one to be the page's properties, not an item's details.
_PROPERTY_KEYS = re.compile(
    r"[ \t]{0,3}+(?:tags|labels|created|created by|created time|last edited|last edited by|"
    r"last edited time|edited|updated|last updated|owner|author|status|assignee|category|"
    r"categories|date|published|modified|type|property)[ \t]*+:",
    re.IGNORECASE,
)
#: Fewest lines of such a block.
PROPERTY_BLOCK_LINES = 3


def property_blocks(text: str) -> tuple[str, list[tuple[str, str]]]:
    """A notes app's page properties exported as lines of text (Notion: "Tags: ...",
    "Created: ...", "Last edited: ...", "Owner: ...") are dropped: a paragraph of at least
    :data:`PROPERTY_BLOCK_LINES` "Key: value" lines, none ending a sentence, two of whose
    keys are property keys. Returns the text and what was dropped."""
    if ":" not in text:
        return text, []
    dropped: list[tuple[str, str]] = []
    out: list[str] = []
    block: list[str] = []

    def flush() -> None:
        keys = sum(1 for line in block if _PROPERTY_KEYS.match(line))
        if (
            len(block) >= PROPERTY_BLOCK_LINES
            and keys >= 2
            and all(_PROPERTY.fullmatch(line) for line in block)
            and not any(line.rstrip().endswith((".", "!", "?")) for line in block)
        ):
            dropped.extend(("chrome: page metadata", line.strip()) for line in block)
        else:
            out.extend(block)
        block.clear()

    for line in text.split("\n"):
        if line.strip():
            block.append(line)
            continue
        flush()
        out.append(line)
    flush()
    return "\n".join(out), dropped


def noted_items(text: str) -> tuple[str, list[tuple[str, str]]]:
    """A list item that is a name and a footnote's marker ("1. Glute bridge[^2]") takes
    the footnote's text as its own ("1. Glute bridge: 2 sets of 12, ..."), and the
    footnote, said there, goes from the end. Other footnotes stay notes. Nothing is
    dropped."""
    if "[^" not in text:
        return text, []
    lines = text.split("\n")
    notes = {
        found["id"]: (index, found["text"].strip())
        for index, line in enumerate(lines)
        if (found := _FOOTNOTE_DEFINITION.fullmatch(line))
    }
    if not notes:
        return text, []
    used: set[int] = set()
    for index, line in enumerate(lines):
        if (item := _NOTED_ITEM.fullmatch(line)) and item["id"] in notes:
            at, note = notes[item["id"]]
            lines[index] = f"{item['item'].rstrip()}: {note}"
            used.add(at)
    return "\n".join(line for index, line in enumerate(lines) if index not in used), []


#: A footnote's text on a line of its own: "[^2]: 2 sets of 12, holding the top ...".
_FOOTNOTE_DEFINITION = re.compile(r"\[\^(?P<id>[\w-]{1,20}+)\]:[ \t]++(?P<text>\S[^\n]*+)")
#: A list item that is a name and a footnote's marker: "1. Supine marching[^1]".
_NOTED_ITEM = re.compile(
    r"(?P<item>[ \t]*+(?:[-*+]|\d{1,3}[.)])[ \t]++[^\n\[\]:]{1,80}+)"
    r"\[\^(?P<id>[\w-]{1,20}+)\][ \t]*+"
)


def site_extensions(text: str) -> tuple[str, list[tuple[str, str]]]:
    """Markdown extensions of documentation sites read as the plain Markdown they show:
    an admonition or content tab becomes a quote headed by its title (or kind) with its
    indented body, a callout marker ("> [!WARNING]") becomes its title in bold, and
    snippet includes, abbreviation definitions, attribute lists, icon shortcodes, Pandoc
    citations, code in a language ("```{r}", "```python") and notebook prompts go. Other
    fenced text is left alone.
    Returns the text and what was dropped."""
    dropped: list[tuple[str, str]] = []
    out: list[str] = []
    fenced = False
    in_body = False  # inside an admonition's indented body
    label = ""  # "**Warning:** " for the first line of a box that has no title of its own
    in_directive = False  # inside a ":::" box, until its closing ":::"
    chunk = False  # inside an executable code chunk, dropped with its fences
    for line in text.split("\n"):
        if _FENCE.match(line):
            if not fenced:
                chunk = bool(_CHUNK_FENCE.match(line))
            fenced = not fenced
            if chunk:
                dropped.append(("chrome: code chunk", line.strip()))
                chunk = fenced
                continue
        if chunk:
            dropped.append(("chrome: code chunk", line.strip()))
            continue
        if fenced:
            out.append(line)
            continue
        if in_body:
            if line.startswith(("    ", "\t")):
                body = line[4:] if line.startswith("    ") else line[1:]
                if label and body.strip():
                    body, label = f"{label}{body.lstrip()}", ""
                out.append(f"> {body}")
                continue
            if not line.strip():
                out.append(">")
                continue
            in_body = False
            out.append("")
        if admonition := _ADMONITION.fullmatch(line):
            # A title is a heading over the box; a box with none is labelled with its kind
            # ("Warning: ..."), the way the site shows it.
            title = (admonition.group("title") or "").strip()
            kind = admonition.group("kind").replace("-", " ").capitalize()
            out.extend(["", f"> **{title}**", ">"] if title else [""])
            label = "" if title or not kind else f"**{kind}:** "
            in_body = True
            continue
        if "[" in line and _NOTEBOOK_PROMPT.fullmatch(line):
            dropped.append(("chrome: code chunk", line.strip()))
            continue
        if ":" in line and _CHAT_STAMP.fullmatch(line):
            # The sender and time over a chat message; a quoted one leaves its quote open.
            dropped.append(("chrome: chat export", line.strip(" >")))
            out.append(">" if line.lstrip().startswith(">") else "")
            continue
        if include := _INCLUDE.fullmatch(line.strip()):
            dropped.append(("chrome: site markup", include.group(0)))
            continue
        if in_directive and line.strip() == ":::":
            out.append("")  # the box's quote ends
            in_directive = False
            continue
        if directive := _DIRECTIVE.fullmatch(line):
            # ":::caution Check first" ... ":::" (Docusaurus, VuePress): a box as "!!!" is.
            if directive.group("kind") is None:
                continue  # a closing ":::" without a box open
            title = (directive.group("title") or directive.group("bracketed") or "").strip()
            out.extend(["", f"> **{title}**", ">"] if title else [""])
            label = "" if title else f"**{directive.group('kind').capitalize()}:** "
            in_directive = True
            continue
        if _COMPONENT_LINE.fullmatch(line):
            # A site component's tag on a line of its own (MDX: "<Tabs>", "<TabItem
            # value="later" label="If it is not settling">", "</Callout>"): markup, which
            # indented inside a list would end up inside an item. What it holds stays.
            dropped.append(("chrome: site markup", line.strip()))
            out.append("")
            continue
        if in_directive:
            if label and line.strip():
                line, label = f"{label}{line.lstrip()}", ""
            out.append(f"> {line}" if line.strip() else ">")
            continue
        if callout := _CALLOUT.match(line):
            title = callout.group("title").strip()
            kind = callout.group("kind").capitalize()
            if title and kind.lower() in _WARNING_CALLOUTS and kind.lower() not in title.lower():
                # "> [!caution] Amitriptyline": the kind says it is a caution; the title
                # alone would not.
                title = f"{kind}: {title}"
            if title:
                out.extend([f"{callout.group('quote')}**{title}**", ">"])
            else:
                label = f"**{callout.group('kind').capitalize()}:** "
            continue
        if label and line.lstrip().startswith(">") and line.lstrip(" >"):
            # The callout's first line of text takes its label.
            quote, _, body = line.partition(">")
            line, label = f"{quote}> {label}{body.lstrip()}", ""
        elif label and line.strip() and not line.lstrip().startswith(">"):
            label = ""
        if "{" in line or "[^" in line:
            for tag in _TEMPLATE_TAG.finditer(line):
                dropped.append(("chrome: site markup", tag.group(0)))
            line = _TEMPLATE_TAG.sub("", line)
            if not line.strip():
                continue
            line = _FOOTNOTE_LABEL.sub("", line, count=1)  # "[^1]: note" keeps the note
        if "]{" in line:
            # Pandoc's bracketed span: "[SAPHO]{.smallcaps}" is "SAPHO".
            line = _BRACKETED_SPAN.sub(r"\1", line)
        if "{" in line or ":" in line:
            line = _ATTRIBUTES.sub(" ", line).rstrip() if _ATTRIBUTES.search(line) else line
        if "@" in line and _CITATION.search(line):
            dropped.extend(
                ("chrome: citation", cited.group(0).strip()) for cited in _CITATION.finditer(line)
            )
            line = _CITATION.sub("", line)
        out.append(line)
    return "\n".join(out), dropped


def _link_text(match: re.Match) -> str:
    if match.group("embed"):
        return ""
    label = match.group("label") or match.group("target").split("#", 1)[0]
    return label.strip()
