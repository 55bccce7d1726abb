"""Pathological input shapes for the linear-time guarantee.

Each shape is an input that once made a stage of the importer take quadratic time (or
would have, for a naive parser or pattern): long runs of one character, thousands of
headings or list items, deep nesting. The test suite feeds each one through the whole
analysis, and ``bench/pipeline_speed.py`` prints the time per megabyte of each.
"""

from __future__ import annotations

import zipfile

from .pdfs import pdf_document
from .word import word_document

#: Text around each shape, so that the article has a title and a sentence to keep.
_INTRO = "Back pain\n\nBack pain is common and usually gets better within a few weeks.\n\n"
_HTML_INTRO = (
    "<html><body><h1>Back pain</h1><p>Back pain is common and usually gets better within "
    "a few weeks.</p>"
)


def _repeat(unit: str, size: int) -> str:
    return unit * max(1, size // len(unit))


def _two_runs(size: int, head: str, first: str, second: str, tail: str = "\n") -> str:
    """``head``, then ``first`` repeated over half of ``size`` and ``second`` over the
    other half, then ``tail``: a run of one shape and a run of another."""
    return head + _repeat(first, size // 2) + _repeat(second, size // 2) + tail


def _text(name: str, size: int) -> tuple[str, str]:
    builders = {
        "dots": lambda: _INTRO + "Rest" + _repeat(".", size) + "\n",
        "escaped ampersands": lambda: _INTRO + "Heat " + _repeat("&amp;", size) + " ice.\n",
        "brackets": lambda: _INTRO + "Rest " + _repeat("[", size) + " well.\n",
        "spaces": lambda: _INTRO + "Rest" + _repeat(" ", size) + "well.\n",
        "newlines": lambda: _INTRO + "Rest." + _repeat("\n", size) + "Walk daily.\n",
        "one long line": lambda: _INTRO + _repeat("gentle walking helps the back ", size),
        "long word": lambda: _INTRO + "Rest " + _repeat("a", size) + ".\n",
        "numeric entities": lambda: _INTRO + "Heat " + _repeat("# 8211", size) + " ice.\n",
        # Thousands of subtitle cues, then one line of timings that never ends.
        "subtitle cues": lambda: (
            _repeat(
                "7\n00:00:01,000 --> 00:00:02,500\n<i>DR LEE: Walk daily</i> [MUSIC]\n\n", size // 2
            )
            + _repeat("00:00:01,000 --> ", size // 2)
            + "\n"
        ),
        "cause clauses": lambda: (
            _INTRO
            + "People with a sudden "
            + _repeat("increase with a sudden ", size)
            + "rise are more likely to get it and can lead to it.\n"
        ),
        # A grid table: thousands of bordered rows, then a border that never ends.
        "grid table": lambda: _two_runs(
            size,
            _INTRO + "+----+------+\n| No | Name |\n+====+======+\n",
            "| 1  | Tilt |\n+----+------+\n",
            "+-",
        ),
        # A record's fields closed by a rule and an underlined heading, thousands of
        # times in one block; then thousands of lines over one rule.
        "rules under fields": lambda: _two_runs(
            size,
            _INTRO,
            "Patient: Ann Lee\nSeen by: Dr Roy\n-----\nSummary\n-----\n",
            "Ward: 7\n",
            "-----\n",
        ),
        # Thousands of boxes drawn around a line, then a box that never closes.
        "text boxes": lambda: _two_runs(
            size, _INTRO, "+-------+\n| Rest. |\n+-------+\n", "| Walk. |\n", "+---\n"
        ),
        "pipe table": lambda: (
            _INTRO
            + "| Symptom | Cause |\n|---|---|\n"
            + _repeat("| stiff back | posture |\n", size)
        ),
        "pipes": lambda: _INTRO + "Rest " + _repeat("|", size) + "\n" + _repeat("|-", size),
        "odd letters": lambda: _INTRO + _repeat("İbuproſen ﬂare Straße İİ ", size) + ".\n",
        "indented colon lines": lambda: _INTRO + "Do these:\n" + _repeat("  Rest a while:\n", size),
        "full-width stops": lambda: _INTRO + "Rest" + _repeat("。", size) + "\n",
        "chinese sentences": lambda: _INTRO + _repeat("腰痛很常见。休息", size) + "\n",
        "speaker labels": lambda: _INTRO + _repeat("ANA: so it goes\nSAM: yes\n", size),
        # Speakers with roles, one bracket left open.
        "speaker roles": lambda: (
            _INTRO + _repeat("JO (PRESENTER): so it goes\nMAUREEN (CALLER: yes\n", size)
        ),
        # A forum's post headers, an insurer's cover terms, when it hurts and a reason to
        # see a doctor, run together on one line without a stop.
        "cover and forum lines": lambda: (
            _INTRO
            + _repeat(
                "sam_runs88 · Posted 4 May 2025 covered on all plans up to 5 sessions a year"
                " why does my back hurt when I bend hi Sam, welcome and thanks for your post"
                " the most common cause is strain from holding the reasons adults see a ",
                size,
            )
            + "\n"
        ),
        "membership and blanks": lambda: (
            _INTRO
            + _repeat(
                "Become a member of Date ..../.... Time .... |  Summer 2025 Answer a few"
                " questions sounds very like a rare condition called back pain when coughing"
                " or The repeated strain can make your back ache slows bone healing I believe you"
                " have · 184K subscribers This handout is for what's going on Diagnoses ",
                size,
            )
            + "\n"
        ),
        "comments and running heads": lambda: (
            _INTRO
            + _repeat(
                "Great answer! \u2013 sam_lee Mar 3, 2024 at stop. - Sam Lee Mar 3 Share \u00b7"
                " Improve this \u00b7 EASTMOOR, 3 June \u00b7 TERM DATES I am in school on "
                "Why do sit-ups hurt my lower Walking programme keeps low back pain away "
                "BACK PAIN    113    12    BACK   ",
                size,
            )
            + "\n"
            + _repeat("SMOKING AND BACK PAIN    113\n\n112      YOUR BACK   7\n\n", size // 40)
        ),
        "triage arrows and labels": lambda: (
            _INTRO
            + "Do this routine:\n\n"
            + _repeat(
                "  Night pain: x \u2192 urgent same-day or \u2192 refer back to -> => [x] 3 sets"
                " If you take it, please ask before in the call immediately the emergency"
                " Taking a with b and c with d increases risk If you're a, b, c, check with"
                " Avoid it until Told to Patient advised not to that's 999 or straight to \n",
                size,
            )
        ),
        # A debate's record and a report's header: speakers on their own lines, columns
        # of fields, labels in capitals, a conclusion; and a line of names that never ends.
        "debate and report lines": lambda: _two_runs(
            size,
            _INTRO,
            "Ruth Okonedo (Sheffield Kelham) (Lab)\nI give way.\n\nRuth Okonedo\nNo.\n\n"
            "Patient:      MORRIS, Daniel     DOB: 14/07/1979     Sex: M\n"
            "Date of exam: 18/11/2024 14:05     Location: MRI 2\nReferrer:     Dr R Chaudhry\n\n"
            "CLINICAL HISTORY:\n6/52 L leg pain.\n\nCONCLUSION:\n1. Left L5/S1 disc extrusion"
            " compressing the S1 root.\n\n",
            "Ab Cd Ef Gh " * 8 + "(",
        ),
        # A documentation page's source: directives with bodies, substitutions, roles,
        # field lists and titles, and a role that never closes.
        "rst markup": lambda: _two_runs(
            size,
            _INTRO,
            ".. |unit| replace:: Day Unit\n.. _target:\n\n.. note::\n   Ring the |unit|.\n\n"
            ":Version: 4.0\n:Owner: Team\n\nSee :ref:`the plan <plan>` and ``x``.\n\n"
            "#####\nTitle\n#####\n\n.. toctree::\n   page-one\n\n",
            ":ref:`" + "a " * 40,
        ),
        # An Emacs outline: settings, task headlines with tags, drawers, planning lines,
        # checkboxes, links and a table; then one headline whose tags and marks never end.
        "org markup": lambda: _two_runs(
            size,
            "#+TITLE: Back pain\n#+STARTUP: overview\n\n" + _INTRO,
            "* TODO [#A] Walk daily   :health:rehab:\n  :PROPERTIES:\n  :CREATED: [2025-01-12]"
            "\n  :END:\n  SCHEDULED: <2025-03-06 Thu>\n- [X] Walk [[https://x.org][daily]] with"
            " *care* and =ease=.\n| a | b |\n|---+---|\n| 1 | 2 |\n# a comment\n\n* DONE Walk",
            " :a:b /c =d ~e *f [[g][h",
        ),
        # A handout's AsciiDoc source: header, attributes, admonitions, a table, ordered
        # items and directives; then one line of marks and macros that never close.
        "asciidoc markup": lambda: _two_runs(
            size,
            "= Back pain\nPhysio Team\nv1.0, 2024-09-15\n:toc: left\n:ref: PIL-1\n\n" + _INTRO,
            "== Help\n\nNOTE: Rest {ref}.\n\n[CAUTION]\n====\nAsk a pharmacist.\n====\n\n"
            '.Tips\n[cols="1,3",options="header"]\n|===\n|A |B\n|C |D\n|===\n\n'
            ". *Walk* daily.\n. Rest _briefly_.\n// a note\nifdef::x[]\ninclude::y.adoc[]\n"
            "endif::[]\n\n",
            "*a _b `c {d link:e[ <<f, ",
        ),
        # A calendar: events with folded, escaped descriptions and reminders; then one
        # description folded over and over that never ends.
        "calendar events": lambda: _two_runs(
            size,
            "BEGIN:VCALENDAR\nVERSION:2.0\n",
            "BEGIN:VEVENT\nDTSTART:20250402T090000\nSUMMARY:Physio \u2013 back\nLOCATION:Le"
            "vel 2\\, Riverside\nDESCRIPTION:Walk daily.\\nChin tucks: 10 repetitions\n"
            " 3 times a day.\\nCall 999 if your legs go weak.\nBEGIN:VALARM\nTRIGGER:-PT2H\n"
            "END:VALARM\nEND:VEVENT\n",
            " a\\,\\n\\;\n",
        ),
        # A Gopher menu around a document; then one menu line whose text never ends.
        "gopher menu": lambda: _two_runs(
            size,
            "iHEALTH LINE\tfake\t(NULL)\t0\n0Wry neck\t/w.txt\thost\t70\n"
            "1Back\t/b\thost\t70\n" + _INTRO,
            "  ! Rest a little. Walk daily and keep moving.\n0Neck\t/n\thost\t70\n",
            "i! \t",
        ),
        # An HL7 message: segments of identifiers, text observations with escape
        # sequences; then one observation whose escapes never close.
        "hl7 message": lambda: _two_runs(
            size,
            "MSH|^~\\&|EPR|HRI|GP|SURG|20250402||ORU^R01|1|P|2.4\nPID|1||943^^^NHS||DOE^JO\n",
            "OBX|1|TX|ADV^Advice^L|1|Walk daily.\\.br\\Call 999 or go to A\\T\\E if your"
            " legs go weak.\\X41\\~Chin tucks: 10 repetitions.||||||F\nPV1|1|I|W^B^3\n",
            "\\.br\\T\\X4|^~&",
        ),
        # An e-reader's clippings: highlights, notes, bookmarks and a highlight taken
        # again longer; then one clipping whose text never ends.
        "kindle clippings": lambda: (
            _repeat(
                "Back Book (Doe, Jo)\n- Your Highlight on page 2 | Location 9-11 | Added on"
                " Monday\n\nWalk daily and keep moving.\n==========\nBack Book (Doe, Jo)\n- Your"
                " Note on page 2 | Location 11 | Added on Monday\n\nme!\n==========\n",
                size // 2,
            )
            + "Back Book (Doe, Jo)\n- Your Highlight on page 3 | Location 12 | Added on Monday\n\n"
            + _repeat("keep moving ", size // 2)
            + "\n==========\n"
        ),
        # A news feed: posts with HTML in CDATA; then text running on inside the channel.
        "rss feed": lambda: _two_runs(
            size,
            '<?xml version="1.0"?><rss version="2.0"><channel><title>Clinic blog</title>',
            "<item><title>Back pain</title><link>https://x.example/a</link><description>"
            "<![CDATA[<p>Walk daily. Call 999 if your legs go weak.</p>]]></description></item>",
            "keep moving &amp; ",
            "</channel></rss>\n",
        ),
        # A reference export: records with tagged fields; then one abstract whose lines
        # go on and on with no tag.
        "ris records": lambda: _two_runs(
            size,
            "",
            "TY  - JOUR\nAU  - Doe, Jo\nTI  - Back pain\nAB  - Walk daily and keep moving.\n"
            "KW  - back\nER  - \n",
            "and keep moving\n",
            "ER  - \n",
        ),
        # A record exported as YAML: nested keys, lists of mappings and block scalars;
        # then one block scalar that goes on and on.
        "yaml record": lambda: _two_runs(
            size,
            "care_plan:\n  patient_ref: RCP-1\n  diagnosis:\n    summary: |\n",
            "      Sciatica is leg pain from an irritated nerve. Walk daily.\n",
            "      keep moving: - [ & * ! |\n",
            "  red_flags:\n    - flag: numb legs\n      action: Call 999\n",
        ),
        # A screenplay: scenes, cues and speeches, notes, and a boneyard comment that
        # is never closed; then one speech that never ends.
        "fountain screenplay": lambda: _two_runs(
            size,
            "Title: Back care\nAuthor: A. Writer\n\n===\n\n",
            "INT. CLINIC - DAY\n\nANN (V.O.)\n(gently)\nCall 999 if your legs go weak."
            " [[note]]\n\nAnn waves.\n\nCUT TO:\n\n/* cut *",
            "Then the pelvic tilt. 10 times, [[twice a day. /* ",
        ),
        # A Gemini page: link lines, headings, list items and preformatted dot leaders;
        # then one preformatted line of leaders that never reaches its text.
        "gemtext page": lambda: _two_runs(
            size,
            "# Capsule\n=> gemini://a.example/ home\n=> gemini://a.example/b feed\n",
            "## Sciatica\n* Keep moving.\n> Call 999 if your legs go weak.\n```\n"
            "bird dog ....... 2 sets of 8 each side\n```\n=> gemini://a.example/c next\n",
            "side plank ...",
        ),
        # A manual page: sections over tagged paragraphs, options and files; then one
        # section's text that never ends.
        "manual page": lambda: _two_runs(
            size,
            "NECKPAIN(7)          Desk Health Manual          NECKPAIN(7)\n\nNAME\n"
            "       neckpain - neck pain at screens\n\n",
            "EXERCISES\n       chin tuck\n              Hold 5 seconds. Repeat 10 times.\n\n"
            "DEPRECATED OPTIONS\n       --collar\n              Collars are not advised.\n\n",
            "       Keep the neck moving - (",
            "\nDesk Health 2.3          2025-01-20          NECKPAIN(7)\n",
        ),
        # Job notes: banners between rules, boxes of graded help, Roman numerals,
        # lettered items in brackets, arrows and star grades, dot leaders; then one
        # banner whose closing rule never comes.
        "notes with boxes and banners": lambda: _two_runs(
            size,
            "WORKSHOP NOTES\n\n",
            "----- NOTE FROM THE OFFICE -----\n\nA neck strain is common.\n\n"
            "  (i)  Chin tucks. 10 times.\n  (ii) Shoulder rolls. 5 times.\n\n"
            "(a) prop the paper up\n(b) take breaks\n\n"
            "+--------------------+\n| GET HELP           |\n| 999: weak legs.    |\n"
            "| 111 the same day.  |\n+--------------------+\n\n"
            "  > Looking up for long spells\n  > Holding the pole\n\n"
            "*** Call 999 if you cannot pee.\n** Call 111 if feverish.\n* See a GP.\n\n"
            "-> Call 111 today.\n>> See a GP.\n\n"
            "Chin tucks ...... 10 times\nShrugs ...... 2 sets of 10\n\n",
            "----- NOTE ---- --- ----- (iv ** -> ....",
        ),
        # One block of exercises joined to their doses by dot leaders, some by a single
        # dot, with no blank line anywhere.
        "dot leaders in one block": lambda: _two_runs(
            size,
            "EXERCISES:\n",
            " Chin tucks ...... 10 times, hold 5 seconds\n",
            " Standing back extension . 5 reps after every pen\n",
        ),
        # A notification history: entries with actions, again and again; then one
        # entry whose text never ends.
        "notification history": lambda: _two_runs(
            size,
            "NotiLog export\n\n",
            "2025-03-11 07:00 | Reminders | Morning\n  Chin tucks: 10 reps.\n"
            "  Actions: [Done] [Snooze 1h]  -> Done\n\n",
            "  Call 999 if your legs go weak | [ [Tapped] -> ",
        ),
        # One exercise under its own heading, over and over; then one heading's text
        # that never ends.
        "lone exercise sections": lambda: _two_runs(
            size,
            _INTRO,
            "\nExercise: knee to chest stretch\n\nLie on your back. Hold for 20 seconds."
            " Repeat 5 times on each side.\n",
            "Lie on your back and hold 20 seconds, 5 times. ",
        ),
        "spoken sequences and record fields": lambda: (
            _INTRO
            + _repeat(
                "Right, first exercise: lying on your front, Next, a side neck stretch,"
                " Last one, for when you're out: DOB:      02/07/1941 (83y)      Sex: F"
                " Fractures of left 9th and 10th and 11th, redness: same-day call to the"
                " send the patient to ED now If in doubt, ask a the most likely cause is a"
                " sprain of a Do 10 standing back bends every morning and every arthritis,"
                " including ",
                size,
            )
            + "\n"
        ),
        "indented labelled items": lambda: (
            _INTRO + "Do these:\n" + _repeat("  Knee rolls - roll both knees:\n", size)
        ),
        "slide deck": lambda: (
            _INTRO
            + _repeat(
                "Slide 3 of 9\nKnee rolls\n- Roll: 8 each way\n- Both twice a day\n"
                "Speaker notes: Do 10.\nA. Lee | Spine Unit | 2025\n\n",
                size,
            )
        ),
        "dose counts": lambda: (
            _INTRO + "Exercises\n\nBreathing: " + _repeat("5 slow, deep ", size) + "\n"
        ),
        "one-line items": lambda: _INTRO + _repeat("- Knee hugs: 10 reps\nBoth daily.\n", size),
        "form blanks": lambda: _INTRO + _repeat("Name: ____ Date: __/__/__ ", size) + "\n",
        "column gaps": lambda: _INTRO + _repeat("Ref: AB1   Tel: 01632 960 000   \n", size),
        "footnote markers": lambda: _INTRO + "Rest" + _repeat(".[1]", size) + "\n",
        "slide footers": lambda: (
            _INTRO + _repeat("Slide 2 of 9\nPain eases.\nAnn Lee | Spine Unit | 1 May 2025\n", size)
        ),
        "hashtags": lambda: _INTRO + _repeat("#back ", size) + "\n",
        # Dictated text: spoken marks one after another, then a run of spaces before one.
        "spoken punctuation": lambda: _two_runs(
            size, _INTRO, "pain full stop comma open brackets new paragraph ", " ", "full stop\n"
        ),
        # An RTF document: nested groups that never close, then escapes and paragraphs.
        "rtf groups": lambda: _two_runs(
            size,
            "{\\rtf1\\ansi Back pain\\par Back pain is common.\\par ",
            "{\\b ",
            "\\'e9\\par\n",
            "}",
        ),
        # A mail thread: thousands of headers and quoted lines, then a "wrote" that never
        # ends.
        "mail thread": lambda: _two_runs(
            size,
            "",
            "From: Sam\nSent: 3 May\n> quoted\nKind regards,\nSam\n\n",
            "On 3 May at 20:47, Sam ",
        ),
        # A table laid out in columns under a rule of dashes: thousands of rows, then a
        # rule of thousands of dash runs over rows of its own.
        "column table": lambda: _two_runs(
            size,
            "NAME          DOSE\n------------  ------\n",
            "Paracetamol   2 tablets\n",
            "\n\nA B\n" + "--- " * 2000 + "\n" + "x y\n" * 50,
        ),
        # Lines marked for attention, each a sentence, then one marked line that never
        # ends a sentence.
        "attention marks": lambda: _two_runs(
            size,
            "WHEN TO GET HELP\n",
            "   !! Call 999 if you cannot feel your legs.\n",
            "   !! and ",
        ),
        # In one paragraph, an exercise with no count, then names as sentences of their
        # own that never get one, then names each with its count.
        "name sentences": lambda: _two_runs(
            size,
            "Exercises\nKnee rolls: lie on your back and let your knees fall. ",
            "Seated rotation. Arms crossed, turn each way. ",
            "Thread the needle. Slide the arm under. 10 each way. ",
        ),
        # A routine's lead line over dot-leader lines, each going on after a comma, then
        # one dot-leader line whose text never ends.
        "leader routine": lambda: _two_runs(
            size,
            "Breathing routine, twice a day:\n",
            "  Deep breaths ...... 5 slow breaths,\n  hold each 3 seconds\n",
            "  Supported cough ........ 2 coughs, ",
        ),
        # Numbered sections in capitals, each over a question heading and its text.
        "numbered capitals": lambda: (
            _INTRO
            + _repeat(
                "1. NEW STOCK\nForty new titles came.\n\nWhat is it?\nA ring of bone.\n\n", size
            )
        ),
        # Terms in capitals glossed in brackets that never close, and clauses saying when
        # after names in list items.
        "glossed capitals": lambda: (
            _INTRO + _repeat("home with a BROKEN BREASTBONE (sternal fracture after hits ", size)
        ),
        "when clauses": lambda: _two_runs(
            size,
            "Treatment is:\n",
            "  * heat packs while the pain is bad\n",
            "  * ice while while while until ",
        ),
        # A lead, then lines each labelled in capitals, then one label that never ends.
        "capital labels": lambda: _two_runs(
            size,
            "Red flags for the team sheet:\n",
            "  A&E SAME DAY: the arm swells.\n  GP/PHYSIO: ache for over a week.\n",
            "  GP TODAY / 111 - ",
        ),
        # One dot-leader item going on over thousands of lines, each ending in a comma.
        "leader continuations": lambda: (
            "Routine, twice a day:\n  Deep breaths ...... 5 slow breaths,\n"
            + _repeat("  hold each 3 seconds,\n", size)
            + "  Supported cough ...... 2 coughs\n"
        ),
        # Labels in capitals set in a column before their text, each going on on the next
        # line, then one label whose text never starts.
        "label column": lambda: _two_runs(
            size,
            "GET HELP:\n",
            "  999 NOW    Numbness around your bottom or\n             your legs.\n",
            "  GP TODAY   ",
        ),
        # A two-column table under a header naming the dose, then one row never ending.
        "dose columns": lambda: _two_runs(
            size,
            "Home programme:\n\nEXERCISE                   REPS / HOLD\n",
            "Chin tucks                 10 x hold 5 sec\n",
            "Wall slides                ",
        ),
        # Lettered parts, each a heading over its text.
        "lettered parts": lambda: (
            _INTRO + _repeat("(a) The muscle\nA thin, flat muscle over the lower ribs.\n\n", size)
        ),
        # Terms in capitals inside sentences, line after line, in one paragraph.
        "capital terms": lambda: (
            _INTRO + _repeat("in every case it was a SHOULDER BLADE STRAIN or a COLD SHED\n", size)
        ),
        # A table laid out in columns with no rule: a header, thousands of rows, then one
        # row of cells that never ends.
        "aligned table": lambda: _two_runs(
            size,
            "EXERCISES\n  EXERCISE      HOLD         REPS\n",
            "  Pelvic tilts  -            10 each side\n",
            "  Knee rolls    ",
        ),
        # Captions without punctuation, read line by line, then one line of a channel's
        # pleas that never ends.
        "caption lines": lambda: _two_runs(
            size, "", "0:12 keep moving and walk a little every day\n", "hit that like button "
        ),
        # A mail thread with blank lines kept, then messages each under a subject header:
        # whether text came before a subject is known, never looked for again.
        # Runs of spaces before markers that open a chat, citation or translator's note
        # pattern, none of them completed.
        "spaced markers": lambda: (
            _INTRO
            + "Rest"
            + "".join(
                " " * (size // 8) + marker
                for marker in ("[tn", ":wave", "(@fig", "[@", "{{ a", "<break t", "[intent")
            )
            + " " * (size // 5)
            + "\u00b7 10:14 AM well.\n"
        ),
        # Two columns side by side, split by "|" at one place: thousands of lines.
        "side by side": lambda: (
            _INTRO + _repeat("Sit on a wedge cushion.   | Sitzen Sie auf einem Kissen.\n", size)
        ),
        # A sheet saved as CSV: thousands of padded records, a table's and a label's.
        "sheet rows": lambda: _two_runs(
            size,
            "Back pain,,,\nBack pain is common.,,,\nExercise,Sets,Reps,\n",
            'Bridge,2,10,"Lift, hold"\n',
            ',"Stop if it hurts, and rest.",,\n',
        ),
        # A text browser's dump: thousands of numbered links, form lines and references.
        "link numbers": lambda: (
            _INTRO
            + "   * [1]Home\n   * [2]Health\n   * [3]Contact\n"
            + "".join(f"Rest [{n}]well (____) [Search]\n" for n in range(4, 4 + size // 64))
            + _repeat("Walk" + " " * 64 + "[6" + " " * 64 + "(_", size // 2)
            + "\n\nReferences\n\n   1. https://a.example/\n   2. https://b.example/\n"
        ),
        # A video script: thousands of directions and speakers, then runs of spaces before
        # unfinished directions and timings.
        "script directions": lambda: _two_runs(
            size,
            _INTRO + "[A-ROLL: a]\n(SFX: b)\nON-SCREEN TEXT: c\n",
            "[B-ROLL: desk]\n(SFX: ding)\nSAM (VO): Rest well.\nSCENE 2 (0:05-0:30)\n",
            "Walk" + " " * 64 + "(SFX" + " " * 64 + "[A-ROLL" + " " * 64 + "(0:05-",
            "\n",
        ),
        # A scanned page: thousands of misread words and specks, one endless misread
        # word, a line of thousands of boxes to tick and fax lines with page counts.
        "scanned page": lambda: _two_runs(
            size,
            _INTRO + "Hosp1tal inforrnation is norrnal.\n",
            "The o1d trernor is gratefu1 MEDlCAL. P.001/003\n .' ,\n[ ] Yes [X] No\n",
            "rn1" * 64 + " [ ] a" * 32 + " \n",
        ),
        # One header block of thousands of lines of every kind, some folded, then text.
        "mail headers": lambda: _two_runs(
            size,
            "From: Sam\nSubject: Re: [list] Neck\n",
            "X-Mailer: a\nIn-Reply-To: <b@c>\n continued\n",
            "Subject: Re: [" + "x" * 30 + "] [",
            "\n\nIt aches.\n",
        ),
        "mail subjects": lambda: _two_runs(
            size,
            "From: Sam\nSent: 3 May\n\n",
            "\n",
            "It aches.\nFrom: Sam\nSubject: Neck\n",
        ),
        # Quoted-printable text: escapes and soft breaks, then a run of "=" signs.
        "quoted printable": lambda: _two_runs(size, _INTRO, "It=E2=80=99s bet=\nter.=20\n", "="),
        # A LaTeX source: commands whose braces never close, then bare items.
        "latex commands": lambda: _two_runs(
            size,
            "\\documentclass{article}\\begin{document}\\section{Back pain}Back pain is common.\n",
            "\\textbf{\\emph{rest ",
            "\\item $x ",
        ),
        # A timed transcript: thousands of turns, then one stamp that never ends.
        "transcript turns": lambda: _two_runs(
            size, "", "[10:04] DR LEE (GUEST): Walk daily.\n[10:05] [JINGLE]\n", "[10:04] "
        ),
        # A chat export: thousands of stamped messages with lists typed on one line, a
        # message that never ends in words and emoji, one that goes on for thousands of
        # lines, a stamp with no colon after it.
        "chat export": lambda: (
            _repeat("[12/03/2026, 09:14] Sam: 1) a 2) b 3) c\n", size // 4)
            + "[12/03/2026, 09:15] Jo: "
            + _repeat("walk 👍 ", size // 4)
            + "\n[12/03/2026, 09:15] Jo: rest\n"
            + _repeat("and more\n", size // 4)
            + "[12/03/2026, 09:16] "
            + _repeat("Jo Jo ", size // 4)
            + "\n"
        ),
        # Joining words before a cause, a name written as a sentence of its own.
        "joining words": lambda: (
            _INTRO
            + "WHY DOES IT HAPPEN?\n\n"
            + _repeat("So ", size // 2)
            + "disc wear is the main cause.\n\n"
            + _repeat("Weak ", size // 2)
            + "bones. Osteoporosis weakens them.\n"
        ),
        # A table typed with tabs, then one row that never ends.
        "tab table": lambda: _two_runs(
            size,
            "Exercises, three times a day\n\nEXERCISE\tHOW MANY\tHOLD\n",
            "Table slide\t10\t5 seconds\n",
            "Pendulum swing\t",
        ),
        # Labels set between stars, then a run of stars never closed.
        "starred labels": lambda: _two_runs(
            size,
            _INTRO + "Q: When should I get help?\n\n",
            "   *** 999 / A&E ***  A fall on the bank and you cannot stand.\n",
            "*** ",
        ),
        # Items numbered in brackets, lettered items with doses in square brackets after
        # dot leaders, and a bracket never closed.
        "bracketed items": lambda: (
            _INTRO
            + "What treatments are there?\n"
            + _repeat("  (1) Rest from lifting\n  (2) Ice\n", size // 3)
            + "\nExercises (twice a day)\n"
            + _repeat(
                "  (a) Pendulum swing ........ [10 swings]\n  (b) Neck stretch [x3]\n", size // 3
            )
            + "  (c) Arm raise "
            + _repeat("[x10 ", size // 3)
            + "\n"
        ),
        # Headings numbered in Roman numerals, clause-numbered exercises and one clause
        # number that never ends.
        "roman and clause numbers": lambda: (
            _INTRO
            + _repeat("III. WHY IT HAPPENS\n\nIt happens.\n\n", size // 3)
            + _repeat("9.5.2 Heel slides: slide the heel, 15 times.\n\n", size // 3)
            + _repeat("9.5.", size // 3)
            + " Rest\n"
        ),
        # A two-column dose table whose rows are set a blank line apart, then labels in
        # square brackets, and one bracket never closed.
        "spaced rows and bracket labels": lambda: (
            _INTRO
            + "EXERCISE                  DOSE\n"
            + _repeat("Tabletop slide            10 times\n\n", size // 3)
            + "GET HELP\n"
            + _repeat("[999]     Go to A&E if it comes out of joint.\n", size // 3)
            + "["
            + _repeat("GP ", size // 3)
            + "\n"
        ),
        # A printed page's words broken across lines, and one endless broken word.
        "broken words": lambda: (
            _INTRO
            + _repeat("degen-\nerative spi-\nnal ", size // 2)
            + _repeat("a", size // 2)
            + "-\nb\n"
        ),
    }
    return builders[name](), "shape.txt"


def _markdown(name: str, size: int) -> tuple[str, str]:
    builders = {
        "headings": lambda: (
            "# Back pain\n\nIt is common.\n\n"
            + _repeat("## Causes of back pain\n\nPoor posture can strain the back.\n\n", size)
        ),
        "list items": lambda: (
            "# Back pain\n\nCauses include:\n\n" + _repeat("- muscle strain from lifting\n", size)
        ),
        # List items naming a footnote whose text is their dose, then one marker that
        # never closes.
        "footnoted items": lambda: (
            "# Back pain\n\n## Exercises\n\n"
            + "".join(f"{i}. Glute bridge[^{i}]\n" for i in range(1, size // 60))
            + "\n"
            + "".join(f"[^{i}]: 2 sets of 12.\n" for i in range(1, size // 60))
            + "- Bridge[^"
            + _repeat("x", size // 4)
            + "\n"
        ),
        # Exercises named without bold over nested doses, asides after a comma, and
        # exercises told in prose after "For".
        "plain names and asides": lambda: (
            "# Back pain\n\n### Exercises\n\n"
            + _repeat("+ Slow elbow curls\n  + with a bag of sugar\n  + 3 sets of 12\n", size // 3)
            + "- Rock back"
            + _repeat(", on your front", size // 3)
            + " — 10 reps\n\n"
            + _repeat("For the butterfly stretch, hold 30 seconds, five times.\n\n", size // 3)
        ),
        # Exercises named in bold over nested lists of their details.
        "nested details": lambda: (
            "# Back pain\n\n### Stretches\n\n"
            + _repeat("+ **Wall angels**\n  + slide your arms up\n  + 8 slow repetitions\n", size)
        ),
        "table": lambda: (
            "# Back pain\n\nIt is common.\n\n| Symptom | Possible cause |\n|---|---|\n"
            + _repeat("| stiff lower back | poor posture |\n", size)
        ),
        "markdown brackets": lambda: "# Back pain\n\nRest " + _repeat("[a](", size) + "\n",
        # A channel's export: message headers, reply quotes, reactions, and a header that
        # never gets its time.
        "message headers": lambda: _two_runs(
            size,
            "# Back pain\n\n",
            "**cellocarl** \u00b7 14/01/2025 19:58\n\u21aa *Replying to* **viola**: Anyone\n"
            "Same here.\n\n\u2705 23 \u00b7 \u274c 4\n\n",
            "**a b c d e f** \u00b7 14/01/2025 ",
        ),
        # A Markdown transcript: thousands of turns, then a label in capitals that never ends.
        "markdown turns": lambda: _two_runs(
            size, "# Back pain\n\n", "**[00:01:40] DR LEE (GUEST):** Walk daily.\n\n", "[00:01] AB"
        ),
        # Notes-app and documentation-site markup: wiki links, half-open ones, block ids,
        # callouts, admonitions with their indented bodies, attribute lists.
        "site markup": lambda: (
            "# Back pain\n\nIt is common. ^id1\n\n"
            + _repeat("Walk [[Daily walks|daily]] and ![[x.png]] rest. ^b2\n", size // 4)
            + _repeat("[[{{< {% [^", size // 4)
            + "\n\n"
            + _repeat('!!! warning "Take care"\n    Do not lift.\n\n', size // 4)
            + _repeat("> [!NOTE]\n> Rest :a-b: {: .x }\n\n", size // 4)
            + "\n"
        ),
        # The same runs of spaces in Markdown, where citations are read.
        "spaced citations": lambda: (
            "# Back pain\n\nIt is common.\n\nRest"
            + "".join(" " * (size // 4) + marker for marker in ("[@", "(see @fig-", "[tn"))
            + " " * (size // 4)
            + "@a well.\n"
        ),
        # A Pandoc grid table of thousands of bordered rows, each wrapped over two lines,
        # then one row of thousands of lines.
        "wrapped grid": lambda: _two_runs(
            size,
            "# Back pain\n\nIt is common.\n\n+------+------+\n| Name | Note |\n+======+======+\n",
            "| Heat | Eases|\n|      | pain |\n+------+------+\n",
            "| Rest | a    |\n",
            "+------+------+\n",
        ),
        # MyST: thousands of directives, targets, comments and roles, then runs of
        # backticks and braces that never close.
        "myst directives": lambda: _two_runs(
            size,
            "(top)=\n# Back pain\n\nIt is common.\n\n",
            "```{note}\n:class: tip\nRest {term}`well`.\n```\n(a)=\n% c\n",
            "{term}`" + "x" * 64 + "{ref}" + "`" * 64,
            "\n",
        ),
        # An outliner's page: thousands of blocks with properties, tasks, references and
        # tags, then runs of spaces before unfinished references and tags.
        "outline blocks": lambda: _two_runs(
            size,
            "title:: Back pain\nalias:: lumbago\n\n",
            "- TODO a\n  collapsed:: true\n- ## Rest\n\t- Rest ((64f1c2a9-3b7e)) #tag\n",
            "\t- Walk" + " " * 64 + "((64f1c2a9-3b7e)" + " " * 64 + "#",
            " well.\n",
        ),
        # An outliner's page with a run of spaces before an unfinished block reference.
        "spaced references": lambda: (
            "title:: Back pain\nalias:: lumbago\n\n- Rest"
            + " " * (size // 2)
            + "((64f1c2a9-3b7e"
            + " " * (size // 2)
            + "# well.\n"
        ),
        # A team chat: names that never reach a time, stamps, reactions and emoji codes
        # that never close.
        "chat stamps": lambda: (
            "# Back pain\n\nIt is common.\n\n"
            + _repeat("**Sam Lee** \u00b7 Tue ", size // 4)
            + "\n\n"
            + _repeat("> **Sam** \u00b7 10:14 AM\n> Walk daily :+1: 3 :ok\n", size // 4)
            + _repeat(":eyes: 1 ", size // 4)
            + "\n\n"
            + _repeat("Rest a \u00b7 b. ", size // 4)
            + "\n"
        ),
        # Pandoc citations and cross-references without an end, then closed ones, on one
        # line; then an executable code chunk that never closes.
        "citations": lambda: (
            "# Back pain\n\nIt is common.\n\nRest "
            + _repeat("[see @a-b, p ; (see @fig-", size // 3)
            + _repeat(" [@a; @b] (@fig-x)", size // 3)
            + "\n\n```{r}\n"
            + _repeat("#| label: x\n", size // 3)
        ),
        # A causes section: one endless sentence of harm verbs, then many short ones.
        "harm in causes": lambda: (
            "# Back pain\n\nIt is common.\n\n## Causes\n\nLong drives "
            + _repeat("can often also put extra stress on and strain ", size // 2)
            + "the back.\n\n"
            + _repeat("Heavy lifting and long drives both strain the back. ", size // 2)
            + "\n"
        ),
        # Social posts, wiki and form furniture: a hashtag run that does not end the
        # paragraph, counters, handles, checkboxes, property lines, origins of a cause.
        "post furniture": lambda: (
            "# Back pain\n\nTags: back\nCreated: 1 May 2025\nOwner: Sam\n"
            + _repeat("Status: draft\n", size // 6)
            + "\n## Causes\n\nIt comes from "
            + _repeat("a strain, ", size // 6)
            + "a fall.\n\nWalk daily."
            + _repeat(" #a", size // 6)
            + " x 1/2\n\n"
            + _repeat("Jo @jo · 3 Jun ☐ a ☐ b ", size // 6)
            + "\n\nCreated by Jo, last updated by "
            + _repeat("Jo ", size // 6)
            + "\n\nClose contact with someone who "
            + _repeat("is with someone who ", size // 6)
            + "has TB.\n"
        ),
        # Bold label lines over their text, thousands of them, then a bold run that never
        # closes.
        "bold labels": lambda: _two_runs(
            size, "# Back pain\n\n", "> **Heat:**\n> A warm wheat bag eases it.\n", "**a_*"
        ),
        "exercise table": lambda: (
            "# Back pain\n\nIt is common.\n\n## Your exercises\n\nBoth twice a day.\n\n"
            "| Exercise | How to do it | Sets | Reps | Hold |\n|---|---|---|---|---|\n"
            + _repeat("| Knee roll | Roll both knees. | 2 | 10 each side | 5 seconds |\n", size)
        ),
    }
    return builders[name](), "shape.md"


def _html(name: str, size: int) -> tuple[str, str]:
    builders = {
        # A list of steps, each holding a heading and the next list of steps.
        "nested steps": lambda: (
            _HTML_INTRO
            + "<ol><li><span>1</span><h3>Step</h3><p>Walk daily.</p>" * (size // 52)
            + "</li></ol>" * (size // 52)
            + "</body></html>"
        ),
        # Printed lines converted to HTML: thousands of placed lines on pages, then placed
        # elements nested in one another, each holding the next.
        "placed lines": lambda: (
            '<html><head><meta name="generator" content="pdf2htmlEX"/></head><body>'
            + _repeat(
                '<div class="pf"><div class="t ff1 fs0">Back pain is common and it often'
                ' settles.</div><div class="t ff2 fs2">Causes</div></div>',
                size // 2,
            )
            + '<div style="position:absolute">' * (size // 64)
            + "Walk daily."
            + "</div>" * (size // 64)
            + "</body></html>"
        ),
        # Thousands of tabs, each naming its hidden panel, then figure captions numbered
        # and one caption that never ends.
        "tab panels": lambda: (
            _HTML_INTRO
            + "".join(
                f'<button role="tab" aria-controls="p{i}">Exercises</button>'
                f'<section role="tabpanel" id="p{i}" hidden><p>Walk daily.</p></section>'
                for i in range(size // 200)
            )
            + _repeat(
                "<figure><figcaption>Fig. 1. Wall press: 10 times.</figcaption></figure>", size // 3
            )
            + "<figcaption>Fig. 2. "
            + _repeat("Fig. ", size // 6)
            + "</figcaption></body></html>"
        ),
        # An exercise sheet in a code block, then lines joined by <br> each naming an
        # exercise and its count, and one line whose name never ends.
        "code blocks and counted lines": lambda: (
            _HTML_INTRO
            + "<pre>"
            + _repeat("HEEL SLIDE ............ 3x10\nCLAM ..... 10/side, 5s hold\n\n", size // 3)
            + "</pre><p>"
            + _repeat("Band rows – 3x12<br>Wall press – 2x10<br>Go slowly<br>", size // 6)
            + _repeat("Band outward rotation – 3x12<br>", size // 6)
            + _repeat("Wall ", size // 3)
            + "– 2x10</p></body></html>"
        ),
        # Opening paragraphs full of terms in bold inside sentences, the last of them one
        # paragraph of such terms that never ends.
        "bold terms": lambda: (
            _HTML_INTRO
            + "<p>It is most likely <b>thoracic strain</b> again.</p>" * 6
            + _repeat("so it is <b>gym class</b> and <strong>cold weather</strong> ", size)
            + "</body></html>"
        ),
        "nested elements": lambda: (
            _HTML_INTRO
            + "<div>" * (size // 11)
            + "<p>Walk daily.</p>"
            + "</div>" * (size // 11)
            + "</body></html>"
        ),
        # Accordion toggles, each panel holding headings and the next toggle and panel.
        "nested toggles": lambda: (
            _HTML_INTRO
            + '<button aria-expanded="false">Causes</button><div hidden><h3>Strain</h3>'
            * (size // 72)
            + "<p>Walk daily.</p>"
            + "</div>" * (size // 72)
            + "</body></html>"
        ),
        # Headings never closed, each holding the next; articles, each holding the next.
        "nested headings": lambda: (
            _HTML_INTRO
            + "<h1>Step " * (size // 9)
            + "<p>Walk daily.</p>"
            + "</h1>" * (size // 9)
            + "</body></html>"
        ),
        "nested articles": lambda: (
            _HTML_INTRO
            + "<article><h2>Part</h2>" * (size // 22)
            + "<p>Walk daily.</p>"
            + "</article>" * (size // 22)
            + "</body></html>"
        ),
        "line breaks": lambda: _HTML_INTRO + "<p>Rest" + _repeat("<br>", size) + "well.</p>",
        "html table": lambda: (
            _HTML_INTRO
            + "<table><tr><th>Symptom</th><th>Cause</th></tr>"
            + _repeat("<tr><td>stiff back</td><td>poor posture</td></tr>", size)
            + "</table></body></html>"
        ),
        "nested tables": lambda: (
            _HTML_INTRO
            + "<table><tr><td>" * (size // 30)
            + "Walk daily."
            + "</td></tr></table>" * (size // 30)
            + "</body></html>"
        ),
        "many paragraphs": lambda: (
            _HTML_INTRO
            + _repeat("<p>Gentle exercise helps. Rest when needed.</p>", size)
            + "</body></html>"
        ),
        "unclosed marked sections": lambda: (
            _HTML_INTRO + "<p>Rest " + _repeat("<![x ", size) + "well.</p></body></html>"
        ),
    }
    return builders[name](), "shape.html"


#: Shape name -> builder of ``(text, file name)`` of about ``size`` characters.
#: Word documents: one unit of each shape's body, repeated.
_WORD_UNITS = {
    # One paragraph of thousands of runs, bold and plain in turn.
    "word runs": lambda count: [("p", "**Rest** well " * count)],
    # Thousands of list items stepping down and up three levels.
    "word list levels": lambda count: [
        ("bullet", "Walk daily", level) for _ in range(count) for level in (0, 1, 2, 1)
    ],
    # A table of thousands of rows.
    "word table": lambda count: [("table", [["Pelvic tilt", "Ten times"]] * count)],
}


def _word(name: str, size: int) -> tuple[bytes, str]:
    """A Word document whose body is about ``size`` bytes, stored uncompressed (so its XML
    is about ``size`` too, within the size limit as it unpacks); the parts every document
    has (styles, numbering) come on top."""
    units = _WORD_UNITS[name]
    intro = [("Title", "Back pain"), ("p", "Back pain is common and usually gets better.")]

    def build(count: int) -> bytes:
        return word_document(intro + units(count), compression=zipfile.ZIP_STORED)

    one = len(build(1)) - len(build(0))
    return build(max(1, size // max(one, 1))), f"{name.replace(' ', '-')}.docx"


#: PDFs: each shape's pages at about ``size`` bytes of content.
_PDF_PAGES = {
    # One line of text a whole page long, and longer.
    "pdf long line": lambda size: [["Back pain usually eases, keep moving. " * (size // 38)]],
    # Thousands of pages of one line each.
    "pdf pages": lambda size: [["Keep moving gently."] for _ in range(max(1, size // 290))],
    # Thousands of headings set larger than the text between them.
    "pdf headings": lambda size: [
        [(f"Section {page}.{n}", 18) if n % 2 else "Keep moving gently." for n in range(40)]
        for page in range(max(1, size // 2200))
    ],
    # Thousands of items indented under a lead, some bulleted, in bold and plain.
    "pdf items": lambda size: [
        [("Self-help", 16), "What helps:"]
        + [("  \u2022 Walk daily", 11, "bold") if n % 3 else "     gentle walks" for n in range(40)]
        for page in range(max(1, size // 2400))
    ],
    # Pages in two columns, a heading over both now and then.
    "pdf columns": lambda size: [
        [
            ("Section", 16) if n % 10 == 0 else f"Walk daily, {n}. || Rest a little, {n}."
            for n in range(25)
        ]
        for page in range(max(1, size // 2600))
    ],
    # A table of thousands of rows, each cell wrapped onto a second line.
    "pdf table": lambda size: [
        [
            "Knee hug || Hug one knee to your chest || 2 || 10"
            if n % 2 == 0
            else " || and hold it there. || || "
            for n in range(10)
        ]
        for page in range(max(1, size // 1650))
    ],
    # Pages of fifty lines each.
    "pdf lines": lambda size: [
        [f"Back pain usually eases, keep moving. {page}.{line}" for line in range(50)]
        for page in range(max(1, size // 3600))
    ],
}


def _pdf(name: str, size: int) -> tuple[bytes, str]:
    """A PDF of about ``size`` bytes, its streams uncompressed."""
    pages = [["Back pain", "", "Back pain is common and usually gets better."]]
    return pdf_document(pages + _PDF_PAGES[name](size)), f"{name.replace(' ', '-')}.pdf"


SHAPES = {
    **{
        name: _text
        for name in (
            "dots",
            "escaped ampersands",
            "brackets",
            "spaces",
            "newlines",
            "one long line",
            "long word",
            "numeric entities",
            "subtitle cues",
            "cause clauses",
            "pipe table",
            "grid table",
            "rules under fields",
            "text boxes",
            "pipes",
            "odd letters",
            "indented colon lines",
            "indented labelled items",
            "speaker labels",
            "speaker roles",
            "cover and forum lines",
            "membership and blanks",
            "comments and running heads",
            "triage arrows and labels",
            "spoken sequences and record fields",
            "debate and report lines",
            "rst markup",
            "org markup",
            "asciidoc markup",
            "calendar events",
            "gopher menu",
            "hl7 message",
            "kindle clippings",
            "rss feed",
            "ris records",
            "yaml record",
            "lone exercise sections",
            "fountain screenplay",
            "gemtext page",
            "manual page",
            "notes with boxes and banners",
            "dot leaders in one block",
            "notification history",
            "full-width stops",
            "chinese sentences",
            "slide deck",
            "dose counts",
            "one-line items",
            "form blanks",
            "column gaps",
            "footnote markers",
            "slide footers",
            "hashtags",
            "spoken punctuation",
            "latex commands",
            "quoted printable",
            "mail thread",
            "mail subjects",
            "mail headers",
            "spaced markers",
            "side by side",
            "sheet rows",
            "link numbers",
            "script directions",
            "scanned page",
            "caption lines",
            "column table",
            "aligned table",
            "capital terms",
            "attention marks",
            "name sentences",
            "lettered parts",
            "leader routine",
            "numbered capitals",
            "glossed capitals",
            "when clauses",
            "capital labels",
            "label column",
            "leader continuations",
            "dose columns",
            "rtf groups",
            "transcript turns",
            "broken words",
            "chat export",
            "joining words",
            "tab table",
            "starred labels",
            "bracketed items",
            "roman and clause numbers",
            "spaced rows and bracket labels",
        )
    },
    **{
        name: _markdown
        for name in (
            "nested details",
            "plain names and asides",
            "footnoted items",
            "headings",
            "list items",
            "table",
            "markdown brackets",
            "message headers",
            "markdown turns",
            "site markup",
            "harm in causes",
            "citations",
            "chat stamps",
            "spaced citations",
            "wrapped grid",
            "myst directives",
            "outline blocks",
            "spaced references",
            "exercise table",
            "post furniture",
            "bold labels",
        )
    },
    **{
        name: _html
        for name in (
            "placed lines",
            "nested elements",
            "nested toggles",
            "nested headings",
            "nested articles",
            "bold terms",
            "line breaks",
            "html table",
            "nested tables",
            "nested steps",
            "many paragraphs",
            "unclosed marked sections",
            "tab panels",
            "code blocks and counted lines",
        )
    },
    **{name: _word for name in _WORD_UNITS},
    **{name: _pdf for name in _PDF_PAGES},
}


def shape(name: str, size: int) -> tuple[bytes, str]:
    """The bytes and file name of shape ``name`` at about ``size`` bytes."""
    text, filename = SHAPES[name](name, size)
    return (text if isinstance(text, bytes) else text.encode("utf-8")), filename
