"""Any Hugging Face model from its config.json: fixture configs, the cache, offline fallback. No network."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from assistant.knowledge import load_catalog, load_models
from assistant.knowledge._hf_config import (
    ConfigUnavailable,
    nearest_known,
    spec_for_model_id,
    spec_from_config,
)
from assistant.sizing import Task, Workload, estimate_memory, fit_gpu, load_assumptions

FIXTURES = Path(__file__).parents[1] / "fixtures" / "hf"


@pytest.mark.parametrize(
    ("fixture", "total_b", "active_b"),
    [
        ("qwen2.5-7b-config.json", 7.62, None),  # model card: 7.61B (7.62B with untied head)
        ("mixtral-8x7b-config.json", 46.7, 12.9),  # Mixtral paper: 46.7B total, 12.9B active
        ("deepseek-v3-config.json", 671, 37),  # DeepSeek-V3 report: 671B total, 37B active
    ],
)
def test_parameter_counts_from_the_architecture_match_the_published_ones(fixture, total_b, active_b):
    spec = spec_for_model_id(str(FIXTURES / fixture))
    assert spec.params_b == pytest.approx(total_b, rel=0.02)
    if active_b:
        assert spec.active_params_b == pytest.approx(active_b, rel=0.03)


def test_gqa_and_mla_shape_the_kv_cache_like_the_known_specs():
    models = load_models()
    qwen = spec_for_model_id(str(FIXTURES / "qwen2.5-7b-config.json"))
    assert qwen.kv_values_per_token == models.get("Qwen2.5 7B").kv_values_per_token
    deepseek = spec_for_model_id(str(FIXTURES / "deepseek-v3-config.json"))
    assert deepseek.kv_latent_dim == 576 and deepseek.native_precision == "fp8"


def test_a_model_folder_and_the_cache_both_work_offline(tmp_path):
    folder = tmp_path / "my-model"
    folder.mkdir()
    shutil.copy(FIXTURES / "mixtral-8x7b-config.json", folder / "config.json")
    assert spec_for_model_id(str(folder)).experts == 8
    cache = tmp_path / "data"
    (cache / "hf-configs").mkdir(parents=True)
    shutil.copy(FIXTURES / "qwen2.5-7b-config.json", cache / "hf-configs" / "someone--qwen-finetune.json")
    spec = spec_for_model_id("someone/qwen-finetune", cache, online=False)
    assert spec.name == "someone/qwen-finetune" and "cached" in spec.source


def test_offline_and_uncached_says_so_and_names_a_stand_in(tmp_path):
    with pytest.raises(ConfigUnavailable, match="offline"):
        spec_for_model_id("acme/SuperLM-13B-Instruct", tmp_path, online=False)
    stand_in, why = nearest_known("acme/SuperLM-13B-Instruct", load_models())
    assert stand_in.name == "Llama 2 13B" and "13B" in why


def test_a_config_sized_model_goes_through_the_same_arithmetic():
    spec = spec_from_config(
        json.loads((FIXTURES / "qwen2.5-7b-config.json").read_text()),
        "Qwen/Qwen2.5-7B",
        "tests/fixtures/hf config",
    )
    work = Workload(Task.INFERENCE, spec, spec.params, precision="q4_k_m", runtime="llama.cpp", context=4096)
    assumptions = load_assumptions()
    fit = fit_gpu(estimate_memory(work, assumptions), load_catalog().by_name("RTX 4060"), assumptions)
    assert fit.count == 1 and fit.local is not None


def test_questions_naming_a_model_id_are_sized_from_its_cached_config(assistant):
    cache = Path(assistant.settings.data_dir) / "hf-configs"
    cache.mkdir(parents=True, exist_ok=True)
    shutil.copy(FIXTURES / "qwen2.5-7b-config.json", cache / "acme--Writer-7B.json")
    reply = assistant.ask("how much VRAM does acme/Writer-7B need in bf16?")
    assert "acme/Writer-7B" in reply.text and "config.json" in reply.text
    assert "7.6B parameters" in reply.details  # counted from the fixture's architecture (the breakdown)


def test_an_uncached_model_id_offline_is_said_and_sized_as_a_stated_stand_in(assistant):
    reply = assistant.ask("could an H100 serve nobody-knows/Mystery-70B?")
    assert "could not read nobody-knows/Mystery-70B" in reply.text
    assert "70B" in reply.text and "nearest" in reply.text


@pytest.mark.parametrize("model_id", ["acme/chat-7b", "someorg/Coder-8B-v2", "lab/base-13b", "x/tiny-3b-it"])
def test_a_vision_language_model_never_stands_in_for_an_unreadable_text_model(model_id):
    stand_in, _ = nearest_known(model_id, load_models())
    assert stand_in.vision_encoder_b is None


def test_vision_language_rows_count_their_vision_encoder_in_the_total():
    for spec in load_models():
        if spec.vision_encoder_b is not None:
            assert 0 < spec.vision_encoder_b < spec.params_b / 2


def test_the_size_in_a_model_ids_name_is_read():
    from assistant.knowledge._hf_config import sized_by_name

    assert sized_by_name("someorg/Granite-Next-27B-Instruct") == 27e9
    assert sized_by_name("lab/Foo-1.5B-chat-AWQ") == 1.5e9
    assert sized_by_name("org/mystery-model") is None
