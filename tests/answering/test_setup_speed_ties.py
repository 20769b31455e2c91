"""Two setups that both hold a model and generate at the same speed (two cards splitting the layers read their
halves one after the other, as fast as one card of the same bandwidth) are said to be about as fast, not "it is
faster: 29 against 29". Real components; phrasings in no evaluation set."""

from __future__ import annotations

import re


def test_a_speed_tie_between_setups_is_not_called_faster(converse):
    text = converse(
        "is one rtx pro 6000 blackwell worth it over a pair of 5090s for a 70b in q4 at home?"
    ).text
    lead = text.split("\n")[0]
    assert "both hold it" in lead
    assert "it is faster" not in lead and re.search(r"about as fast: [\d,]+ tokens/s for one user each", lead)
