"""Non-LLM questions that report what already happened on the user's card (it ran out of memory) or ask for
more than a memory figure; phrasings of our own, in no evaluation set."""

from __future__ import annotations

import pytest


def _all(reply) -> str:
    return f"{reply.text}\n\n{reply.details}"


@pytest.mark.parametrize(
    "question",
    [
        "flux1 dev in fp8 keeps hitting CUDA OOM on my rtx 4090 at 1024px, what gives?",
        "Running FLUX.1-dev (fp8 checkpoint) on an L4 still uses more than 24gb, any way to make it work?",
    ],
)
def test_running_out_on_a_card_a_weights_only_figure_fits_leads_with_offloading(assistant, question):
    reply = assistant.ask(question)
    first = reply.text.split(". ")[0]
    assert first.startswith("**Yes**, but only with offloading to CPU RAM")
    # the recipe offered keeps room on the 24 GB card, and the user's own fp8 recipe is named as the part that
    # is counted without the text encoder, VAE and activations
    assert reply.memory_gb is not None and reply.memory_gb < 24
    assert "fp8 transformer weights" in reply.text and "runs out" in reply.text
    assert "offload" in _all(reply).lower()


def test_running_out_where_a_measured_whole_job_figure_fits_keeps_the_plain_verdict(assistant):
    # SD 1.5 measured at ~5 GB on the GPU: the shortfall is elsewhere (batch, resolution), not a reason to offload
    reply = assistant.ask("getting out of memory errors with stable diffusion 1.5 on a 24gb rtx 3090")
    assert reply.text.startswith("**Yes** on the RTX 3090") and reply.memory_gb == 5.1
    assert "attention slicing" in reply.text  # what lowers memory is still said


def test_without_a_report_a_card_that_holds_the_recipe_is_not_sent_to_offloading(assistant):
    reply = assistant.ask("will flux dev fit on a 16 gb 4080 in fp8?")
    assert reply.text.startswith("**Yes** on the RTX 4080") and reply.memory_gb == 11.9


def test_flux_on_a_small_card_names_the_slow_offloading_recipe(assistant):
    reply = assistant.ask("any chance flux schnell works with six gigs of vram?")
    assert reply.text.startswith("**Yes**, but only with offloading") and reply.memory_gb == 6
    assert "enable_sequential_cpu_offload" in _all(reply)
