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
    # "what gives?" is an open question: the same finding, without a bare Yes in front of it
    opens = "A setting on record fits" if question.endswith("what gives?") else "**Yes**, but"
    assert first.startswith(f"{opens} only with offloading to CPU RAM")
    # the recipe offered offloads the text encoders and VAE, and the user's own fp8 recipe is named as the part
    # that is counted without them and the activations
    assert reply.memory_gb == 24 and "enable_model_cpu_offload" in reply.text
    assert "fp8 transformer weights" in reply.text and "runs out" in reply.text


def test_running_out_where_a_measured_whole_job_figure_fits_keeps_the_plain_verdict(assistant):
    # SD 1.5 measured at ~5 GB on the GPU: the shortfall is elsewhere (batch, resolution), not a reason to offload
    reply = assistant.ask("getting out of memory errors with stable diffusion 1.5 on a 24gb rtx 3090")
    assert reply.text.startswith("**Yes** on the RTX 3090") and reply.memory_gb == 5.1
    assert "attention slicing" in reply.text  # what lowers memory is still said


def test_without_a_report_a_card_that_holds_the_recipe_is_not_sent_to_offloading(assistant):
    reply = assistant.ask("will flux dev fit on a 16 gb 4080 in fp8?")
    assert reply.text.startswith("**Yes** on the RTX 4080") and reply.memory_gb == 11.9


@pytest.mark.parametrize(
    ("question", "reported"),
    [
        ("flux keeps throwing CUDA out of memory on my 4090", True),
        ("sdxl vram usage exceeds my 12gb card", True),
        ("wan video runs out of memory at 720p", True),
        (
            "flux dev fp8 with cpu offload on still goes OOM on my 4090, what now?",
            False,
        ),  # offloading already
        ("OOM even with --blocks_to_swap 20 on a 12gb card", False),
        ("will flux fit on a 4090?", False),
    ],
)
def test_a_report_of_running_out_is_told_from_one_that_already_offloads(question, reported):
    from assistant.answering._compose._non_llm import reports_oom

    assert reports_oom(question) is reported


def test_a_speed_in_line_with_one_measured_on_the_same_gpu_is_called_normal(assistant):
    reply = assistant.ask("my sdxl full finetune on a 4090 does ~1.25 s/it, that's expected right?")
    assert (
        reply.text.startswith("**Yes**, that is in line with what is on record") and "1.25 s/it" in reply.text
    )


def test_a_speed_far_below_the_one_on_record_is_called_slow_with_the_share(assistant):
    reply = assistant.ask("is 3 s/it reasonable for a full fine-tune of SDXL on an RTX 4090?")
    assert reply.text.startswith("**No**, that is slower than on record")
    assert "154% slower" in reply.text  # (3 - 1.18) / 1.18


def test_a_speed_with_nothing_measured_on_that_gpu_gets_no_verdict(assistant):
    reply = assistant.ask("sdxl lora training at 2.1s/it on my rtx 3060 12gb, is that normal?")
    assert reply.text.startswith("I have no measured speed for this SDXL job on the RTX 3060 12GB")


def test_a_lora_speed_is_not_judged_against_a_full_fine_tune(assistant):
    reply = assistant.ask("sdxl LoRA training on a 4090 at 1.2 s/it, normal?")
    assert not reply.text.startswith("**Yes**, that is in line")


def test_a_memory_question_naming_a_tool_gets_that_tools_memory_figure_not_its_timing(assistant):
    # kohya_ss has a timed LoKr run and a published LoRA memory figure: a VRAM question takes the memory one
    reply = assistant.ask("vram needed for an sdxl lora with kohya_ss?")
    assert reply.memory_gb == 8 and "sd-scripts" in reply.text


def test_another_size_of_a_family_on_record_gets_no_verdict_from_the_smaller_ones_figures(assistant):
    reply = assistant.ask("could the wan2.1 14B text-to-video model run on my 24 gb rtx 4090?")
    # no yes from the 1.3B's figures: its own bf16 weights (14B x 2 bytes), the floor said, overflow the card,
    # so the verdict is a lever's (8-bit weights or offloading)
    assert reply.text.startswith(
        "**Only with** 8-bit or 4-bit weights or offloading to CPU RAM, on the RTX 4090"
    )
    assert "I have no sourced figure for the 14B model you name" in reply.text
    assert reply.memory_gb == 28.0 and "**Yes**" not in reply.text


def test_cogvideox_is_sized_from_its_own_published_figures_not_as_an_llm(assistant):
    reply = assistant.ask("how much gpu memory does CogVideoX-5B need?")
    assert reply.intent == "non_llm" and reply.memory_gb == 26 and "THUDM/CogVideo" in _all(reply)
    small = assistant.ask("cogvideox 2b on a 12 GB card?")
    assert small.text.startswith("**Yes**, but only with offloading") and small.memory_gb == 4


def test_a_single_letter_shared_with_a_setting_does_not_pick_the_offloading_figure(assistant):
    # "it's" shares only an "s" with "~1000 s per 5-second video" (the all-offloading row): the default leads
    reply = assistant.ask("it's a cogvideox 1.5 question: how much vram does it take?")
    assert reply.memory_gb == 27


def test_a_question_naming_no_tool_leads_with_the_reference_tools_default_not_the_leanest_recipe(assistant):
    # openai/whisper in fp16 (the authors' ~10 GB) is what someone who changed nothing runs
    reply = assistant.ask("roughly how much video memory does whisper large eat?")
    assert reply.memory_gb == 10
    medium = assistant.ask("and whisper medium, how many gb of vram?", conversation_id="wm")
    assert medium.memory_gb == 5  # not whisper.cpp's 2.1 GB


def test_the_minimum_asked_still_gets_the_leanest_recipe(assistant):
    reply = assistant.ask("what's the bare minimum vram for whisper large?")
    assert reply.memory_gb is not None and reply.memory_gb < 10


def test_a_model_file_name_says_its_tool(assistant):
    # 'ggml-medium.bin' is a whisper.cpp model: its figure, not openai/whisper's
    reply = assistant.ask("running ggml-medium.bin for whisper medium, how much memory will it use?")
    assert reply.memory_gb == 2.1
