"""'Will it run out of memory?' answered by a qualified no-fit ("**No**, not as listed, …"; phrasings of our own, in
no evaluation set): the failure asked about is the Yes."""

from __future__ import annotations

from assistant.answering._verdict import _will_fail_verdict


def test_a_qualified_no_fit_is_a_yes_to_running_out():
    lead = "**No**, not as listed, on 8.0 GB of GPU memory: the smallest setting needs about 9.0 GB."
    turned = _will_fail_verdict(lead, "is this going to OOM on my 8 gig card?")
    assert turned is not None and turned.startswith("**Yes**, it would run out of memory — not as listed"), (
        turned
    )


def test_an_upscaled_pass_over_the_card_is_a_yes_to_running_out(ask):
    text = ask("doing SDXL 1024 plus a 2x hires fix in A1111 on 12 GB, am I going to hit CUDA OOM?").text
    assert text.startswith("**Yes**, it would run out of memory"), text
