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
