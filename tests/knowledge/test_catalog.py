"""The GPU catalog: every row valid, names unique, units sane, aliases resolved."""

from __future__ import annotations

import textwrap

import pytest

from assistant import DataError, load_catalog

REQUIRED = [
    "B300", "B200", "B100", "GB200", "H200", "H100 SXM", "H100 PCIe", "H100 NVL", "GH200",
    "A100 80GB SXM", "A100 40GB", "A100 80GB PCIe", "L40S", "L40", "L4", "A10G", "A10", "A40", "A30",
    "A16", "T4", "V100 16GB", "V100 32GB", "P100", "RTX 6000 Ada", "RTX A6000", "RTX 5090", "RTX 4090",
    "RTX 3090", "MI355X", "MI325X", "MI300X", "MI250X", "MI210", "Gaudi 2", "Gaudi 3", "TPU v5e",
    "TPU v5p", "TPU v6e", "Trainium", "Trainium2", "Inferentia2",
]  # fmt: skip


def test_every_required_accelerator_is_present(catalog):
    assert set(REQUIRED) <= set(catalog.names)
    assert len(catalog.names) == len(set(catalog.names))


def test_public_fields(catalog):
    for gpu in catalog:
        assert gpu.name and gpu.memory_gb > 0 and gpu.memory_bandwidth_gbs > 0
        assert gpu.price_per_hour is None or gpu.price_per_hour > 0
        assert gpu.spec_source and gpu.as_of


def test_units_are_physically_sane(catalog):
    for gpu in catalog:
        # unified-memory Macs go to 512 GB and down to the base M1's 68 GB/s (a Jetson Orin's LPDDR5 too); the 2019
        # Jetson Nano's 64-bit LPDDR4 is the floor at 25.6 GB/s
        unified = bool(gpu.gpu_memory_share) or "unified" in gpu.memory_type
        assert gpu.memory_gb <= (512 if unified else 300), gpu.name
        assert (25 if unified else 100) <= gpu.memory_bandwidth_gbs <= 10_000, gpu.name
        if gpu.fp16_tflops and gpu.fp16_tflops_sparse:
            assert gpu.fp16_tflops <= gpu.fp16_tflops_sparse, gpu.name
        if gpu.fp8_tflops and gpu.fp16_tflops:
            assert gpu.fp16_tflops <= gpu.fp8_tflops <= 2.05 * gpu.fp16_tflops, (
                gpu.name
            )  # 2x, datasheet rounding
        if gpu.price:
            assert gpu.price.low <= gpu.price.typical


def test_capability_flags_match_hardware_generations(catalog):
    for name in ("T4", "V100 16GB", "V100 32GB", "P100"):
        gpu = catalog.by_name(name)
        assert not gpu.bf16 and not gpu.fp8 and not gpu.flash_attention_2, name
    for name in ("H100 SXM", "H200", "L40S", "L4", "B200", "MI300X", "RTX 4090"):
        assert catalog.by_name(name).fp8, name
    for name in ("A100 80GB SXM", "A10G", "A10", "RTX 3090", "MI250X"):
        assert not catalog.by_name(name).fp8, name


@pytest.mark.parametrize(
    ("typed", "canonical"),
    [
        ("h100", "H100 SXM"),
        ("H100 SXM", "H100 SXM"),
        ("h100 sxm", "H100 SXM"),
        ("H100 80GB", "H100 SXM"),
        ("H100 SMX", "H100 SXM"),
        ("A100-80G", "A100 80GB SXM"),
        ("a10g", "A10G"),
        ("A10", "A10"),
        ("4090", "RTX 4090"),
        ("rtx 4090", "RTX 4090"),
        ("mi300x", "MI300X"),
        ("l40s", "L40S"),
        ("L4", "L4"),
        ("tpu v5e", "TPU v5e"),
    ],
)
def test_alias_resolution(catalog, typed, canonical):
    assert catalog.get(typed).name == canonical


def test_unknown_names_resolve_to_nothing(catalog):
    for typed in ("", "banana", "h9000", "gpu"):
        assert catalog.get(typed) is None


def test_find_in_text(catalog):
    found = catalog.find_in_text("Compare the L4 and the T4, or maybe an A10G or h100 sxm?")
    assert [g.name for g in found] == ["L4", "T4", "A10G", "H100 SXM"]


def _write(tmp_path, body: str):
    path = tmp_path / "gpus.yaml"
    path.write_text(textwrap.dedent(body))
    return path


ROW = """\
gpus:
  - name: Test GPU
    vendor: NVIDIA
    architecture: Test
    release_year: 2023
    memory_gb: {memory}
    memory_type: HBM3
    memory_bandwidth_gbs: 1000
    fp16_tflops: 100
    form_factor: SXM
    interconnect: PCIe
    gpu_class: both
    bf16: true
    fp8: false
    flash_attention_2: true
    software: CUDA
    spec_source: https://example.com
    as_of: 2026-01-01
"""


def test_bad_row_names_file_row_and_field(tmp_path):
    with pytest.raises(DataError) as info:
        load_catalog(_write(tmp_path, ROW.format(memory=900)))
    message = str(info.value)
    assert "gpus.yaml" in message and "row 1 (Test GPU)" in message and "memory_gb" in message


def test_valid_custom_catalog_loads(tmp_path):
    assert load_catalog(_write(tmp_path, ROW.format(memory=80))).names == ["Test GPU"]


def test_duplicate_alias_is_rejected(tmp_path):
    body = ROW.format(memory=80) + ROW.format(memory=80).removeprefix("gpus:\n").replace(
        "Test GPU", "test-gpu"
    )
    with pytest.raises(DataError, match="used by both"):
        load_catalog(_write(tmp_path, body))


def test_bound_rate_is_compute_to_train_and_bandwidth_to_generate(catalog):
    h100, a100 = catalog.get("H100 SXM"), catalog.get("A100 80GB SXM")
    assert h100.bound_rate(training=True) == h100.training_tflops
    assert h100.bound_rate(training=False) == h100.memory_bandwidth_gbs
    # the H100 leads the A100 by far more in compute than in bandwidth
    compute_lead = h100.bound_rate(True) / a100.bound_rate(True)
    bandwidth_lead = h100.bound_rate(False) / a100.bound_rate(False)
    assert compute_lead > bandwidth_lead > 1
