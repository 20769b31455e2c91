"""A follow-up that turns to renting ("cheapest cloud option for that?") leaves the user's own card behind: its
memory no longer bounds the answer, home multi-card counts give way to cloud instance shapes, and the earlier
yes / no shape gives way to a pick. Phrasings here are in no evaluation set."""

from __future__ import annotations

from assistant.understanding import Intent


def test_the_own_cards_memory_is_dropped_when_the_follow_up_turns_to_renting(read):
    u = read(
        "got 24gb of vram here, will a lora of llama 3 8b run?",
        "which cloud provider would do a full finetune cheapest?",
    )
    assert u.details.stated_memory_gb is None and not u.details.yes_no
    u = read("got 24gb of vram here, will a lora of llama 3 8b run?", "and a qlora?")
    assert u.details.stated_memory_gb == 24 and u.details.yes_no  # the same card, a changed detail


def test_renting_after_a_home_card_is_not_a_home_setup(read):
    u = read(
        "is my 3090 enough to fully fine-tune qwen2.5 7b?",
        "fine, what would renting the cheapest hardware for that cost?",
    )
    assert not u.details.local and not u.details.owns_gpus and not u.details.gpus
    assert u.intent in (Intent.SIZE, Intent.RECOMMEND, Intent.PRICE)


def test_a_cheaper_pick_after_a_yes_no_is_a_pick(read):
    u = read("can two a100 80gbs serve llama 3 70b?", "cheapest setup that would work?")
    assert not u.details.yes_no
