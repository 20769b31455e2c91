"""The tools table (corpus/software.yaml): its schema, its agreement with the catalog, and the support check."""

import pytest

from assistant.knowledge import DataError, load_catalog
from assistant.knowledge._software import load_software, support_of


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


@pytest.fixture(scope="module")
def software(catalog):
    return load_software(catalog=catalog)


def check(software, catalog, key, gpu=None, stack=None):
    tool, feature = software.find(key)
    card = catalog.by_name(gpu) if gpu else None
    return support_of(tool, feature, card.software if card else stack, card)


def test_every_tool_row_has_a_source_and_a_date(software):
    assert len(software.tools) >= 10
    for tool in software.tools:
        assert tool.source.startswith("http") and tool.as_of.year >= 2025
        for feature in tool.features:
            assert feature.source.startswith("http")


def test_every_nvidia_card_has_a_compute_capability_and_no_other_card_does(catalog):
    for gpu in catalog:
        assert (gpu.compute_capability is not None) == (gpu.vendor == "NVIDIA"), gpu.name
    assert catalog.by_name("V100 32GB").compute_capability == 7.0
    assert catalog.by_name("RTX 2080 Ti").compute_capability == 7.5
    assert catalog.by_name("A100 40GB").compute_capability == 8.0
    assert catalog.by_name("RTX 3060 12GB").compute_capability == 8.6
    assert catalog.by_name("L4").compute_capability == 8.9
    assert catalog.by_name("H200").compute_capability == 9.0


def test_flashattention2_row_agrees_with_the_catalog_flag(software, catalog):
    """The catalog's flash_attention_2 flag and the tool's own requirement say the same thing for every card
    (AMD consumer cards may be 'partial' through the Triton backend, never 'supported')."""
    for gpu in catalog:
        status = check(software, catalog, "FlashAttention-2", gpu.name).status
        assert (status == "supported") == gpu.flash_attention_2, gpu.name


def test_a_card_below_the_minimum_is_unsupported_with_what_to_use_instead(software, catalog):
    s = check(software, catalog, "vLLM", "P40")
    assert s.status == "unsupported" and "7.0" in s.reason and "6.1" in s.reason
    assert "llama.cpp" in s.note


def test_a_card_at_the_minimum_runs(software, catalog):
    assert check(software, catalog, "vLLM", "V100 16GB").status == "supported"
    assert check(software, catalog, "vLLM|AWQ", "T4").status == "supported"
    assert check(software, catalog, "vLLM|AWQ", "V100 32GB").status == "unsupported"


def test_a_hopper_only_kernel_is_refused_above_and_below(software, catalog):
    assert check(software, catalog, "FlashAttention-3", "H100 SXM").status == "supported"
    assert check(software, catalog, "FlashAttention-3", "A100 80GB SXM").status == "unsupported"
    assert check(software, catalog, "FlashAttention-3", "B200").status == "unsupported"


def test_a_stack_the_tool_does_not_list_is_unsupported(software, catalog):
    s = check(software, catalog, "MLX", "RTX 4070")
    assert s.status == "unsupported" and s.note
    assert check(software, catalog, "TensorRT-LLM", "MI300X").status == "unsupported"


def test_a_card_off_the_list_with_a_known_workaround_is_partial(software, catalog):
    s = check(software, catalog, "Ollama", "RX 6700 XT")
    assert s.status == "partial" and "HSA_OVERRIDE_GFX_VERSION" in s.note
    assert check(software, catalog, "Ollama", "RX 7900 XTX").status == "supported"


def test_a_platform_without_a_card(software, catalog):
    assert check(software, catalog, "llama.cpp", stack="Metal").status == "supported"
    assert check(software, catalog, "vLLM", stack="Metal").status == "unsupported"


def test_the_longest_name_wins_where_two_tools_share_words(software):
    names = [t.name for t, _ in software.named_in("is flash attention 3 out for my card")]
    assert names == ["FlashAttention-3"]
    found = software.named_in("can vllm serve gptq models on turing")
    assert [(t.name, f.name if f else None) for t, f in found] == [("vLLM", "GPTQ")]


def test_a_gpu_name_the_catalog_lacks_is_a_data_error(tmp_path, catalog):
    path = tmp_path / "software.yaml"
    path.write_text(
        "tools:\n  - name: Xtool\n    kind: a tool\n    platforms:\n      - stack: ROCm\n        gpus: [RX 9999]\n"
        "    source: https://example.org/x\n    as_of: 2026-01-01\n"
    )
    with pytest.raises(DataError, match="RX 9999"):
        load_software(path, catalog)


def test_lm_studio_runs_arc_cards_only_through_vulkan(software, catalog):
    s = check(software, catalog, "LM Studio", "Arc A770")
    assert s.status == "partial" and "Vulkan" in s.note
    assert check(software, catalog, "LM Studio", "RTX 3060 12GB").status == "supported"
    assert check(software, catalog, "LM Studio", stack="XLA").status == "unsupported"
    assert [t.name for t, _ in software.named_in("does lmstudio see my gpu")] == ["LM Studio"]


def test_ollama_lists_the_radeon_cards_its_docs_name(software, catalog):
    for card in ("RX 7600 XT", "RX 7700 XT", "RX 6800", "RX 6900 XT"):
        assert check(software, catalog, "Ollama", card).status == "supported", card
    assert check(software, catalog, "Ollama", "RX 6600").status == "partial"


def test_koboldcpp_runs_radeon_cards_through_vulkan_or_the_rocm_fork(software, catalog):
    s = check(software, catalog, "KoboldCpp", "RX 6700 XT")
    assert s.status == "partial" and "Vulkan" in s.note
    assert check(software, catalog, "KoboldCpp", "RTX 3060 12GB").status == "supported"


def test_a_card_the_catalog_lacks_is_weighed_against_the_tools_list(software):
    tool, feature = software.find("Ollama")
    s = support_of(tool, feature, "ROCm", card="Radeon R9 280X")
    assert s.status == "unsupported" and s.card == "Radeon R9 280X" and "not on its ROCm list" in s.reason
    assert s.where == "the Radeon R9 280X"
    assert s.note  # the workaround its docs give for cards off the list (the HSA override) is said


def test_a_quantization_format_closing_a_checkpoint_name_is_that_feature(software):
    """ "org/Some-Model-13B-Chat-AWQ" names AWQ as surely as "with AWQ" does: the format's own hardware floor
    applies; a name part inside a longer word ("awq_marlin") or a plain word is not it."""
    named = dict(
        (tool.name, feature) for tool, feature in software.named_in("vllm serve Org/Yi-34B-Chat-AWQ")
    )
    assert named["vLLM"] is not None and named["vLLM"].name == "AWQ"
    named = dict(software.named_in("deploy someone/Phi-3-medium-GPTQ-Int4 behind vllm"))
    assert named and next(iter(named.values())).name == "GPTQ"
    named = dict(software.named_in("vllm with Org/Some-Model-13B-FP8"))
    assert next(iter(named.values())).name == "FP8 (W8A8)"
    named = dict(software.named_in("vllm serve a model, then quantize it"))
    assert next(iter(named.values())) is None


def test_fp8_checkpoints_run_weight_only_on_ampere_but_not_on_older_cards(software, catalog):
    """FP8 compute needs Ada or Hopper (8.9); vLLM still runs FP8 checkpoints on Ampere weight-only through its
    FP8 Marlin kernel (a partial path), and not at all on Volta."""
    ampere = check(software, catalog, "vLLM|FP8 (W8A8)", "A10G")
    assert ampere.status == "partial" and "Marlin" in ampere.note
    volta = check(software, catalog, "vLLM|FP8 (W8A8)", "V100 16GB")
    assert volta.status == "unsupported" and "8.0" in volta.reason
    assert check(software, catalog, "vLLM|FP8 (W8A8)", "H100 PCIe").status == "supported"


def test_the_floor_of_a_feature_with_a_slower_path_is_that_paths_own(software):
    from assistant.knowledge._software import cuda_floor

    assert cuda_floor(software.named_in("an fp8 checkpoint under vllm"))[0] == 8.0
    assert cuda_floor(software.named_in("awq through vllm"))[0] == 7.5
