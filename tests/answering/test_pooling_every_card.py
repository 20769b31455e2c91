"""Every card of a machine asked for a non-LLM job (session 23): "train it on all my GPUs" and "spread it across my
2 x 3060" ask whether the cards add up just as "use both cards" does, and a repository named with no model of either
kind runs as one program on one GPU. Phrasings in no evaluation set."""

from __future__ import annotations

from tests.support.checked_answers import checked_answer


def test_training_a_voice_model_on_every_card_is_data_parallel(assistant):
    answer = checked_answer(
        assistant, "any chance to train my tortoise-tts voice on all 4 of our GPUs? they're 16GB T4s"
    )
    assert answer.first_line.startswith("**No**"), answer.first_line
    assert "whole copy" in answer.first_line and "single GPU" in answer.first_line


def test_a_mixed_machine_fine_tuning_on_all_cards_does_not_pool(assistant):
    answer = checked_answer(
        assistant,
        "[OpenVoice fine-tuning] my box has 2 A4000 16GB and 1 3060 12GB, could it fine-tune on all the GPUs?",
    )
    assert answer.first_line.startswith("**No**"), answer.first_line
    assert "does not add up" in answer.first_line


def test_inference_spread_across_two_cards_runs_on_one(assistant):
    answer = checked_answer(
        assistant, "can I split AnimateDiff generation across my 2 x 3060 to get more vram?"
    )
    assert answer.first_line.startswith("**No**"), answer.first_line
    assert "one GPU" in answer.first_line


def test_a_repository_named_alone_runs_on_one_card(assistant):
    answer = checked_answer(
        assistant, "[MimicMotion] is it possible to use two gpus? I have a couple of 2080 Ti (11gb x2)"
    )
    assert answer.first_line.startswith("**No**"), answer.first_line
    assert "one GPU" in answer.first_line


def test_llama_cpp_over_every_card_still_splits_layers(assistant):
    answer = checked_answer(assistant, "I have 3x 3090, will llama.cpp use all the cards for a 70b in q4?")
    assert answer.first_line.startswith("**Yes**"), answer.first_line
