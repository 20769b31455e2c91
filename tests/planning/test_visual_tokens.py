"""A vision-language model served with images said per request: their visual tokens join each sequence (a fixed
count for LLaVA-1.5 and Gemma 3, one per 28x28 pixels for Qwen2-VL / Qwen2.5-VL, each cited on its models.yaml
row)."""

from __future__ import annotations

from assistant.planning import WorkloadRequest, plan_workload
from assistant.sizing import Task


def _plan(catalog, models, assumptions, **kw):
    request = WorkloadRequest(task=Task.INFERENCE, gpus=("L40S",), context=2048, **kw)
    return plan_workload(request, catalog, models, assumptions)


def test_dynamic_resolution_images_add_their_patches(catalog, models, assumptions):
    # 1280 x 720 -> ceil(1280/28) x ceil(720/28) = 46 x 26 = 1,196 tokens, three of them per request
    plan = _plan(catalog, models, assumptions, model="Qwen2.5-VL 7B", images=3, image_size=(1280, 720))
    assert plan.workload.context == 2048 + 3 * 1196
    assert any("1,196 visual tokens" in d for d in plan.defaults)


def test_fixed_count_models_ignore_the_size(catalog, models, assumptions):
    plan = _plan(catalog, models, assumptions, model="Gemma 3 12B", images=2, image_size=(4000, 3000))
    assert plan.workload.context == 2048 + 2 * 256


def test_text_models_and_unsaid_images_are_unchanged(catalog, models, assumptions):
    assert _plan(catalog, models, assumptions, model="Qwen2.5 7B", images=4).workload.context == 2048
    assert _plan(catalog, models, assumptions, model="Qwen2.5-VL 7B").workload.context == 2048
