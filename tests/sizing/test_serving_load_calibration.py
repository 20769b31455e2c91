"""The speed each user gets at a load (the batch their requests make) against published measurements: the
serving roofline the planner picks setups by when a question states users and a speed each (cited per test, with
the tolerance stated). Real catalog, model specs and assumptions."""

from __future__ import annotations

import pytest

from assistant.planning import WorkloadRequest, plan_workload
from assistant.sizing import Task


@pytest.fixture()
def serving(catalog, models, assumptions):
    def _serving(model, gpu, context, batch, precision="bf16"):
        request = WorkloadRequest(
            model=model, task=Task.INFERENCE, context=context, batch=batch, precision=precision, gpus=(gpu,)
        )
        return plan_workload(request, catalog, models, assumptions).checks[0].serving

    return _serving


def test_eight_requests_on_an_a100_match_the_measured_sweep(serving):
    # johnmusgrave.com "vLLM throughput-latency sweep on NVIDIA A100" (vLLM, Llama-3.1-8B-Instruct BF16, one
    # A100 40GB, 1024 input + 128 output tokens): about 75 tokens/s at one request and a 6.6x throughput gain at
    # 8 concurrent requests "with almost no latency cost", i.e. about 75 x 6.6 / 8 = 62 tokens/s each.
    s = serving("Llama 3.1 8B", "A100 40GB", 1152, 8)
    assert s.batch == 8
    assert s.batch_tokens_per_s == pytest.approx(62, rel=0.2)


def test_one_and_four_requests_on_an_h100_match_the_measured_time_per_token(serving):
    # yobitelcomm.github.io InferenceBench "Recipe: concurrency sweep" (vLLM 0.21, Llama-3.1-8B-Instruct fp16,
    # one H100 80GB HBM3, short chat prompts): median time per output token 6.48 ms at concurrency 1 (154
    # tokens/s) and 6.59 ms at concurrency 4 (152 tokens/s each).
    one = serving("Llama 3.1 8B", "H100 SXM", 1024, 1)
    four = serving("Llama 3.1 8B", "H100 SXM", 1024, 4)
    assert one.decode_tokens_per_s == pytest.approx(154, rel=0.15)
    assert four.batch_tokens_per_s == pytest.approx(152, rel=0.15)


def test_a_full_batch_on_an_h100_in_fp8_matches_the_published_throughput(serving):
    # TensorRT-LLM 0.5.0 docs/source/performance.md, "H100 GPUs (FP8)": LLaMA 7B, batch 64, TP 1, 128 input and
    # 128 output tokens: 9,193 output tokens/s (about 144 tokens/s for each of the 64 sequences).
    s = serving("Llama 2 7B", "H100 SXM", 256, 64, precision="fp8")
    assert s.batch == 64
    assert s.batch_tokens_per_s * s.batch == pytest.approx(9_193, rel=0.2)


@pytest.mark.parametrize("gpu", ["L4", "A10G", "L40S", "A100 80GB SXM", "H100 SXM", "RTX 4090"])
def test_each_user_gets_less_as_the_batch_grows_and_never_more_than_one_alone(serving, gpu):
    alone = serving("Llama 3.1 8B", gpu, 2048, 1).decode_tokens_per_s
    speeds = [serving("Llama 3.1 8B", gpu, 2048, n).batch_tokens_per_s for n in (2, 8, 16)]
    assert all(s is not None and s <= alone + 1e-9 for s in speeds)
    assert speeds == sorted(speeds, reverse=True)
