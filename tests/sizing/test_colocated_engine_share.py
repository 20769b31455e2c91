"""An RL run whose generation engine (vLLM) is colocated on the training GPUs: the engine's reservation comes off
each card, so training fits only in what is left (TRL vllm_mode="colocate", vllm_gpu_memory_utilization)."""

from __future__ import annotations

from assistant.sizing import Task, Workload, estimate_memory, fit_gpu
from assistant.sizing._runtime import usable_memory_gb


def _work(models, **kw):
    spec = models.get("Qwen2.5 7B")
    return Workload(task=Task.LORA, shape=spec, params=spec.params, rl="grpo", batch=8, context=768, **kw)


def test_the_engine_share_comes_off_the_training_memory(catalog, assumptions):
    gpu = catalog.get("A100 40GB")
    alone, _ = usable_memory_gb(gpu, True, "server", assumptions)
    shared, _ = usable_memory_gb(gpu, True, "server", assumptions, engine_share=0.5)
    assert abs((alone - shared) - 0.5 * gpu.gpu_memory_gb) < 1e-6


def test_a_run_that_fits_alone_does_not_beside_a_half_card_engine(catalog, models, assumptions):
    gpu = catalog.get("A100 40GB")
    alone = estimate_memory(_work(models), assumptions)
    shared = estimate_memory(_work(models, engine_share=0.5), assumptions)
    assert fit_gpu(alone, gpu, assumptions, count=1).count == 1
    assert not hasattr(fit_gpu(shared, gpu, assumptions, count=1), "count")
    # the rollouts' KV cache lives in the engine's reservation, not beside the training
    assert all(item.label != "rollout KV cache" for item in shared.items)
