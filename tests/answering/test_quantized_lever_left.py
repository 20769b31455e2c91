"""A video or image generator whose smallest setting on record keeps 16-bit weights (offloaded or not) still has the
quantized-weights lever: a card below that setting gets "Only with memory savings", not a plain No, and the levers
for video name fp8 / GGUF weights and VAE tiling (session 23). A lever the setting says it goes without ("without
quantization") is no lever spent. A Mac's GPU memory is its RAM, so offloading frees nothing there. Phrasings in no
evaluation set."""

from __future__ import annotations

import datetime as dt

from assistant.answering._compose._non_llm import _levers_spent
from assistant.knowledge._workloads import WorkloadFact, load_workloads
from tests.support.checked_answers import checked_answer


def test_an_offloaded_sixteen_bit_video_setting_leaves_quantization(assistant):
    answer = checked_answer(assistant, "would LTX-Video work on my 8 gig 3070 using comfyui?")
    assert answer.first_line.startswith("**Only with** memory savings"), answer.first_line
    assert "GGUF" in answer.draft and "VAE tiling" in answer.draft


def test_a_setting_without_quantization_just_over_the_card_is_not_a_plain_no(assistant):
    answer = checked_answer(assistant, "wan2.1 t2v 1.3b on an rtx 4060 with 8gb, doable?")
    assert answer.first_line.startswith("**Only with**"), answer.first_line


def test_a_mac_below_the_smallest_setting_stays_no(converse):
    reply = converse("ltx video on my m2 macbook air with 8gb unified memory, is it possible?")
    assert reply.text.startswith("**No**"), reply.text[:200]


def _fact(setting: str, offload: bool = False) -> WorkloadFact:
    return WorkloadFact(
        task="inference",
        setting=setting,
        memory_gb=10.0,
        basis="measured",
        offload=offload,
        source="https://example.org/a-test-row",
        as_of=dt.date(2026, 12, 1),
    )


def test_which_settings_have_spent_their_levers():
    video = load_workloads().by_name("LTX-Video")
    assert not _levers_spent(video, _fact("ComfyUI --lowvram with fp16 weights", offload=True))
    assert not _levers_spent(video, _fact("480P video, without quantization"))
    assert _levers_spent(video, _fact("GGUF Q4 transformer with --lowvram", offload=True))
    assert _levers_spent(video, _fact("block swap of 20 blocks, bf16 weights", offload=True))
    speech = load_workloads().by_name("Bark")
    assert _levers_spent(speech, _fact("fp16 weights, parts moved to the CPU", offload=True))
