"""A repository name with a version before its size ("Mistral-Small-3.1-24B-Instruct-2503") names the model its
versioned head names, when that model has the same size (issue 9, local, session 16); a size the model does not
have names nothing."""

from __future__ import annotations

import pytest

from assistant.knowledge import load_models

_MODELS = load_models()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("running mistral-small-3.1-24b-instruct-q6_k.gguf in koboldcpp", "Mistral Small 24B"),
        ("Mistral-Small-3.1-24B-Instruct-2503 on two 3060s", "Mistral Small 24B"),
    ],
)
def test_the_versioned_head_names_the_model(text, name):
    assert [m.name for m in _MODELS.find_in_text(text)] == [name]


def test_a_size_the_model_does_not_have_names_nothing():
    assert _MODELS.find_in_text("mistral-small-3.1-13b-instruct") == []
