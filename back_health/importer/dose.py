"""Exercise doses: read them from prose, say them back in plain English.

A dose is a plain dict with the keys of :data:`DOSE_KEYS` ("hold for 20 seconds, repeat
5 times on each side, twice a day" -> ``{"hold_seconds": 20, "repetitions": 5,
"per_side": True, "times_per_day": 2, ...}``). :func:`dose_to_text` is the one place
that words a dose: the importer report and the exercise block template both call it, so
it stays a pure function without Django. Pass Django's ``gettext``/``ngettext`` to get
translated wording; the defaults speak English.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from .fold import fold_case
from .prefilter import Alternatives

#: The keys of a dose dict, in the order the exercise block stores them.
DOSE_KEYS = ("sets", "repetitions", "hold_seconds", "per_side", "times_per_day", "days_per_week")

#: Number words the parser understands, besides digits.
NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "forty-five": 45,
    "fifty": 50,
    "sixty": 60,
    "ninety": 90,
}
#: Adverbs of frequency ("twice a day").
FREQUENCY_WORDS = {"once": 1, "twice": 2, "thrice": 3}

# A digit run is read from its first digit only and whole: linear on long numbers. A
# number word is a whole word ("ten", never the "ten" of "often" or "tendon").
_NUM = r"(?:(?<!\d)\d++|\b(?:" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")\b)"


def _range(low: str = "low", high: str = "high") -> str:
    """A number or a range ("20-30", "20 to 30") with the bounds in named groups."""
    return rf"(?P<{low}>{_NUM})(?:\s*(?:-|–|—|to|or)\s*(?P<{high}>{_NUM}))?"


_RANGE = _range()
_TIMES = rf"(?:{_range('n', 'nh')}[\s-]+times?|\b(?P<adv>once|twice|thrice))"

_HOLD = re.compile(
    # "rest here for 3 minutes": resting in the pose holds it ("rest for 2 days" does not).
    r"\b(?:hold|holding|stay|remain|keep|"
    r"rest\s+(?:here|there|like\s+this|in\s+(?:this|that|the)\s+(?:position|pose)))\b"
    rf"[^.;]{{0,40}}?\bfor\s+(?:about\s+|around\s+|up\s+to\s+)?"
    rf"{_RANGE}\s*(?P<unit>seconds?|secs?|s\b|minutes?|mins?)"
    rf"|\bfor\s+{_range('low2', 'high2')}\s*(?P<unit2>seconds?|secs?)\b"
    # "hold each 3 seconds": each breath or stretch held that long.
    rf"|\b(?:hold|holding|keep)\s+(?:it\s+|this\s+|each(?:\s+one)?\s+|the\s+\w+\s+)?"
    rf"{_range('low3', 'high3')}\s*"
    r"(?P<unit3>seconds?|secs?|s\b|minutes?|mins?)\b"
    # "hold for a count of five": counted seconds.
    rf"|\b(?:hold|holding)\b[^.;]{{0,30}}?\bfor\s+a\s+(?:slow\s+)?count\s+of\s+"
    rf"{_range('low4', 'high4')}\b"
    r"|\b(?:hold|holding)\b[^.;]{0,30}?\bfor\s+(?P<half>half\s+a\s+minute)\b"
    # "20 seconds each side, three times a day": a length alone, done on each side, at
    # the start of its clause.
    rf"|(?:^|[,;:.]\s*|\s[-\u2013\u2014]\s*){_range('low11', 'high11')}\s*"
    r"(?P<unit11>seconds?|secs?|s\b|minutes?|mins?)\s+(?:on\s+)?(?:each|either|per)\s+"
    r"(?:side|leg|arm)\b"
    # "3 sets of 20 seconds": each set is a hold.
    rf"|\bsets?\s+of\s+{_range('low6', 'high6')}[- ]?\s*"
    r"(?P<unit6>seconds?|secs?|s\b|minutes?|mins?)"
    # "a 5-second hold", "10 second holds": the hold named after its length.
    rf"|\b{_range('low7', 'high7')}[- ](?P<unit7>seconds?|secs?|minutes?|mins?)\s+holds?\b"
    # "Hug one knee to your chest. Count to 10.": a position held while counting seconds.
    rf"|\bcount\s+(?:slowly\s+)?to\s+{_range('low8', 'high8')}\b"
    # "5 holds of 10 seconds": the length of each hold.
    rf"|\bholds?\s+of\s+{_range('low9', 'high9')}\s*(?P<unit9>seconds?|secs?|s\b|minutes?|mins?)"
    # "Rest here for 8 slow breaths (about 40 seconds)": a hold counted in breaths, with
    # its length in brackets.
    r"|\b(?:hold|holding|rest|stay|remain|relax)\b[^.;()]{0,40}?\(\s*(?:about\s+|around\s+|roughly\s+)?"
    rf"{_range('low10', 'high10')}\s*(?P<unit10>seconds?|secs?|minutes?|mins?)\s*\)",
    re.IGNORECASE,
)
_SETS = re.compile(
    # "3 rounds of 10", "2 circuits of 8": sets by another name; "do one group", as a
    # translation from Chinese words a set.
    rf"\b{_RANGE}\s+(?:sets?|(?:rounds?|circuits?)(?=\s+of\s+\d))\b"
    rf"(?:\s+of\s+{_range('reps', 'reps_high')}(?![- ]?\s*(?:seconds?|secs?|s\b|minutes?|mins?))"
    r"(?:\s+(?:repetitions|reps|repeats|times))?)?"
    rf"|\bdo\s+{_range('low_g', 'high_g')}\s+groups?\b"
    # "Do 8 reps and repeat the set 3 times": the set's count of times.
    rf"|\brepeat\s+(?:the\s+|this\s+|each\s+)?set\s+{_range('low_r', 'high_r')}\s+times\b",
    re.IGNORECASE,
)
#: "during your working day", "through the day": in the course of one day.
_IN_THE_DAY = (
    r"(?:during|in|through(?:out)?|over)\s+(?:the|your|a)\s+(?:(?:working|work|school)\s+)?day"
)
#: What makes "3 times" a frequency, not a count: "a day", "during your working day".
_FREQUENCY_AFTER = rf"\s+(?:(?:a|per|each|every)\s+(?:day|week)|daily|{_IN_THE_DAY})"
#: The exercise a count is of, after the count: "Do 5 *of these*", "Do 8 *of them* each side".
_OF_THESE = r"(?:of\s+(?:these|them|those)\s*)?"
_REPS = re.compile(
    rf"\b{_RANGE}\s*(?:(?:slow|gentle|controlled|small|full|easy)\s+)?"
    r"(?:repetitions|reps|repeats|rounds|cycles)\b"
    rf"|\b(?:repeat(?:ing)?|do(?:ing)?|perform(?:ing)?)\b[^.;]{{0,30}}?\b{_range('low2', 'high2')}"
    rf"\s+times\b(?!{_FREQUENCY_AFTER})"
    # "Hold for 10 seconds, 5 times.": a bare count after a comma.
    rf"|(?:^|[,;:.]\s*){_range('low3', 'high3')}\s+times\b(?!{_FREQUENCY_AFTER})"
    # "Do 12 on each side", "Do 10 to each side": a count for each side.
    rf"|\b(?:do|repeat|perform)\s+{_range('low4', 'high4')}\s+{_OF_THESE}"
    r"(?:(?:on|with|for|to)\s+)?"
    r"(?:each|either|every|per|both)\s+(?:side|leg|arm)s?\b"
    # "Neck rotations: 10 to each side": a bare count for each side after a label.
    # "Knee rolls 10 each side": or straight after the exercise's name.
    rf"|(?:^|[,;:.]\s*|\s[-\u2013\u2014]\s*|(?<=[a-z])\s+){_range('low7', 'high7')}"
    r"\s+(?:(?:to|on|for|with)\s+)?"
    r"(?:each|either|every|per)\s+(?:side|leg|arm|way|direction)s?\b"
    # "Do 10.", "Do 5 of these.": a bare count after "do" that ends the sentence or clause.
    rf"|\bdo\s+{_range('low8', 'high8')}(?:\s+{_OF_THESE})?(?=\s*(?:[.,;]|$))"
    # "Point your feet 10 times an hour": a count done every hour, not a frequency a day.
    rf"|\b{_range('low9', 'high9')}\s+times\s+(?:an|a|per|each|every)\s+hour\b"
    # "10 times per leg", "Twice on each side".
    rf"|\b{_range('low5', 'high5')}\s+times\s+(?:on\s+|with\s+)?(?:each|either|per)\s+"
    r"(?:side|leg|arm)\b"
    r"|\b(?P<adv6>twice|thrice)\s+(?:on\s+|with\s+)?(?:each|either|per)\s+(?:side|leg|arm)\b"
    # "Hold for 30 seconds, twice.", "Repeat twice.": a bare twice that ends its clause.
    r"|(?:[,;]\s*+|\brepeat\s+(?:it\s+|this\s+|that\s+)?)(?P<adv12>twice|thrice)(?=\s*(?:[.,;)]|$))"
    # "Do each side twice.": a bare twice after the side it is done on.
    r"|\b(?:each|either|every)\s+(?:side|leg|arm)\s+(?P<adv13>twice|thrice)(?=\s*(?:[.,;)]|$))"
    # "Roll both shoulders backwards 10 times.": a count of times that ends its clause.
    rf"|\b{_range('low10', 'high10')}\s+times(?=\s*(?:[.,;)]|$)|\s+(?:without|while|keeping)\b)"
    # "5 holds of 10 seconds": a count of holds.
    rf"|\b{_range('low11', 'high11')}\s+holds\s+of\b"
    # "Ten at a time, every hour": a count done each time.
    rf"|\b(?!(?:one|1)\b){_range('low12', 'high12')}\s+at\s+a\s+time\b",
    re.IGNORECASE,
)
#: The groups of :data:`_HOLD` that hold a length: (low, high, unit); no unit group means
#: counted seconds ("for a count of five", "Count to 10").
_HOLD_GROUPS = (
    ("low", "high", "unit"),
    ("low2", "high2", "unit2"),
    ("low3", "high3", "unit3"),
    ("low4", "high4", None),
    ("low6", "high6", "unit6"),
    ("low7", "high7", "unit7"),
    ("low8", "high8", None),
    ("low9", "high9", "unit9"),
    ("low10", "high10", "unit10"),
    ("low11", "high11", "unit11"),
)
#: The groups of :data:`_REPS` that hold a count, in the order of its alternatives.
_REPS_GROUPS = (
    "low",
    "low2",
    "low3",
    "low4",
    "low5",
    "low7",
    "low8",
    "low9",
    "low10",
    "low11",
    "low12",
)
#: "half a minute", in seconds.
HALF_A_MINUTE = 30
_PER_SIDE = re.compile(
    # "On either side of the door frame" says where, not how many times.
    r"\b(?:on\s+)?(?:each|either|per|every)\s+(?:side|leg|arm|knee|hip|shoulder|foot)s?\b"
    r"(?!\s+of\b)"
    # "10 times each way": a turn or roll to one side and then the other.
    r"|\b(?:each|either|every)\s+(?:way|direction)\b|\bboth\s+(?:ways|directions)\b"
    # "Both sides" is each side in turn; "lift both arms" lifts them together.
    r"|\b(?:alternate|switch|change|swap)\s+(?:sides|legs|arms)\b|\bboth\s+sides\b"
    r"|\b(?:on|with)\s+the\s+other\s+(?:side|leg|arm)\b",
    re.IGNORECASE,
)
_PER_DAY = re.compile(
    # "My twice-a-day routine": the words may be joined by hyphens.
    rf"{_TIMES}[\s-]+(?:(?:a|per|each|every)[\s-]+day|{_IN_THE_DAY})\b"
    rf"|(?:{_range('n2', 'nh2')}\s+times|\b(?P<adv2>once|twice|thrice))\s+daily\b",
    re.IGNORECASE,
)
_PER_WEEK = re.compile(
    rf"(?:{_TIMES}|(?P<days>{_NUM})\s+(?:days|sessions|workouts))\s+(?:a|per|each|every)\s+week\b",
    re.IGNORECASE,
)
#: "Morning and evening", "every morning and every evening", "morning and afternoon",
#: "in the morning and at bedtime", "at the start and end of every shift", "every
#: morning before work and again at lunch": twice a day.
_MORNING_AND_EVENING = re.compile(
    r"\bmornings?\s+and\s+(?:(?:every|each)\s+|(?:at|in\s+the)\s+)?"
    r"(?:afternoons?|evenings?|nights?|bedtime)\b"
    r"|\b(?:every|each)\s+(?:morning|evening)\b[^.;!?]{0,50}?\band\s+again\s+(?:at|in|before|after)\b"
    # "..., and again in the evening if your leg feels tight": only when needed.
    r"(?![^.;!?]{0,40}\bif\b)"
    r"|\b(?:at\s+)?the\s+start\s+and\s+"
    r"(?:the\s+)?end\s+of\s+(?:every|each|your|the)\s+(?:[\w-]+\s+){0,2}?(?:day|shift)\b"
    # "at the morning tea break and again after lunch": two times named.
    r"|\b(?:at|after|before|during)\s+(?:the\s+|your\s+)?[\w -]{2,30}?\s+and\s+again\s+"
    r"(?:at|in|on|before|after|during)\b(?![^.;!?]{0,40}\bif\b)",
    re.IGNORECASE,
)
#: "Morning, lunchtime and evening", "at breakfast, lunch and dinner": three times a day.
_THREE_MEALS = re.compile(
    r"\b(?:mornings?|breakfast(?:time)?),?\s+(?:midday|lunch(?:time)?|noon|afternoon)"
    r",?\s+and\s+(?:evenings?|nights?|bedtime|dinner(?:time)?|tea(?:time)?|supper)\b",
    re.IGNORECASE,
)
#: "Do them every morning": once a day.
_ONCE_A_DAY = re.compile(r"\b(?:every|each)\s+(?:morning|evening|night|bedtime)\b", re.IGNORECASE)
#: "Do 10 squeezes", "Deep breathing: 5 slow, deep breaths": a count of a movement named
#: by its plural, after a verb or opening a clause.
_COUNTED_MOVES = re.compile(
    # After a verb, any two words may say which moves ("Do 10 standing back bends").
    rf"(?:\b(?:do|repeat|perform|make|take)\s+(?P<n>{_NUM})\s+(?:[a-z-]+,?\s+){{0,2}}?"
    # "Snow angels - 10 slow ones": or after a dash.
    rf"|(?:^|[,;:.]\s*|\s[-\u2013\u2014]\s*)(?P<n2>{_NUM})\s+"
    r"(?:(?:slow|gentle|small|more|deep|full|big|long|controlled),?\s+){0,2})"
    r"(?:squeezes|lifts|raises|curls|presses|tilts|rolls|circles|rotations|bends|squats|"
    r"lunges|crunches|bridges|breaths|stretches|reps|repetitions|contractions|tucks|rounds|"
    r"twists|turns|kicks|marches|ones|shrugs|slides|hugs|nods|extensions|goes|coughs|huffs|"
    r"swings|reaches|rocks|pumps|"
    # "Shoulder rolls: 10 backwards": a count of moves told by their direction.
    r"backwards?|forwards?|each\s+way|clockwise|anti-?clockwise|"
    r"(?:press|push|sit|pull|step|chin|curl)[ -]?ups)\b",
    re.IGNORECASE,
)
_EVERY_DAY = re.compile(r"\b(?:every\s+day|each\s+day|daily)\b", re.IGNORECASE)
#: What every count, hold, sets, repetitions and frequency pattern above needs somewhere in
#: its match besides a digit (a number or frequency word, "half a minute"), as a whole
#: word, looked for in a text's :func:`~.fold.fold_case`: most paragraphs hold none, and
#: then those patterns are not tried at all.
_COUNT_WORD = re.compile(
    r"\b(?:"
    + "|".join(sorted([*NUMBER_WORDS, *FREQUENCY_WORDS, "half"], key=len, reverse=True))
    + r")\b"
)


#: Gym shorthand, rewritten into words before reading: "2x a day", "3x10" (sets x
#: repetitions), "x3" and "10x" (repetitions).
_SHORTHAND = (
    # "30 sec x 2 each side": a hold of 30 seconds, done twice.
    (
        re.compile(
            r"\b(\d{1,3})[- ]?(?:seconds?|secs?|s)\s*(?:holds?\s*)?[x×]\s*(\d{1,2})\b", re.I
        ),
        r"hold for \1 seconds, repeat \2 times",
    ),
    # "3 x 20 second holds": three holds of 20 seconds.
    (
        re.compile(
            r"\b(\d{1,2})\s*[x×]\s*(\d{1,3})[- ]?(?:seconds?|secs?|s)\b(?:\s+holds?)?", re.I
        ),
        r"repeat \1 times, hold for \2 seconds",
    ),
    (
        re.compile(
            r"\b(\d{1,2})\s*[x×](?=\s+(?:(?:a|per|each|every)\s+(?:day|week)|daily)\b)", re.I
        ),
        r"\1 times",
    ),
    (re.compile(r"\b(\d{1,2})\s*[x×]\s*(\d{1,3})\b", re.I), r"\1 sets of \2 repetitions"),
    (re.compile(r"(?<![\w.])[x×]\s*(\d{1,3})\b", re.I), r"repeat \1 times"),
    (re.compile(r"\b(\d{1,3})\s*[x×](?![\w])", re.I), r"repeat \1 times"),
)


_DIGIT = re.compile(r"\d")
#: What every shorthand holds: a digit next to an "x" or "×", spaces apart at most ("2x10",
#: "x3", "10 x"). A text without one is left as it is, without trying each shorthand.
_SHORTHAND_SIGN = re.compile(r"\d\s*[x×]|[x×]\s*\d", re.I)
#: A count for each side written with a slash: "10/side", "8 / leg".
_PER_SIDE_SLASH = re.compile(r"\b(\d{1,3})[ \t]*+/[ \t]*+(side|leg|arm)\b", re.I)
#: A hold in seconds written before the word: "5s hold", "10 sec holds".
_SECONDS_HOLD = re.compile(r"\b(\d{1,3})[ \t]?(?:s|secs?)[ \t]++holds?\b", re.I)
#: Each side written with a slash after another dose: "3 x 20s / side".
_SLASH_SIDE = re.compile(r"[ \t]*+/[ \t]*+(side|leg|arm)\b", re.I)

#: Each pattern's search (:class:`~.prefilter.Alternatives`): an alternative is tried only
#: on a text holding the words its own matches need, so a text of numbers and common
#: words ("do", "doctor") is not searched for "do 12 on each side" at every position.
#: By the pattern's identity: a compiled pattern's hash reads its whole code each time
#: (about 10 microseconds for :data:`_REPS`).
_SEARCHES = {
    id(pattern): Alternatives(pattern)
    for pattern in (
        _HOLD,
        _SETS,
        _REPS,
        _COUNTED_MOVES,
        _PER_SIDE,
        _PER_DAY,
        _ONCE_A_DAY,
        _MORNING_AND_EVENING,
        _THREE_MEALS,
        _PER_WEEK,
        _EVERY_DAY,
    )
}


def _search(pattern: re.Pattern, text: str, folded: str) -> re.Match | None:
    """``pattern.search(text)``, each of its alternatives skipped when ``folded`` lacks
    words its matches need."""
    return _SEARCHES[id(pattern)].search(text, folded)


def expand_shorthand(text: str) -> str:
    """ "2x10" -> "2 sets of 10 repetitions"; "x3" -> "repeat 3 times"; "10/side" ->
    "10 repetitions each side"; "5s hold" -> "hold for 5 seconds"."""
    if "/" in text:
        text = _PER_SIDE_SLASH.sub(r"\1 repetitions each \2", text)
        text = _SLASH_SIDE.sub(r" each \1", text)
    if "hold" in text or "HOLD" in text:
        text = _SECONDS_HOLD.sub(r"hold for \1 seconds", text)
    # Every shorthand holds a digit and an "x" or "×", next to each other.
    if "x" not in text and "X" not in text and "\u00d7" not in text:
        return text
    if not _SHORTHAND_SIGN.search(text):
        return text
    for pattern, words in _SHORTHAND:
        text = pattern.sub(words, text)
    return text


@dataclass
class DoseReading:
    """A parsed dose and what the parser had to decide on the way (for the report)."""

    dose: dict
    notes: list[str] = field(default_factory=list)


def empty_dose() -> dict:
    return {
        "sets": None,
        "repetitions": None,
        "hold_seconds": None,
        "per_side": False,
        "times_per_day": None,
        "days_per_week": None,
    }


def number(word: str | None) -> int | None:
    """``"10"`` or ``"ten"`` -> 10; anything else -> None."""
    if not word:
        return None
    word = word.lower()
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word) or FREQUENCY_WORDS.get(word)


def _low(match: re.Match, low: str, high: str, what: str, notes: list[str]) -> int | None:
    value = number(match.group(low))
    if match.group(high):
        notes.append(f"took the lower bound of {match.group(0).strip()!r} for {what}")
    return value


#: A rest between sets or repetitions: "resting for 30 seconds between sets".
_REST_BETWEEN = re.compile(
    r"\b(?:rest(?:ing)?|paus(?:e|ing)|break)\s+(?:for\s+)?(?:about\s+|up to\s+)?\d{1,3}"
    r"(?:\s*(?:-|to)\s*\d{1,3})?\s*(?:seconds?|secs?|minutes?|mins?)\s+(?:in\s+)?"
    r"(?:between|after each)\s+(?:sets?|repetitions?|reps?|rounds?|goes|each)\b",
    re.IGNORECASE,
)


def read_dose(text: str, *, counts_only: bool = False) -> DoseReading:
    """Read every dose element written in ``text``; a missing element stays empty.
    ``counts_only`` reads the hold, sets and repetitions alone (the rest stays empty)."""
    dose, notes = empty_dose(), []
    text = expand_shorthand(text)
    if "between" in text or "after each" in text:
        # "resting for 30 seconds between sets": a rest, no hold.
        text = _REST_BETWEEN.sub(" ", text)
    folded = fold_case(text)
    counted = _DIGIT.search(text) is not None or _COUNT_WORD.search(folded) is not None
    if counted and (match := _search(_HOLD, text, folded)):
        group = next((g for g in _HOLD_GROUPS if match.group(g[0])), None)
        if group is not None:
            low, high, unit_group = group
            seconds = _low(match, low, high, "the hold", notes)
            unit = match.group(unit_group).lower() if unit_group else "seconds"
        else:
            seconds, unit = HALF_A_MINUTE, "seconds"
        if seconds is not None and unit.startswith("m"):
            seconds *= 60
        dose["hold_seconds"] = seconds
    if counted and (match := _search(_SETS, text, folded)):
        if match.group("low"):
            dose["sets"] = _low(match, "low", "high", "the sets", notes)
        elif match.group("low_r"):
            dose["sets"] = _low(match, "low_r", "high_r", "the sets", notes)
        else:
            dose["sets"] = _low(match, "low_g", "high_g", "the sets", notes)
        if match.group("reps"):
            dose["repetitions"] = _low(match, "reps", "reps_high", "the repetitions", notes)
    if counted and dose["repetitions"] is None and (match := _search(_REPS, text, folded)):
        low = next((name for name in _REPS_GROUPS if match.group(name)), None)
        if low is not None:
            dose["repetitions"] = _low(
                match, low, low.replace("low", "high"), "the repetitions", notes
            )
        else:
            dose["repetitions"] = number(
                match.group("adv6") or match.group("adv12") or match.group("adv13")
            )
    if counted and dose["repetitions"] is None and (moves := _search(_COUNTED_MOVES, text, folded)):
        dose["repetitions"] = number(moves.group("n") or moves.group("n2"))
    if counts_only:
        return DoseReading(dose, notes)
    dose["per_side"] = bool(_search(_PER_SIDE, text, folded))
    if counted and (match := _search(_PER_DAY, text, folded)):
        if match.group("n") or match.group("adv"):
            dose["times_per_day"] = _low(match, "n", "nh", "the times a day", notes) or number(
                match.group("adv")
            )
        else:
            dose["times_per_day"] = _low(match, "n2", "nh2", "the times a day", notes) or number(
                match.group("adv2")
            )
        text = text[: match.start()] + text[match.end() :]
        folded = fold_case(text)
    elif _search(_THREE_MEALS, text, folded):
        dose["times_per_day"] = 3
    elif _search(_MORNING_AND_EVENING, text, folded):
        dose["times_per_day"] = 2
    elif _search(_ONCE_A_DAY, text, folded):
        dose["times_per_day"] = 1
    if counted and (match := _search(_PER_WEEK, text, folded)):
        if match.group("days"):
            dose["days_per_week"] = number(match.group("days"))
        else:
            dose["days_per_week"] = _low(match, "n", "nh", "the times a week", notes) or number(
                match.group("adv")
            )
    elif _search(_EVERY_DAY, text, folded):
        dose["days_per_week"] = 7
        if dose["times_per_day"] is None:
            # "Do these exercises every day": once a day, with no other count given.
            dose["times_per_day"] = 1
    return DoseReading(dose, notes)


#: A dose cell that opens with a count: the count, and what the cell says after it.
_CELL_COUNT = re.compile(rf"\s*(?P<count>{_range('c', 'ch')})(?P<rest>.*)", re.IGNORECASE | re.S)
#: A count that already says what it counts ("5 seconds", "2 x 10", "10 reps").
_CELL_UNIT = re.compile(
    r"\s*-?\s*(?:[x×]|sets?\b|reps?\b|repetitions|repeats|times|seconds?|secs?|s\b|minutes?|mins?|"
    r"days?\b|sessions?\b)",
    re.IGNORECASE,
)
_CELL_YES = frozenset({"yes", "y", "\u2713", "\u2714", "x"})
_MINUTES_HEADING = re.compile(r"\b(?:minutes?|mins?)\b", re.IGNORECASE)
_WEEK_HEADING = re.compile(r"\bweek\b", re.IGNORECASE)


#: A column heading that counts repetitions too: "Sets x reps", "Sets/Repetitions".
_REPS_HEADING = re.compile(r"\brep(?:s|etitions?)?\b", re.IGNORECASE)


def dose_cell_text(kind: str, cell: str, heading: str = "") -> str:
    """A cell of an exercise table's dose column, worded as :func:`read_dose` reads it:
    "2" under "Sets" -> "2 sets", "3 each side" under "Repetitions" -> "3 repetitions
    each side", "5 seconds" under "Hold" -> "hold for 5 seconds", "Yes" under "Each
    side" -> "on each side", "3" under "Times a day" -> "3 times a day". ``kind`` is one
    of "sets", "repetitions", "hold", "per_side", "frequency", or "dose" for a column of
    whole doses ("How much": "2 sets of 10"), read as written."""
    cell = " ".join(cell.split())
    if kind == "dose":
        return cell
    if kind == "per_side" and cell.lower() in _CELL_YES:
        return "on each side"
    match = _CELL_COUNT.match(cell)
    if kind == "hold":
        if match and not _CELL_UNIT.match(match.group("rest")):
            unit = "minutes" if _MINUTES_HEADING.search(heading) else "seconds"
            return f"hold for {match.group('count')} {unit}{match.group('rest')}"
        return f"hold for {cell}" if match else cell
    if not match or _CELL_UNIT.match(match.group("rest")):
        return cell  # no count, or a count that says what it counts
    count, rest = match.group("count"), match.group("rest")
    if kind == "frequency":
        period = "week" if _WEEK_HEADING.search(heading) else "day"
        return f"{count} times a {period}{rest}"
    if kind == "sets" and _REPS_HEADING.search(heading) and not _SHORTHAND_SIGN.search(cell):
        # "3 each arm" under "Sets x reps": one count, of repetitions.
        return f"{count} repetitions{rest}"
    if kind == "sets":
        return f"{count} sets{rest}"
    if kind == "per_side":
        return f"{count} repetitions on each side{rest}"
    return f"{count} repetitions{rest}"


def parse_dose(text: str) -> dict:
    """The dose written in ``text`` as a dict with every key of :data:`DOSE_KEYS`."""
    return read_dose(text).dose


#: The keys that count how much of an exercise to do, as against how often.
COUNT_KEYS = ("sets", "repetitions", "hold_seconds")


def has_counts(dose: dict | None) -> bool:
    """Whether a dose says how much: sets, repetitions or a hold."""
    return any((dose or {}).get(key) for key in COUNT_KEYS)


def has_dose(dose: dict | None) -> bool:
    """Whether a dose says how much or how often: "on each side" alone says neither."""
    return any(
        value not in (None, False, "", 0)
        for key, value in (dose or {}).items()
        if key != "per_side"
    )


def _english_ngettext(singular: str, plural: str, n: int) -> str:
    return singular if n == 1 else plural


def _identity(message: str) -> str:
    return message


def dose_to_text(
    dose: dict | None,
    *,
    gettext: Callable[[str], str] = _identity,
    ngettext: Callable[[str, str, int], str] = _english_ngettext,
) -> str:
    """Say a dose as plain sentences: "Hold for 20 seconds. Repeat 5 times on each side,
    2 times a day." An empty dose gives "". Pass Django's ``gettext``/``ngettext`` for
    translated wording (the messages are ``%(n)d`` format strings)."""
    dose = {key: value for key, value in (dose or {}).items() if value not in (None, "", 0)}
    sentences = []
    if seconds := dose.get("hold_seconds"):
        sentences.append(
            ngettext("Hold for %(n)d second.", "Hold for %(n)d seconds.", seconds) % {"n": seconds}
        )
    parts = []
    sets, reps = dose.get("sets"), dose.get("repetitions")
    if sets and reps:
        parts.append(
            ngettext("Do %(n)d set", "Do %(n)d sets", sets) % {"n": sets}
            + ngettext(" of %(n)d repetition", " of %(n)d repetitions", reps) % {"n": reps}
        )
    elif reps:
        parts.append(ngettext("Repeat %(n)d time", "Repeat %(n)d times", reps) % {"n": reps})
    elif sets:
        parts.append(ngettext("Do %(n)d set", "Do %(n)d sets", sets) % {"n": sets})
    if dose.get("per_side"):
        if parts:
            parts[-1] += gettext(" on each side")
        else:
            parts.append(gettext("Do this on each side"))
    frequency = []
    daily_once = dose.get("times_per_day") == 1 and dose.get("days_per_week") == 7
    if (n := dose.get("times_per_day")) and not daily_once:
        # "once a day, every day" says no more than "every day".
        frequency.append(ngettext("%(n)d time a day", "%(n)d times a day", n) % {"n": n})
    if n := dose.get("days_per_week"):
        if n == 7:
            frequency.append(gettext("every day"))
        else:
            frequency.append(ngettext("%(n)d day a week", "%(n)d days a week", n) % {"n": n})
    if frequency:
        joined = gettext(" and ").join(frequency)
        if parts:
            parts[-1] += ", " + joined
        else:
            parts.append(gettext("Do this") + " " + joined)
    sentences.extend(part + "." for part in parts)
    return " ".join(sentences)
