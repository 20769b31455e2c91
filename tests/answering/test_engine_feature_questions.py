"""A serving engine's feature asked (several LoRA adapters on one base, speculative decoding, several nodes,
generation and embeddings in one instance) is answered from the guides' section on that feature, with its verdict,
even when a model is named — not with a sizing of the model. Real components (a real Chroma index of
corpus/guides); phrasings in no evaluation set."""

from __future__ import annotations

import pytest

from assistant.understanding import Intent
from assistant.understanding._engines import asks_engine_feature
from assistant.understanding._understand import understand


@pytest.mark.parametrize(
    "question",
    [
        "is multi-lora serving a thing in sglang?",
        "could tgi juggle 30 different customer adapters over one mistral 7b?",
        "does trt-llm do speculative decoding with a draft model?",
        "can vllm shard qwen2.5 72b over 3 machines?",
        "can my vllm deployment of bge-m3 answer chat requests and embedding requests together?",
    ],
)
def test_a_feature_asked_of_an_engine_is_explained_not_sized(catalog, models, question):
    assert asks_engine_feature(question)
    assert understand(question, catalog, models).intent is Intent.EXPLAIN


@pytest.mark.parametrize(
    "question",
    [
        "can vllm serve qwen2.5 72b on two l40s?",
        "how many lora adapters of rank 16 fit on a 4090 next to llama 3 8b?",  # no engine: a sizing
        "is vllm faster than ollama for 20 users?",
    ],
)
def test_a_sizing_or_speed_question_naming_an_engine_is_no_feature_question(question):
    assert not asks_engine_feature(question)


@pytest.mark.parametrize(
    ("question", "verdict", "said"),
    [
        ("could vllm host a dozen customer lora adapters on a single qwen 7b base?", "Yes", "--enable-lora"),
        ("does sglang support speculative decoding for deepseek?", "Yes", "--speculative-config"),
        ("can TGI spread llama 3.1 405b over two 8-gpu servers?", "No", "--num-shard"),
        ("can vllm spread llama 3.1 405b over two 8-gpu nodes?", "Yes", "--pipeline-parallel-size"),
    ],
)
def test_the_feature_section_leads_with_its_verdict(assistant, question, verdict, said):
    reply = assistant.ask(question)
    first = reply.text.split("\n\n")[0]
    assert first.startswith(verdict) and said in first
