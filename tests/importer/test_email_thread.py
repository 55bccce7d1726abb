"""Mail threads: the messages without headers, device lines, quoted earlier messages and
signatures."""

from back_health.importer.email_thread import is_thread, read_email_thread
from back_health.importer.pipeline import analyse

THREAD = """\
From: Sam Hill
Sent: 3 May 2025 20:47
To: Spine Nurses

My neck has locked since Saturday. Should I worry?

Sent from my iPhone
------------------------------------------------------------

From: Ana Cole, Spinal Nurse
Sent: 4 May 2025 09:10
Subject: RE: Neck

Hi Sam,

It sounds like acute wry neck. The muscles at the side of the neck go into spasm.
Keep your neck moving gently and take paracetamol regularly.

Kind regards,
Ana Cole RN
Spinal Nurse, Lakeside Spinal Unit
Tel 01632 960 000 (Mon-Fri)

> On 3 May 2025 at 20:47, Sam Hill wrote:
> My neck has locked since Saturday. Should I worry?
"""


def test_a_thread_keeps_its_messages_and_drops_the_mail_around_them():
    text, dropped = read_email_thread(THREAD)
    assert "It sounds like acute wry neck." in text
    assert "My neck has locked since Saturday." in text
    assert text.count("My neck has locked") == 1  # the quoted copy is gone
    for chrome in ("From:", "Sent from my iPhone", "Kind regards", "Tel 01632", "wrote:"):
        assert chrome not in text
    reasons = {reason for reason, _ in dropped}
    assert {"chrome: e-mail header", "chrome: e-mail signature"} <= reasons


def test_text_that_is_no_thread_is_left_alone():
    text = "Neck pain\n\nTo: be read by patients.\n\nThanks\nThe clinic team\n"
    assert not is_thread(text.split("\n"))
    assert read_email_thread(text) == (text, [])


def test_a_thread_imports_as_the_advice_it_carries():
    plan = analyse(THREAD.encode(), "thread.txt")
    assert plan.pages[0].title == "Acute wry neck"
    text = " ".join(str(block.value) for page in plan.pages for block in page.blocks)
    assert "Lakeside Spinal Unit" not in text and "Sent from" not in text


SCHOOL_EMAIL = """\
From: Claire Hale <c.hale@school.example>
To: Mr and Mrs Reid <reid.family@mail.example>
Date: Tue, 18 Nov 2025 16:42
Subject: RE: FW: Sam - back strain and PE

[EXTERNAL] This message came from outside your organisation. Be careful with links.

Dear Mr and Mrs Reid,

Sam has a lumbar muscle strain from the tackle on Saturday. Most back strains in
teenagers settle within 2 to 4 weeks. Keep him gently active.

Kind regards,

Claire Hale MCSP
Chartered Physiotherapist, Sports Injury Clinic
Hillside Academy PE Department | Ext. 2214

This email and any attachments are confidential and intended for the named recipient only.
"""


def test_the_first_messages_subject_is_the_threads_title_without_reply_marks():
    text, _dropped = read_email_thread(SCHOOL_EMAIL)
    assert text.startswith("Sam - back strain and PE\n\n")


def test_a_subject_below_message_text_is_no_title():
    text, _dropped = read_email_thread(THREAD)  # its only subject heads the reply
    assert not text.lstrip().startswith("Neck")


def test_a_signature_after_a_blank_line_below_the_sign_off_is_dropped():
    text, dropped = read_email_thread(SCHOOL_EMAIL)
    assert "Chartered Physiotherapist" not in text and "Ext. 2214" not in text
    assert ("chrome: e-mail signature", "Claire Hale MCSP") in dropped
    assert "Most back strains in" in text


def test_a_school_email_imports_under_its_subject_without_mail_chrome():
    plan = analyse(SCHOOL_EMAIL.encode(), "email.txt")
    assert plan.pages[0].title == "Back strain"
    text = " ".join(str(block.value) for page in plan.pages for block in page.blocks)
    for chrome in ("EXTERNAL", "outside your organisation", "confidential", "Sports Injury"):
        assert chrome not in text


LIST_REPLY = """\
From: Gwen Lloyd <gwen@example.net>
To: riders@lists.example.org
Subject: Re: [riders] Ache in the buttock after long rides
Date: Tue, 8 Apr 2025 21:47:12 +0100
Message-ID: <a7c2e9f1@example.net>
In-Reply-To: <20250408151122@example.com>
X-Mailer: Thunderbird 128.8
References: <20250408090211@example.com>
 <20250408151122@example.com>

> Is it my saddle?

What you describe fits piriformis syndrome quite well. The muscle lies deep in the
buttock over the sciatic nerve. It can look like sciatica from a disc in the back.
"""


def test_every_header_line_of_a_message_s_header_block_goes_and_the_list_tag_too():
    text, dropped = read_email_thread(LIST_REPLY)
    for header in ("Message-ID", "In-Reply-To", "X-Mailer", "References", "20250408151122"):
        assert header not in text
    assert text.startswith("Ache in the buttock after long rides\n")  # no "[riders]"
    assert "What you describe fits piriformis syndrome quite well." in text
    assert ("chrome: e-mail header", "X-Mailer: Thunderbird 128.8") in dropped


def test_a_line_like_a_header_after_the_header_block_stays():
    text, _ = read_email_thread(LIST_REPLY.replace("> Is it", "Note: keep riding short.\n\n> Is"))
    assert "Note: keep riding short." in text


def test_an_untitled_reply_is_about_the_condition_it_names_first_not_the_words_before_it():
    plan = analyse(LIST_REPLY.encode(), "reply.txt")
    # Each named once: the first named wins, and "describe fits" is no part of its name.
    assert plan.pages[0].title == "Piriformis syndrome"
