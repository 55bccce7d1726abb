"""Records exported as YAML (a care plan, a protocol, a form's answers) read as text.

A clinical system may export a record as YAML: keys and values, nested ("care_plan:" /
"  diagnosis:" / "    summary: |" and its lines), lists of strings and of mappings
("- name: Sit to stand" / "  dose: 10 repetitions"). What a person reads in it is its
sentences and its lists. :func:`read_yaml` turns such a text into the page it stands
for: a key over a mapping or a list becomes a heading ("Red flags"), a list of strings
a list, a list of mappings a list of "Name: what the rest says" items ("Numbness in
both legs: Call 999 or go to A&E immediately"), and a value that is a sentence or more
(a block scalar, a long string) its paragraphs under its key as a heading. A short value
(an identifier, a date, a status, a name) is a field of the record, recorded as
dropped, and so are the file's comments.

A text is read so only when most of its lines are YAML keys and list items, it nests,
and it parses as a mapping with the standard YAML loader (LibYAML's when installed), at
most :data:`YAML_MAX_BYTES` long; any other text is returned as it is.
"""

from __future__ import annotations

import re

#: Why a record's short fields and the file's comments are recorded as dropped.
FIELD_REASON = "chrome: record field"

#: Largest text read as a YAML record (exports are small; larger text stays text).
YAML_MAX_BYTES = 256 * 1024
#: Share of the non-blank lines that must be keys, list items or comments.
YAML_LINE_SHARE = 0.7
#: Fewest keys, and fewest nested (indented) keys, that make a text a YAML record.
YAML_KEYS_MIN = 6
YAML_NESTED_MIN = 3
#: Fewest words of a value read as text rather than as a field.
TEXT_MIN_WORDS = 6

#: A key line ("  red_flags:", "- name: Sit to stand"), a list item ("- Bed rest"), or a
#: comment.
_KEY = re.compile(r"(?P<indent>[ ]*+)(?:-[ ]++)?[A-Za-z_][\w -]{0,40}+:(?:[ ]|$)")
_ITEM = re.compile(r"[ ]*+-[ ]++\S")
_COMMENT = re.compile(r"[ ]*+#")
#: A value given as a name: the keys of a mapping in a list that say which one it is.
NAME_KEYS = ("name", "title", "flag", "item", "label", "symptom", "problem", "goal")


def is_yaml_record(text: str) -> bool:
    """Whether ``text`` reads as a YAML record by its lines (see the module docstring)."""
    if len(text) > YAML_MAX_BYTES or ":" not in text:
        return False
    lines = [line for line in text.split("\n") if line.strip() and line.strip() != "---"]
    keys = nested = shaped = 0
    for line in lines:
        if found := _KEY.match(line):
            keys += 1
            nested += bool(found.group("indent"))
            shaped += 1
        elif _ITEM.match(line) or _COMMENT.match(line) or line.startswith("  "):
            shaped += 1  # an item, a comment, or a block scalar's line
    return (
        bool(lines)
        and keys >= YAML_KEYS_MIN
        and nested >= YAML_NESTED_MIN
        and shaped >= YAML_LINE_SHARE * len(lines)
    )


def read_yaml(text: str) -> tuple[str, list[tuple[str, str]]]:
    """The text a YAML record carries, and what was dropped as ``(reason, text)``; any
    other text unchanged."""
    if not is_yaml_record(text):
        return text, []
    try:
        import yaml
    except ImportError:  # pragma: no cover - PyYAML comes with python-frontmatter
        return text, []
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        data = yaml.load(text, Loader=loader)  # noqa: S506 - a safe loader
    except (yaml.YAMLError, RecursionError, ValueError):
        return text, []
    if not isinstance(data, dict):
        return text, []
    kept: list[str] = []
    dropped: list[tuple[str, str]] = [
        (FIELD_REASON, line.strip().lstrip("#").strip())
        for line in text.split("\n")
        if _COMMENT.match(line) and line.strip().lstrip("#").strip()
    ]
    if len(data) == 1 and isinstance(next(iter(data.values())), dict):
        data = next(iter(data.values()))  # "care_plan:" around the whole record
    _mapping(data, kept, dropped)
    return "\n".join(kept), dropped


def _title(key) -> str:
    title = " ".join(str(key).replace("_", " ").replace("-", " ").split())
    return title[:1].upper() + title[1:]


def _heading(key, kept: list[str]) -> None:
    title = _title(key)
    if title:
        kept.extend(["", title, "-" * len(title), ""])


def _is_text(value) -> bool:
    """A sentence or more: several words ending as a sentence does, or lines of them,
    or many words; "GP - Dr S. Ahmed, Brookfield Surgery" is a field."""
    if not isinstance(value, str) or len(value.split()) < TEXT_MIN_WORDS:
        return False
    value = value.strip()
    return "\n" in value or value.endswith((".", "!", "?")) or len(value.split()) >= 12


def _mapping(data: dict, kept: list[str], dropped: list[tuple[str, str]]) -> None:
    for key, value in data.items():
        if isinstance(value, dict):
            if any(_is_text(v) or isinstance(v, (dict, list)) for v in value.values()):
                _heading(key, kept)
                _mapping(value, kept, dropped)
            else:
                dropped.append((FIELD_REASON, f"{key}: {_flat(value)}"))
        elif isinstance(value, list):
            items = [_item(v) for v in value]
            items = [item for item in items if item]
            if items:
                _heading(key, kept)
                kept.extend(f"- {item}" for item in items)
                kept.append("")
        elif _is_text(value):
            _heading(key, kept)
            kept.extend(line.strip() + "\n" for line in str(value).split("\n") if line.strip())
        elif value not in (None, ""):
            dropped.append((FIELD_REASON, f"{key}: {value}"))


def _item(value) -> str:
    """A list entry as one line: a string as it is, a mapping as "Name: the rest"."""
    if isinstance(value, dict):
        name_key = next((k for k in NAME_KEYS if isinstance(value.get(k), str)), None)
        rest = "; ".join(_flat(v) for k, v in value.items() if k != name_key and v)
        if name_key is None:
            return rest
        return f"{value[name_key]}: {rest}" if rest else str(value[name_key])
    return _flat(value)


def _flat(value) -> str:
    if isinstance(value, dict):
        return "; ".join(f"{_title(k)}: {_flat(v)}" for k, v in value.items() if v)
    if isinstance(value, list):
        return ", ".join(_flat(v) for v in value)
    return " ".join(str(value).split())
