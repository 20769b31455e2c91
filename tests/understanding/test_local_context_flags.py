"""Local runtimes' context settings (round 10, local): llama.cpp's -c / --ctx-size, koboldcpp's --contextsize,
llama-cpp-python's n_ctx and a series of num_ctx values tried are the window the runtime allocates, so the KV
cache is sized at it. Phrasings in no evaluation set."""

from __future__ import annotations

import pytest

from assistant.understanding._understand import understand


@pytest.mark.parametrize(
    ("question", "context"),
    [
        ("llama-cli -m phi3.gguf -c 16384 -ngl 40 gets killed on my 8gb card, why", 16384),
        ("llama-server --ctx-size 65536 with qwen2.5 7b on a 4090, how much vram?", 65536),
        ("started koboldcpp --contextsize 12288 using a 13b q5, fits a 16gb card?", 12288),
        ("from llama_cpp import Llama; Llama(model_path='m.gguf', n_ctx=24576) on my 3060", 24576),
        ("lm studio context_length: 20000 for gemma 2 9b on a laptop 4060", 20000),
    ],
)
def test_a_local_runtime_context_flag_is_the_context(catalog, models, question, context):
    assert understand(question, catalog, models).details.context == context


def test_a_short_c_flag_value_is_no_context(catalog, models):
    assert understand("run qwen2.5 7b with -c 2 threads flag wrong?", catalog, models).details.context is None
