"""Local runtimes: GGUF file sizes, no server reserve, quantized KV cache, layer split, offload, native formats."""

from __future__ import annotations

import pytest

from assistant.knowledge import load_catalog, load_models
from assistant.planning import WorkloadRequest, plan_workload
from assistant.sizing import Fit, NoFit, Task, Workload, estimate_memory, fit_gpu, load_assumptions, offload


@pytest.fixture(scope="module")
def data():
    return load_catalog(), load_models(), load_assumptions()


def _work(models, name, **kw):
    spec = models.get(name)
    return Workload(Task.INFERENCE, spec, spec.params, **kw)


# Published GGUF sizes: llama.cpp tools/quantize/README.md "Memory/Disk Requirements" (Llama 3.1, Q4_K_M,
# decimal GB) and its Llama-3.1-8B table (size in GiB per quant type).
@pytest.mark.parametrize(
    ("model", "quant", "published_gb"),
    [
        ("Llama 3.1 8B", "q4_k_m", 4.9),
        ("Llama 3.1 70B", "q4_k_m", 43.1),
        ("Llama 3.1 405B", "q4_k_m", 249.1),
        ("Llama 3.1 8B", "q8_0", 7.95 * 1.073741824),
        ("Llama 3.1 8B", "q6_k", 6.14 * 1.073741824),
        ("Llama 3.1 8B", "q5_k_m", 5.33 * 1.073741824),
        ("Llama 3.1 8B", "q2_k", 2.95 * 1.073741824),
    ],
)
def test_gguf_weights_match_published_file_sizes(data, model, quant, published_gb):
    _, models, assumptions = data
    weights = estimate_memory(_work(models, model, precision=quant, runtime="llama.cpp"), assumptions).item(
        "weights"
    )
    assert weights.gb == pytest.approx(published_gb, rel=0.03)
    assert "GGUF" in weights.detail


def test_q4_k_m_is_about_4_9_bits_not_4_25(data):
    _, _, assumptions = data
    assert assumptions.bytes_per_param("q4_k_m") * 8 == pytest.approx(4.89, abs=0.01)


def test_a_4bit_32b_fits_a_24gb_card_under_llama_cpp_but_not_a_servers_reserve(data):
    catalog, models, assumptions = data
    card = catalog.by_name("RTX 3090")
    local = fit_gpu(
        estimate_memory(
            _work(models, "Qwen2.5 32B", precision="q4_k_m", runtime="llama.cpp", context=4096), assumptions
        ),
        card,
        assumptions,
    )
    assert isinstance(local, Fit) and local.count == 1 and local.usable_gb == 24
    served = fit_gpu(
        estimate_memory(_work(models, "Qwen2.5 32B", precision="q4_k_m", context=4096), assumptions),
        card,
        assumptions,
    )
    assert isinstance(served, Fit) and served.count == 2  # 90% of 24 GB is 21.6 GB


def test_quantized_kv_cache_shrinks_with_its_block_format(data):
    _, models, assumptions = data
    base = dict(precision="q4_k_m", runtime="llama.cpp", context=32768)
    f16 = estimate_memory(_work(models, "Llama 3.1 8B", **base), assumptions).item("KV cache").gb
    q8 = (
        estimate_memory(_work(models, "Llama 3.1 8B", kv_precision="q8_0", **base), assumptions)
        .item("KV cache")
        .gb
    )
    q4 = (
        estimate_memory(_work(models, "Llama 3.1 8B", kv_precision="q4_0", **base), assumptions)
        .item("KV cache")
        .gb
    )
    assert f16 == pytest.approx(4.29, rel=0.01)  # 32 layers x 8 KV heads x 128 x 2 x 2 bytes x 32,768
    assert q8 == pytest.approx(f16 * 8.5 / 16, rel=0.01) and q4 == pytest.approx(f16 * 4.5 / 16, rel=0.01)


def test_a_mac_gets_its_gpu_working_set_not_all_its_memory(data):
    catalog, models, assumptions = data
    mac = catalog.by_name("M2 Max 64GB")
    fit = fit_gpu(
        estimate_memory(_work(models, "Llama 3.1 70B", precision="q4_k_m", runtime="llama.cpp"), assumptions),
        mac,
        assumptions,
    )
    assert isinstance(fit, Fit) and fit.usable_gb == 48
    too_big = fit_gpu(
        estimate_memory(_work(models, "Llama 3.1 70B", precision="q6_k", runtime="llama.cpp"), assumptions),
        mac,
        assumptions,
    )
    assert isinstance(too_big, NoFit) or too_big.count > 1
    assert any("iogpu.wired_limit_mb" in c for c in fit.caveats)


def test_mlx_runs_only_on_macs_and_its_4bit_carries_group_64_scales(data):
    catalog, models, assumptions = data
    work = _work(models, "Qwen2.5 7B", precision="int4", runtime="mlx")
    assert isinstance(
        fit_gpu(estimate_memory(work, assumptions), catalog.by_name("RTX 4090"), assumptions), NoFit
    )
    assert "4.50 bits" in estimate_memory(work, assumptions).item("weights").detail


def test_layer_split_adds_memory_not_speed(data):
    catalog, models, assumptions = data
    card = catalog.by_name("RTX 3090")
    estimate = estimate_memory(
        _work(models, "Llama 3.1 70B", precision="q4_k_m", runtime="llama.cpp", context=512), assumptions
    )
    two = fit_gpu(estimate, card, assumptions)
    assert two.count == 2
    weights = estimate.item("weights").gb
    assert two.serving.decode_tokens_per_s == pytest.approx(936 * 0.7 / (weights + 0.17), rel=0.05)
    assert any("take turns" in c for c in two.caveats)


def test_cpu_offload_puts_what_fits_on_the_gpu_and_costs_speed(data):
    catalog, _, assumptions = data
    card = catalog.by_name("RTX 4060")
    split = offload(weights_gb=43.2, fixed_gb=2.5, layers=80, gpu=card, assumptions=assumptions)
    assert 0 < split.gpu_layers < 80 and split.gpu_gb <= 8 - 2.5
    assert split.decode_tokens_per_s < 64 * 0.7 / (43.2 - split.gpu_gb) * 1.01  # RAM-bound
    assert "layers on the GPU" in split.detail


def test_models_that_ship_quantized_default_to_their_native_format(data):
    catalog, models, assumptions = data
    plan = plan_workload(WorkloadRequest(model="DeepSeek-V3"), catalog, models, assumptions)
    assert plan.workload.precision == "fp8" and any("ships in" in d for d in plan.defaults)
    oss = plan_workload(
        WorkloadRequest(model="gpt-oss-20b", gpus=("RTX 4060 Ti 16GB",), runtime="llama.cpp"),
        catalog,
        models,
        assumptions,
    )
    assert oss.workload.precision == "mxfp4" and isinstance(oss.checks[0], Fit) and oss.checks[0].count == 1


def test_ollama_without_a_quant_means_q4_k_m_and_local_picks_are_never_macs(data):
    catalog, models, assumptions = data
    plan = plan_workload(
        WorkloadRequest(model="Qwen2.5 14B", runtime="llama.cpp"), catalog, models, assumptions
    )
    assert plan.workload.precision == "q4_k_m"
    assert plan.pick is not None and not plan.pick.gpu.is_owned_hardware
    assert plan.options[0].label == "inference in q8_0"


def test_a_model_run_by_the_cpu_holds_no_gpu_context(data):
    _, models, assumptions = data
    on_gpu = estimate_memory(
        _work(models, "Llama 3.1 8B", precision="q4_k_m", runtime="llama.cpp"), assumptions
    )
    on_cpu = estimate_memory(
        _work(models, "Llama 3.1 8B", precision="q4_k_m", runtime="llama.cpp", on_cpu=True), assumptions
    )
    labels = {i.label for i in on_cpu.items}
    assert not any("CUDA" in label or "GPU context" in label for label in labels)
    assert on_gpu.total_gb - on_cpu.total_gb == pytest.approx(assumptions.number("llamacpp_context_gb"))


def test_llama_cpp_holds_the_cuda_context_alone_not_pytorchs_framework(data):
    """llama.cpp (ggml) loads no PyTorch kernels: beside its buffers it holds the CUDA primary context, which
    llama.cpp PR 20595 measures at 120-550 MB, not the 1 GB a PyTorch process keeps."""
    _, models, assumptions = data
    gguf = estimate_memory(
        _work(models, "Llama 3.1 8B", precision="q4_k_m", runtime="llama.cpp"), assumptions
    )
    torch = estimate_memory(_work(models, "Llama 3.1 8B", precision="bf16"), assumptions)
    assert gguf.item("GPU context (llama.cpp)").gb == pytest.approx(0.5)
    assert torch.item("CUDA context and framework").gb == pytest.approx(1.0)
    # the whole file (4.9 GB) + 0.5 GB of fp16 KV cache at 4,096 tokens + context: about 6 GB, as measured
    assert 5.5 <= gguf.total_gb <= 6.2


def test_an_exl2_bitrate_sizes_the_weights_at_its_bits(data):
    _, models, assumptions = data
    work = _work(models, "Llama 3.1 70B", precision="2.5bpw", runtime="exllamav2")
    weights = estimate_memory(work, assumptions).item("weights")
    assert weights.gb == pytest.approx(work.params * 2.5 / 8 / 1e9, rel=1e-6)
    assert "EXL2" in weights.detail
    assert assumptions.knows_precision("4.65bpw") and not assumptions.knows_precision("12bpw")


def test_the_layers_asked_for_are_weighed_against_the_card(data):
    catalog, _, assumptions = data
    gpu = catalog.by_name("RTX 3060 12GB")
    most = offload(40.0, 2.0, 80, gpu, assumptions)
    fewer = offload(40.0, 2.0, 80, gpu, assumptions, on_gpu=most.gpu_layers - 5)
    more = offload(40.0, 2.0, 80, gpu, assumptions, on_gpu=most.gpu_layers + 5)
    assert most.fits and fewer.fits and not more.fits
    assert more.gpu_total_gb > gpu.memory_gb >= most.gpu_total_gb
    assert fewer.decode_tokens_per_s < most.decode_tokens_per_s  # more layers left to the RAM: slower


def test_llama_cpp_compute_buffer_holds_the_logits_of_a_micro_batch(data):
    """llama.cpp sizes its compute buffer for a 512-token micro-batch; with a large vocabulary the f32 logits
    dominate it. Ollama logs 'memory.graph.full=258.5 MiB' for a 128,256-token Llama 3 vocabulary
    (ollama/ollama issue 9311); 512 x 128,256 x 4 B is 250.5 MiB."""
    _, models, assumptions = data
    est = estimate_memory(_work(models, "Llama 3.1 8B", precision="q4_k_m", runtime="llama.cpp"), assumptions)
    assert est.item("activations").gb * 1e9 / 2**20 == pytest.approx(258.5, rel=0.05)


def test_free_ram_is_what_the_system_leaves_but_at_least_half(assumptions):
    from assistant.sizing import free_ram_gb

    reserve = assumptions.number("os_ram_reserve_gb")
    assert free_ram_gb(64, assumptions) == 64 - reserve
    assert free_ram_gb(reserve, assumptions) == reserve / 2  # a small machine keeps half, not nothing


def test_offload_over_several_cards_adds_their_memory_but_reads_at_one_cards_speed(data):
    """llama.cpp's --tensor-split: two cards of a kind hold twice the layers, and since the cards take turns on
    each token the GPU part still reads at one card's bandwidth; the rest of the model stays in RAM."""
    catalog, _, assumptions = data
    card = catalog.by_name("RTX 3060 12GB")
    one = offload(weights_gb=42.0, fixed_gb=2.0, layers=80, gpu=card, assumptions=assumptions)
    two = offload(weights_gb=42.0, fixed_gb=2.0, layers=80, gpu=card, assumptions=assumptions, cards=2)
    usable = 2 * card.gpu_memory_gb * assumptions.number("local_memory_fraction") - 2.0
    assert two.cards == 2 and two.gpu_layers == int(usable // (42.0 / 80))
    assert two.gpu_layers > one.gpu_layers and two.cpu_gb < one.cpu_gb
    ram, eff = (
        assumptions.number("system_ram_bandwidth_gbs"),
        assumptions.number("decode_bandwidth_efficiency"),
    )
    expected = 1 / (two.gpu_gb / (card.memory_bandwidth_gbs * eff) + two.cpu_gb / (ram * eff))
    assert two.decode_tokens_per_s == pytest.approx(expected, rel=1e-6)
    assert "the 2 GPUs" in two.detail


def test_a_long_contexts_kv_cache_goes_with_the_layers_not_all_onto_the_gpu(data):
    """llama.cpp keeps each layer's KV cache beside its weights: a 4.8 GB cache at 32k tokens on a 4 GB card
    still leaves room for some layers (each with its share of the cache), and the layers in RAM take theirs."""
    catalog, _, assumptions = data
    card = catalog.by_name("GTX 1650")
    whole = offload(weights_gb=5.0, fixed_gb=5.3, layers=36, gpu=card, assumptions=assumptions)
    split = offload(weights_gb=5.0, fixed_gb=5.3, layers=36, gpu=card, assumptions=assumptions, kv_gb=4.8)
    assert whole.gpu_layers == 0 and split.gpu_layers > 0
    room = card.gpu_memory_gb * assumptions.number("local_memory_fraction") - 0.5
    assert split.gpu_layers == int(room // (9.8 / 36))
    off = 36 - split.gpu_layers
    assert split.cpu_gb == pytest.approx(off * 5.0 / 36 + off * 4.8 / 36)
