"""'Why is it slow under vLLM / TGI?', 'how do I speed it up?', 'one copy on 8 GPUs gives less than two on 4, normal?':
the cause first, with one sequence's speed, the batched total and the setup's own slowdowns (bitsandbytes, PCIe,
one wide split) — not a fresh GPU recommendation. Real assistant (real catalog, Chroma index); phrasings in no
evaluation set."""

from __future__ import annotations

import re

import pytest


def _tokens_per_s(text):
    return [float(n.replace(",", "")) for n in re.findall(r"\*\*([\d,.]+) tokens/s", text)]


@pytest.mark.parametrize(
    "question",
    [
        "vllm serving llama 3.1 8b on an a10g crawls, like really slow responses, whats wrong",
        "how can i boost the generation speed of llama 3.1 8b on my L4 with text-generation-inference?",
        "our sglang deployment of mistral small 24b on one h100 has disappointing throughput. ideas?",
    ],
)
def test_a_slow_run_is_explained_by_batch_size_and_bandwidth(ask, question):
    text = ask(question).text
    assert text.startswith("**One request at a time is bound by memory bandwidth"), text[:200]
    single, total = _tokens_per_s(text)[:2]
    assert total > 3 * single  # batching is where the throughput is
    assert "concurrent" in text


def test_bitsandbytes_and_pcie_are_named_as_the_slowdowns_with_the_speed_seen(ask):
    text = ask(
        "serving llama 2 70b with tgi --quantize bitsandbytes-nf4 sharded on 4 x a10g, each token takes about 300 ms. "
        "anything I can do to make it faster?"
    ).text
    assert text.startswith("**Yes**")
    assert "you see 3.3 tokens/s, well below it" in text
    assert "GPTQ or AWQ" in text and "PCIe" in text


@pytest.mark.parametrize(
    "question",
    [
        "we run 2 replicas of llama 3.3 70b with tp=4 each on 8 h100s; one tp=8 copy instead gave much less than "
        "double the throughput of a single tp=4. expected??",
        "moving our 70b model from TP 2 to TP 8 on h200s didnt scale linearly at all, why",
    ],
)
def test_a_wider_split_that_does_not_scale_is_normal_and_replicas_are_the_way(ask, question):
    # vllm-project/vllm#12205 / sgl-project/sglang#3002: TP8 gave 1.5x one TP4 copy; answer: all-reduce overhead,
    # run replicas (data parallelism) behind a router
    text = ask(question).text
    assert text.startswith("**Yes, that is normal**"), text[:200]
    assert "all-reduce" in text
    assert "replicas" in text


def test_a_slow_local_run_still_gets_the_local_cause(ask):
    # llama.cpp / Ollama keep what does not fit in system RAM: that, not batching, is the local answer
    text = ask("ollama with llama 3.1 70b q4 on my 3090 is painfully slow, why?").text
    assert not text.startswith("**One request at a time")


def test_cpu_offload_read_in_understanding_is_named_as_a_slowdown(ask):
    # the offload is the one understanding reads (Details.cpu_offload), not a second reading in the composer
    text = ask(
        "vllm with --cpu-offload-gb 4 serving llama 3.1 8b on one a100 is super slow, how do I speed it up?"
    ).text
    assert "offloaded to the CPU cross PCIe" in text
