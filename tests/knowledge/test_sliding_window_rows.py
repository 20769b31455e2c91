"""The sliding-window fields of corpus/models.yaml: set together, within the layer count, and shrinking the
per-token KV cache only past the window."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from assistant.knowledge import ModelSpec


def test_rows_with_a_window_name_their_local_layers(models):
    windowed = [m for m in models if m.sliding_window]
    assert {"Gemma 2 9B", "Gemma 3 27B", "gpt-oss-120b"} <= {m.name for m in windowed}
    for m in windowed:
        assert 0 < m.sliding_window_layers < m.layers, m.name
        assert "sliding_window" in m.source, m.name


def test_average_per_token_falls_only_past_the_window(models):
    gemma2 = models.by_name("Gemma 2 9B")
    assert gemma2.kv_values_at(4096) == gemma2.kv_values_per_token
    assert gemma2.kv_values_at(8192) == pytest.approx(gemma2.kv_values_per_token * 0.75)


def test_a_window_without_its_layer_count_is_rejected(models):
    row = models.by_name("Gemma 3 4B").model_dump()
    row["sliding_window_layers"] = None
    with pytest.raises(ValidationError):
        ModelSpec(**row)
    row["sliding_window_layers"] = row["layers"] + 1
    with pytest.raises(ValidationError):
        ModelSpec(**row)
