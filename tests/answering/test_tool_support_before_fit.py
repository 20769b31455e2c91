"""A tool named with a model and a GPU it does not run on ("serve Llama 3 8B with vLLM on a P100"): the tool's
own hardware support decides first (No, with the reason from its docs), and the memory arithmetic follows for a
tool that does run there. Where the tool runs, the fit answer is unchanged. And "does vLLM support running
<model> on <GPUs>?" is answered as the fit of that model there. Real components; phrasings in no evaluation
set."""

from __future__ import annotations

import re


def test_vllm_on_a_pascal_card_is_no_whatever_the_memory(ask):
    reply = ask("could we serve phi-3 mini with vllm on a single P100 16GB?")
    assert reply.text.startswith("**No** — vLLM does not support the P100")
    assert "compute capability" in reply.text
    assert reply.memory_gb is not None  # the arithmetic still follows


def test_an_engine_feature_the_card_lacks_is_no(ask):
    reply = ask("will vllm load a 13b awq model on a v100 32gb?")
    assert reply.text.startswith("**No** — AWQ in vLLM does not support the V100 32GB")


def test_a_supported_tool_leaves_the_fit_answer_alone(ask):
    reply = ask("can sglang serve qwen2.5 7b instruct on one A10G?")
    # the fit, not the tool-only answer ("Yes, with --context-length N": its full 128k context does not fit)
    first = reply.text.splitlines()[0]
    assert first.startswith("**Yes") and "inference of Qwen2.5 7B" in first


def test_support_for_running_a_model_on_two_cards_is_the_fit_there(ask):
    reply = ask("does TGI support running Llama 3.1 70B on two A100 80GB?")
    assert not reply.text.startswith("**Yes** — TGI runs on")  # not the tool-only answer
    assert re.search(r"inference of Llama 3\.1 70B", reply.text)
    assert reply.memory_gb is not None and reply.memory_gb > 130


def test_support_of_a_model_too_big_for_the_card_opens_with_what_it_takes(ask):
    # not "Yes — vLLM runs on the V100": a 27B in 16-bit (~54 GB of weights) does not fit on 32 GB
    reply = ask("Does vLLM support Gemma 2 27B on one V100 32GB?")
    assert not reply.text.startswith("**Yes** — vLLM runs on")
    assert re.match(r"\*\*(?:No|Only with)", reply.text)
    assert reply.memory_gb is not None and reply.memory_gb > 50


def test_a_quantized_checkpoints_name_brings_its_formats_floor(ask):
    # the format said only as the checkpoint's name tail: AWQ kernels need Turing (7.5), a V100 is 7.0
    reply = ask("planning to run someorg/Yi-1.5-34B-Chat-AWQ under vllm on our V100 32GB box, ok?")
    assert reply.text.startswith("**No** — AWQ in vLLM does not support the V100 32GB")


def test_an_fp8_checkpoint_on_ampere_is_not_refused(ask):
    # weight-only through FP8 Marlin: it loads and serves, without the FP8 speed-up
    reply = ask("would an FP8 build of Mistral 7B load in vllm on a single A10G?")
    assert not reply.text.startswith("**No")
    assert "Marlin" in reply.text or "weight-only" in reply.text


def test_a_tool_that_runs_there_comes_with_the_named_models_memory(ask):
    # the engine runs on the card, so whether the model also fits is the rest of the answer (and its figure)
    reply = ask(
        "my V100-32GB throws a bfloat16 error when vllm loads internlm2-chat-7b. is the V100 not supported by vllm?"
    )
    assert reply.text.startswith("**Yes** — vLLM runs on the V100 32GB")
    assert "**Memory:** InternLM2 7B in fp16" in reply.text  # the V100 has no bf16: fp16, same size
    assert reply.memory_gb is not None and 14 < reply.memory_gb < 22


def test_weights_that_fit_with_a_context_that_does_not_say_the_cap_that_fits(ask):
    # fp16 weights of Baichuan 13B (26.5 GB) fit a 32 GB card; its 4,096-token KV cache (800 KiB a token) does not
    reply = ask(
        "our V100-32GB throws a bfloat16 error when vllm loads Baichuan-13B-Base. is the V100 not supported by vllm?"
    )
    assert reply.text.startswith("**Yes** — vLLM runs on the V100 32GB")
    assert re.search(r"context capped at about [\d,]+ tokens \(vLLM `--max-model-len`\) it fits", reply.text)
