"""Chat exports: the messages of whoever carries the conversation, without stamps,
senders, app notices, placeholders or the others' chatter."""

from back_health.importer.chat import is_chat, read_chat
from back_health.importer.pipeline import analyse
from back_health.importer.plan import Action, Kind

CHAT = """\
[03/05/2026, 18:01] Messages and calls are end-to-end encrypted.
[03/05/2026, 18:02] Ana Ruiz created group "Tuesday Netball"
[03/05/2026, 18:04] Ana Ruiz: Anyone free for extra practice Thursday?
[03/05/2026, 18:05] Tom Hale: Not me, my neck has locked since Saturday's match
[03/05/2026, 18:05] Tom Hale: <Media omitted>
[03/05/2026, 18:09] Priya Nair: That sounds like acute wry neck. The muscles at the side \
of the neck go into spasm and hold the head turned to one side.
[03/05/2026, 18:10] Priya Nair: Sleeping in an awkward position is the usual cause. A \
cold draught or a sudden turn can set it off too
[03/05/2026, 18:12] Priya Nair: Two stretches: 1) Chin tuck - draw your chin in, hold 5 \
seconds, 10 times 2) Side bend - tip your ear to your shoulder, hold 20 seconds, 3 each side
[03/05/2026, 18:14] Ana Ruiz: This message was deleted
[03/05/2026, 18:15] Priya Nair: Call 999 if the stiffness comes with a high fever and a \
headache that will not go away 🙏
[03/05/2026, 18:16] Tom Hale: Thanks!! 👍
[03/05/2026, 18:20] Dev Shah left
"""


def test_a_chat_export_is_recognised_and_ordinary_text_is_not():
    assert is_chat(CHAT)
    assert not is_chat("Wry neck\n\nWry neck is a sudden stiff neck.\n\n12/03/2026, 09:14 a")


def test_only_the_main_writer_s_messages_are_kept():
    text, dropped = read_chat(CHAT)
    assert "acute wry neck" in text and "usual cause" in text
    assert "18:09" not in text and "Priya Nair" not in text
    assert "Anyone free" not in text and "Thanks!!" not in text
    reasons = {reason for reason, _ in dropped}
    assert {"chrome: chat notice", "chrome: chat placeholder"} <= reasons
    assert any("Anyone free" in line for _, line in dropped)


def test_a_list_typed_on_one_line_is_set_out_and_messages_end_in_a_stop():
    text, _ = read_chat(CHAT)
    assert "\n1) Chin tuck" in text and "\n2) Side bend" in text
    assert "set it off too." in text
    assert "will not go away. 🙏" in text


def test_a_chat_export_imports_as_the_advice_it_carries():
    plan = analyse(CHAT.encode(), "group-chat.txt")
    assert plan.pages[0].title == "Acute wry neck"
    causes = {r.title for r in plan.pages[0].causes}
    assert "Sleeping in an awkward position" in causes
    exercises = [
        exercise["name"]
        for block in plan.pages[0].blocks
        if block.type == "exercise_list"
        for exercise in block.value["exercises"]
    ]
    assert exercises == ["Chin tuck", "Side bend"]
    warnings = [b.value["severity"] for b in plan.pages[0].blocks if b.type == "warning"]
    assert "emergency" in warnings
    written = {p.title for p in plan.pages if p.include and p.action != Action.SUGGEST}
    assert not any("Tom" in title or "netball" in title.lower() for title in written)
    assert all(p.kind != Kind.CONDITION or p is plan.pages[0] for p in plan.pages if p.include)
