"""A claim the user asks to check ("someone said X needs 24 GB, true?", "you can't do X on 8 GB, right?") gets its
verdict about the claim, not about the fit the answer found (phrasings of our own, in no evaluation set)."""

from __future__ import annotations

import pytest

from assistant.answering._verdict import _claim_verdict
from tests.support.checked_answers import checked_answer

_FITS = "**Yes** on the RTX 4060 Ti (16.0 GB usable): the recipe needs about 11.0 GB (measured)."
_FITS_WITH = (
    "**Yes**, but only with offloading to CPU RAM, on 12.0 GB of GPU memory: the recipe needs about 9.0 GB."
)
_NO_FIT = "**No** — it needs about 30.0 GB, more than the card."


@pytest.mark.parametrize(
    ("lead", "question", "opens"),
    [
        # "needs at least N GB" with a fit on a smaller card: the claim is wrong
        (
            _FITS,
            "a forum post says this model needs a minimum of 24 GB, is that accurate?",
            "**No** — it needs less than 24 GB",
        ),
        (
            _FITS_WITH,
            "my friend claims it requires 20gb or more. true?",
            "**No**, not strictly — it fits in less than 20 GB with",
        ),
        # "can't be done on N GB" answered by a fit: wrong; by no fit: it holds
        (
            _FITS,
            "i was told you cannot train this on a 16 gb card, is that the case?",
            "**No** — it can. It fits on",
        ),
        (_FITS_WITH, "supposedly it won't run on 12 GB at all, right?", "**No** — it can, with offloading"),
        (_NO_FIT, "they say it's impossible on an 8 GB card, true?", "**Yes**, that holds — it does not fit"),
    ],
)
def test_the_verdict_is_about_the_claim(lead, question, opens):
    assert _claim_verdict(lead, question).startswith(opens)


@pytest.mark.parametrize(
    ("lead", "question"),
    [
        (_FITS, "can it run on a 16 GB card?"),  # no claim asked about
        (_FITS, "it runs on 16 GB, right?"),  # a claim that it works: the fit answers it as it stands
        (
            _NO_FIT,
            "someone said it needs 48 GB, true?",
        ),  # a no-fit on a smaller card does not decide a 48 GB claim
        ("**Yes** on the RTX 4090 (24.0 GB usable): needs about 20.0 GB.", "people say it needs 16gb, true?"),
    ],
)
def test_no_claim_or_an_undecided_one_leaves_the_fit(lead, question):
    assert _claim_verdict(lead, question) is None


def test_a_claimed_impossibility_on_a_card_that_holds_it_is_no(assistant):
    answer = checked_answer(
        assistant,
        "a guy on discord insists SDXL LoRA training is impossible with 8 GB of vram. is that true?",
    )
    assert answer.first_line.startswith("**No** — it can")


def test_a_claimed_minimum_above_the_users_card_that_holds_it_is_no(assistant):
    answer = checked_answer(
        assistant, "read on a blog that flux.1 dev requires at least 24 GB. true? my card is a 4060 ti 16gb"
    )
    assert answer.first_line.startswith("**No** — it needs less than 24 GB")


def test_a_claim_about_full_fine_tuning_holds_when_only_adapters_fit():
    lead = (
        "**Only with QLoRA** — full fine-tuning of a 7B model does not fit on one T4.\nFull fine-tuning: no."
    )
    said = _claim_verdict(lead, "so i cannot fully fine-tune it in full on the t4, right?")
    assert said.startswith(
        "**Yes**, that holds for full fine-tuning — full fine-tuning of a 7B model does not fit"
    )
    assert said.split("\n")[0].endswith("It fits only with QLoRA.")
