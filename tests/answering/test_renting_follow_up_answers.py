"""Asked after a question about one's own card, "the cheapest way to rent it" is answered as a rental pick: the
same pick as the same question asked on its own, with no verdict about the user's card. Phrasings here are in no
evaluation set."""

from __future__ import annotations

import re

_VERDICT = re.compile(r"^\**(?:Yes|No|Only)\b")


def test_the_cheapest_rental_after_a_home_card_is_the_stand_alone_pick(converse):
    alone = converse("cheapest cloud gpus to do a full fine-tune of qwen2.5 7b?")
    after = converse(
        "is my 3090 enough to fully fine-tune qwen2.5 7b?",
        "fine, which gpus would be cheapest to rent for that then?",
    )
    assert not _VERDICT.match(after.text)
    assert "you have" not in after.text.split("\n")[0] and "3090's 24 GB" not in after.text.split("\n")[0]
    assert after.plan.pick is not None and alone.plan.pick is not None
    assert (after.plan.pick.gpu.name, after.plan.pick.count) == (
        alone.plan.pick.gpu.name,
        alone.plan.pick.count,
    )
    assert after.plan.pick.count in (1, 2, 4, 8)  # a cloud instance shape, not three cards at home
