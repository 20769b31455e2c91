"""A vision-language model fine-tuned on images (or video frames) it is told about: their visual tokens join each
training sequence when no length is said, so activations and logits are sized over image and text together (one
token per 28x28 pixels for Qwen2.5-VL, a fixed count for a model that resizes to its own input, as each models.yaml
row cites). A length the user states is the script's cap, image tokens included, and stays as said."""

from __future__ import annotations

from assistant.planning import WorkloadRequest, plan_workload
from assistant.sizing import Task


def _plan(catalog, models, assumptions, **kw):
    request = WorkloadRequest(task=Task.LORA, gpus=("A100 80GB SXM",), **kw)
    return plan_workload(request, catalog, models, assumptions)


def test_dynamic_resolution_frames_lengthen_the_training_sequence(catalog, models, assumptions):
    # 1600 x 900 -> ceil(1600/28) x ceil(900/28) = 58 x 33 = 1,914 tokens, two per example on 2,048 text tokens
    plan = _plan(catalog, models, assumptions, model="Qwen2.5-VL 7B", images=2, image_size=(1600, 900))
    assert plan.workload.context == 2048 + 2 * 1914
    assert any("1,914 visual tokens" in d and "training example" in d for d in plan.defaults)
    plain = _plan(catalog, models, assumptions, model="Qwen2.5-VL 7B")
    assert plan.estimate.total_gb > plain.estimate.total_gb


def test_a_stated_length_already_caps_the_images(catalog, models, assumptions):
    plan = _plan(
        catalog, models, assumptions, model="Qwen2.5-VL 7B", images=2, image_size=(1600, 900), context=4096
    )
    assert plan.workload.context == 4096


def test_text_models_ignore_images(catalog, models, assumptions):
    assert _plan(catalog, models, assumptions, model="Qwen2.5 7B", images=3).workload.context == 2048


def test_unsaid_images_of_a_dynamic_resolution_model_name_the_pixel_lever(catalog, models, assumptions):
    note = next(
        d
        for d in _plan(catalog, models, assumptions, model="Qwen2.5-VL 7B").defaults
        if "vision-language" in d
    )
    assert "one per 28x28 pixels" in note and "max_pixels" in note
    fixed = next(
        d for d in _plan(catalog, models, assumptions, model="Gemma 3 12B").defaults if "vision-language" in d
    )
    assert "max_pixels" not in fixed
