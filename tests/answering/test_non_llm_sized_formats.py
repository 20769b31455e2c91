"""A non-LLM model known by its size is weighed in the weight format the question names (fp8, a 4-bit GGUF), a
training run whose states take most of the card gets its condition rather than no verdict, and FP8 weights on a
GPU without FP8 compute are a note for diffusion tools, which upcast them (phrasings of our own)."""

from __future__ import annotations

from assistant.answering._compose._non_llm import _arithmetic, _quantized_arithmetic
from tests.support.checked_answers import checked_answer


def test_fp8_weights_are_weighed_in_fp8():
    verdict, arithmetic = _quantized_arithmetic(14, ("the RTX 4080", 16.0), False, "video generation", "fp8")
    assert "**14.0 GB**" in arithmetic and "14B x 1 byte)" in arithmetic
    assert verdict.startswith("**Yes**, with offloading")


def test_four_bit_weights_on_a_large_card_fit_by_arithmetic_and_over_a_small_one_need_offloading():
    verdict, _ = _quantized_arithmetic(20, ("the RTX 4090", 24.0), False, "image generation", "int4")
    assert verdict.startswith("**Yes**, by arithmetic")
    verdict, _ = _quantized_arithmetic(30, ("8.0 GB of GPU memory", 8.0), False, "video generation", "int4")
    assert verdict.startswith("**Only with** offloading")


def test_no_fewer_bit_format_or_training_keeps_the_bf16_arithmetic():
    assert _quantized_arithmetic(14, ("the RTX 4080", 16.0), False, "video generation", None) is None
    assert _quantized_arithmetic(14, ("the RTX 4080", 16.0), False, "video generation", "bf16") is None
    assert _quantized_arithmetic(14, ("the RTX 4080", 16.0), True, "video generation", "fp8") is None


def test_training_states_over_half_the_card_get_the_savings_as_their_condition():
    verdict, _ = _arithmetic(0.7, 11.2, ("the RTX 3080 Ti", 12.0), True)
    assert verdict.startswith(
        "**Not without**"
    )  # less than the tight-fit share left: the savings are required
    verdict, _ = _arithmetic(0.45, 7.2, ("the RTX 3080 Ti", 12.0), True)
    assert verdict.startswith("**Yes**, with memory savings") and "7.2 GB" in verdict


def test_a_14b_video_model_in_fp8_on_a_16gb_card(assistant):
    answer = checked_answer(assistant, "could the 14B wan 2.1 in fp8 run on an rtx 5060 ti 16gb?")
    assert answer.first_line.startswith("**Yes**, with offloading") and "14.0 GB" in answer.first_line


def test_fp8_diffusion_weights_on_an_ampere_card_are_a_note_not_a_no(assistant):
    answer = checked_answer(assistant, "is flux dev in fp8 ok on an rtx 3080 ti 12gb?")
    assert not answer.first_line.startswith("**No, not natively")
    assert "upcast each layer" in answer.draft


def test_fp8_weights_asked_after_running_out_lead_instead_of_a_bigger_card(assistant):
    answer = checked_answer(
        assistant, "the 14B wan 2.1 ran out of memory on my rtx 6000 ada, would its fp8 file load instead?"
    )
    assert (
        answer.first_line.startswith("**Yes**, by arithmetic") and "plan on a card" not in answer.first_line
    )
