"""The open-model catalog (corpus/models.yaml): rows valid, numbers consistent with their architecture,
names that real questions use resolve to the right row."""

from __future__ import annotations

import pytest

from assistant import DataError
from assistant.knowledge import load_models
from assistant.knowledge._hf_config import spec_from_config

# families whose feed-forward block is two matrices (GELU/ReLU MLP), not the gated three of SwiGLU/GeGLU
_PLAIN_MLP = {
    "Phi-2",
    "GPT-J",
    "GPT-NeoX",
    "BLOOM",
    "OPT",
    "Falcon",
    "StarCoder",
    "GPT-2",
    "T5",
    "BERT",
    "RoBERTa",
    "DeBERTa",
    "XLM-RoBERTa",
}


def _params_from_architecture(m) -> float:
    attention = (
        2 * m.hidden_size * m.attention_heads * m.head_dim + 2 * m.hidden_size * m.kv_heads * m.head_dim
    )
    mlp = (2 if m.family in _PLAIN_MLP else 3) * m.hidden_size * m.intermediate_size
    cross = (
        m.cross_attention_layers or 0
    ) * attention  # an encoder-decoder's decoder also attends to the encoder
    return m.embedding_params + m.layers * (attention + mlp) + cross + (m.vision_encoder_b or 0) * 1e9


def test_every_row_has_a_config_source_and_date(models):
    assert len(models) >= 95
    for m in models:
        assert "huggingface.co/" in m.source, m.name
        assert m.as_of.year >= 2026


@pytest.mark.parametrize("name", [m.name for m in load_models() if not m.is_moe and m.name != "Qwen-VL"])
def test_dense_parameter_count_follows_from_the_architecture(models, name):
    """params_b (from the model card) and the count the layers, widths and vocabulary give agree within 3%:
    a wrong layer count, FFN width or head layout would not. (Qwen-VL's language model has biases and a
    resampler the formula leaves out.)"""
    m = models.by_name(name)
    assert _params_from_architecture(m) == pytest.approx(m.params, rel=0.03)


@pytest.mark.parametrize(
    ("name", "config", "total_b", "active_b"),
    [
        (
            "Qwen3 30B-A3B",
            {"hidden_size": 2048, "num_hidden_layers": 48, "num_attention_heads": 32, "num_key_value_heads": 4,
             "head_dim": 128, "vocab_size": 151936, "num_experts": 128, "num_experts_per_tok": 8,
             "moe_intermediate_size": 768, "intermediate_size": 6144},
            30.5, 3.3,
        ),
        (
            "Qwen3 235B-A22B",
            {"hidden_size": 4096, "num_hidden_layers": 94, "num_attention_heads": 64, "num_key_value_heads": 4,
             "head_dim": 128, "vocab_size": 151936, "num_experts": 128, "num_experts_per_tok": 8,
             "moe_intermediate_size": 1536, "intermediate_size": 12288},
            235, 22,
        ),
        (
            "DeepSeek-V2-Lite",
            {"hidden_size": 2048, "num_hidden_layers": 27, "num_attention_heads": 16, "vocab_size": 102400,
             "n_routed_experts": 64, "n_shared_experts": 2, "num_experts_per_tok": 6, "moe_intermediate_size": 1408,
             "intermediate_size": 10944, "first_k_dense_replace": 1, "kv_lora_rank": 512, "q_lora_rank": None,
             "qk_rope_head_dim": 64, "qk_nope_head_dim": 128, "v_head_dim": 128},
            15.7, 2.4,
        ),
        (
            "DeepSeek-V2",
            {"hidden_size": 5120, "num_hidden_layers": 60, "num_attention_heads": 128, "vocab_size": 102400,
             "n_routed_experts": 160, "n_shared_experts": 2, "num_experts_per_tok": 6, "moe_intermediate_size": 1536,
             "intermediate_size": 12288, "first_k_dense_replace": 1, "kv_lora_rank": 512, "q_lora_rank": 1536,
             "qk_rope_head_dim": 64, "qk_nope_head_dim": 128, "v_head_dim": 128},
            236, 21,
        ),
    ],
)  # fmt: skip
def test_moe_rows_match_the_count_their_config_gives(models, name, config, total_b, active_b):
    """The catalog row's layout is the config's, and the config's arithmetic gives the model card's totals."""
    row = models.by_name(name)
    derived = spec_from_config(config, name, "config.json in the test")
    assert (row.layers, row.hidden_size, row.experts, row.experts_per_token, row.intermediate_size) == (
        derived.layers,
        derived.hidden_size,
        derived.experts,
        derived.experts_per_token,
        derived.intermediate_size,
    )
    assert row.kv_values_per_token == derived.kv_values_per_token
    assert derived.params_b == pytest.approx(total_b, rel=0.05) and row.params_b == pytest.approx(
        total_b, rel=0.01
    )
    # DeepSeek's cards leave the input embedding out of the active count (0.2B of V2-Lite's 2.4B)
    assert derived.active_params_b == pytest.approx(active_b, rel=0.12)


@pytest.mark.parametrize(
    ("name", "layers", "hidden", "ffn", "heads", "kv_heads", "vocab"),
    [
        ("LLaMA 33B", 60, 6656, 17920, 52, 52, 32000),  # huggyllama/llama-30b
        ("Code Llama 34B", 48, 8192, 22016, 64, 8, 32000),
        ("Qwen3 8B", 36, 4096, 12288, 32, 8, 151936),
        ("Gemma 3 27B", 62, 5376, 21504, 32, 16, 262208),
        ("Mistral Nemo 12B", 40, 5120, 14336, 32, 8, 131072),
        ("DeepSeek-R1-Distill-Qwen 1.5B", 28, 1536, 8960, 12, 2, 151936),
        ("Yi 34B", 60, 7168, 20480, 56, 8, 64000),
        ("GPT-NeoX-20B", 44, 6144, 24576, 64, 64, 50432),
    ],
)
def test_a_sample_of_rows_against_their_config(models, name, layers, hidden, ffn, heads, kv_heads, vocab):
    m = models.by_name(name)
    assert (m.layers, m.hidden_size, m.intermediate_size, m.attention_heads, m.kv_heads, m.vocab_size) == (
        layers,
        hidden,
        ffn,
        heads,
        kv_heads,
        vocab,
    )


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("DeepSeek-R1-Distill-Qwen-32B", "DeepSeek-R1-Distill-Qwen 32B"),
        ("r1 distill llama 70b", "DeepSeek-R1-Distill-Llama 70B"),
        ("deepseek-r1:8b", "DeepSeek-R1-Distill-Llama 8B"),  # Ollama's tag for the 8B distill
        ("deepseek r1", "DeepSeek-R1"),
        ("lmsys/vicuna-13b-v1.5", "LLaMA 13B"),
        ("guanaco-65b", "LLaMA 65B"),
        ("llama 30b", "LLaMA 33B"),  # released as "30B"
        ("Qwen/Qwen3-30B-A3B", "Qwen3 30B-A3B"),
        ("mistral-nemo", "Mistral Nemo 12B"),
        ("codellama:13b", "Code Llama 13B"),
        ("deepseek-coder-v2-lite-instruct", "DeepSeek-V2-Lite"),  # same architecture
        ("qwen 3 14b", "Qwen3 14B"),
        ("gemma3 12b", "Gemma 3 12B"),
    ],
)
def test_names_people_type_resolve_to_their_row(models, typed, expected):
    assert models.get(typed).name == expected


@pytest.mark.parametrize(
    ("text", "family", "row"),
    [
        ("can my laptop run llava", "llava", "LLaVA-1.5 7B"),
        ("is qwen3 any good on an a4000", "qwen3", "Qwen3 8B"),
        ("gemma 3 on a t4?", "gemma 3", "Gemma 3 4B"),
        ("what about plain mistral", "mistral", "Mistral 7B"),
        ("what about code-llama", "code-llama", "Code Llama 7B"),
    ],
)
def test_a_family_without_a_size_finds_its_usual_row(models, text, family, row):
    said, spec = models.family_in_text(text)
    assert (said, spec.name) == (family, row)
    assert spec.name not in models.sizes_of(spec) and models.sizes_of(spec)


@pytest.mark.parametrize(
    "text", ["lora of gemma 5 on an a100", "llama 4.5 on h100", "is qwen 4 out", "no model here"]
)
def test_a_family_followed_by_a_version_the_specs_lack_is_not_that_family(models, text):
    assert models.family_in_text(text) is None


def test_a_family_name_that_is_another_rows_alias_is_refused(tmp_path):
    rows = tmp_path / "models.yaml"
    row = """
  - name: {name}
    aliases: [{alias}]
    family_names: [{family}]
    family: X
    params_b: 6.74
    layers: 32
    hidden_size: 4096
    intermediate_size: 11008
    attention_heads: 32
    kv_heads: 32
    head_dim: 128
    vocab_size: 32000
    max_context: 2048
    tied_embeddings: false
    source: https://huggingface.co/x/y/blob/main/config.json
    as_of: 2026-11-29
"""
    rows.write_text(
        "models:"
        + row.format(name="Foo 7B", alias="foo 7b", family="bar")
        + row.format(name="Bar 7B", alias="bar", family="baz")
    )
    with pytest.raises(DataError, match="family name 'bar'"):
        load_models(rows)
