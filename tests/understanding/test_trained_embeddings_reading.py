"""The embeddings and LM head trained beside LoRA adapters are read from the ways people say it. Phrasings here are
in no evaluation set."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("question", "trained"),
    [
        ("qlora on mistral 7b, target_modules all linear + embed_tokens + lm_head, fits a 4090?", True),
        ("peft lora with modules_to_save for gemma 2 9b on an L4?", True),
        ("LoRA of llama 3.1 8b where I also train the embeddings and lm_head for a new language", True),
        ("lora on llama 3.1 8b, embeddings frozen, rank 32, on a 3090?", False),
        ("how much memory to compute embeddings with bge-large on a T4?", False),
    ],
)
def test_trained_embeddings_are_read(read, question, trained):
    assert read(question).details.train_embeddings is trained
