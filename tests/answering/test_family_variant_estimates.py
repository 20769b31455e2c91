"""'How much to fine-tune <family>-<variant>?' with the variant not on record leads with an estimate for the
family's most-run row, its note saying whose figures they are, not with a question back. Phrasings here are in no
evaluation set."""

from __future__ import annotations

from tests.support.checked_answers import checked_answer


def test_an_unlisted_audio_variant_gets_a_labelled_number_first(assistant):
    checked = checked_answer(assistant, "roughly how many GB to fine-tune Qwen2-Audio with LoRA?")
    assert "do you mean" not in checked.draft
    assert "GB" in checked.first_line, checked.first_line
    assert "Qwen2 Audio is not in my model specs, so it is sized as Qwen2 7B" in checked.draft
