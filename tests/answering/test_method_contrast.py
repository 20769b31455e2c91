"""One model under two training methods set against each other ('does full fine-tuning need way more than LoRA?',
'LoRA and full at the same VRAM, right?', 'why does full need so much more than QLoRA?'): both are sized, side by
side, the method said first against the other, and a yes/no about the gap is answered by it. Phrasings here are in
no evaluation set."""

from __future__ import annotations

from tests.support.checked_answers import checked_answer


def test_full_against_lora_is_a_yes_with_both_figures(assistant):
    checked = checked_answer(
        assistant, "For Gemma 2 9B, will a full finetune eat a lot more VRAM compared to LoRA than I think?"
    )
    assert checked.first_line.startswith("**Yes** — for Gemma 2 9B, full fine-tuning needs about"), (
        checked.first_line
    )
    assert "for LoRA fine-tuning" in checked.first_line
    assert "trains every one of the" in checked.first_line


def test_the_same_memory_for_two_methods_is_a_no(assistant):
    checked = checked_answer(
        assistant,
        "my qlora run and a full fine-tune of phi-3 mini show equal memory in nvidia-smi, is that normal?",
    )
    assert checked.first_line.startswith("**No**, about"), checked.first_line
    assert "QLoRA fine-tuning needs about" in checked.first_line


def test_a_lighter_method_asked_first_is_a_yes(assistant):
    checked = checked_answer(assistant, "is qlora lighter than plain lora for llama 3.1 8b in terms of vram?")
    assert checked.first_line.startswith("**Yes** — for Llama 3.1 8B, QLoRA fine-tuning needs"), (
        checked.first_line
    )


def test_one_method_asked_of_a_card_is_not_a_contrast(assistant):
    checked = checked_answer(
        assistant, "Can I do LoRA on Llama 3 8B with a 3090, or do I need full fine-tuning?"
    )
    assert "against" not in checked.first_line, checked.first_line
