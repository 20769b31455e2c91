"""The training method asked (every weight, or an adapter) picks the rows of that method, whatever words the other
rows share with the question; a training word said not to apply ("no training", "don't train") is no training
question (phrasings of our own, in no evaluation set)."""

from __future__ import annotations

import pytest

from assistant.answering._compose._non_llm import TRAINING, _method_asked
from tests.support.checked_answers import checked_answer


@pytest.mark.parametrize(
    ("question", "method"),
    [
        ("full finetune of sdxl with kohya and adafactor", "full"),
        ("fine-tune the whole unet on my dataset", "full"),
        ("running flux_train.py on two 3090s", "full"),
        ("a lycoris on sdxl with kohya", "lora"),
        ("sdxl_train_network.py at dim 32", "lora"),
        ("train sdxl on my 3090", None),  # neither said
        ("full fine-tune or a lora, which fits 16 gb?", None),  # both said
    ],
)
def test_the_method_asked_is_read(question, method):
    assert _method_asked(question) == method


def test_a_full_fine_tune_is_not_answered_by_an_adapter_row_sharing_its_words(assistant):
    checked = checked_answer(
        assistant,
        "my kohya full fine-tune of sdxl (adafactor, gradient checkpointing, cached latents) dies on a 16GB card, "
        "how much VRAM does it take?",
    )
    rows = "\n".join(line for line in checked.draft.splitlines() if line.startswith("| "))
    assert "full fine-tuning" in checked.full
    assert "LoRA training" not in rows


@pytest.mark.parametrize(
    "question",
    [
        "can my 8gb card just render the scene, no training",
        "i do not want to fine-tune it, only run inference",
        "test the released checkpoint (don't train) on a 2070",
        "without any training, does it run on 6gb",
    ],
)
def test_a_training_word_said_not_to_apply_is_no_training(question):
    assert TRAINING.search(question) is None


@pytest.mark.parametrize(
    "question",
    ["not sure how to train it on 8gb", "no idea if training fits my 3060", "training, not inference"],
)
def test_a_negation_elsewhere_leaves_training_read(question):
    assert TRAINING.search(question) is not None


def test_a_detector_trained_at_a_larger_input_and_batch_is_judged_on_the_scaled_figure(assistant):
    checked = checked_answer(
        assistant, "yolov8s with imgsz=1280 and batch 32 on my 12 GB 3060, will it train?"
    )
    assert checked.first_line.startswith("**No**")
    assert checked.facts.headline_memory_gb == pytest.approx(33.6, abs=0.1)


@pytest.mark.parametrize(
    "question",
    [
        "my nerfacto training keeps running out of memory on a 12gb card, can I spread it across two gpus?",
        "yolov8 training OOMs at batch 64 on my 3060, would using 2 cards give me more memory?",
    ],
)
def test_two_cards_asked_as_a_way_around_a_training_oom_do_not_pool_memory(assistant, question):
    checked = checked_answer(assistant, question)
    assert "does not add its memory to one training run" in checked.draft


def test_a_second_card_for_speed_in_inference_keeps_its_own_answer(assistant):
    checked = checked_answer(assistant, "would adding a second 4070 make my sdxl images generate faster?")
    assert "does not add its memory" not in checked.draft


def test_a_figure_scaled_from_a_run_on_record_is_labelled_an_estimate_not_weight_arithmetic(assistant):
    checked = checked_answer(assistant, "yolov8s at imgsz 960, batch 16: how much vram will training take?")
    assert "scaled from a run on record, an estimate" in checked.full
