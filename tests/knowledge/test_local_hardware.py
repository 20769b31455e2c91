"""Hardware people own: Apple Silicon Macs, desktop and laptop cards, workstation cards (issue 11)."""

from __future__ import annotations

import pytest

from assistant import load_catalog

OWNED = [
    "RTX 3060 12GB", "RTX 3080", "RTX 3090", "RTX 3090 Ti", "RTX 4060", "RTX 4060 Ti 16GB", "RTX 4070",
    "RTX 4070 Super", "RTX 4070 Ti", "RTX 4070 Ti Super", "RTX 4080", "RTX 4080 Super", "RTX 4090",
    "RTX 5070", "RTX 5070 Ti", "RTX 5080", "RTX 5090", "RTX 4060 Laptop", "RTX 4070 Laptop",
    "RTX 4080 Laptop", "RTX 4090 Laptop", "RTX A4000", "RTX A5000", "RTX A6000", "RTX 6000 Ada",
    "RTX PRO 6000 Blackwell", "RX 7900 XTX", "Arc A770", "Arc B580",
    "M1 16GB", "M1 Max 64GB", "M1 Ultra 128GB", "M2 Max 96GB", "M2 Ultra 192GB", "M3 24GB",
    "M3 Pro 36GB", "M3 Max 36GB", "M3 Max 128GB", "M3 Ultra 512GB", "M4 32GB", "M4 Pro 48GB",
    "M4 Max 128GB", "RTX 5060", "RTX 5060 Ti 8GB", "RTX 5060 Ti 16GB", "RX 6600", "RX 6800", "RX 6900 XT",
    "RX 7600 XT", "RX 7700 XT", "RX 9070 XT",
]  # fmt: skip


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


def test_owned_hardware_is_in_the_catalog_sourced_and_dated(catalog):
    for name in OWNED:
        gpu = catalog.by_name(name)
        assert gpu.spec_source and gpu.as_of, name
        assert gpu.fp16_tflops, name


@pytest.mark.parametrize(
    ("typed", "canonical"),
    [
        ("my MacBook Pro M3 Max 64GB", "M3 Max 64GB"),
        ("a Mac Studio M2 Ultra 192 GB", "M2 Ultra 192GB"),
        ("an M1 Max with 64GB", "M1 Max 64GB"),
        ("laptop 4060", "RTX 4060 Laptop"),
        ("my 4090 laptop", "RTX 4090 Laptop"),
        ("2x 3090", "RTX 3090"),
        ("a 4060 ti 16gb", "RTX 4060 Ti 16GB"),
        ("4070 ti super", "RTX 4070 Ti Super"),
        ("RX 7900XTX", "RX 7900 XTX"),
        ("intel arc b580", "Arc B580"),
        ("an rtx pro 6000", "RTX PRO 6000 Blackwell"),
        ("my 5060 ti", "RTX 5060 Ti 16GB"),
        ("a 5060ti 8gb", "RTX 5060 Ti 8GB"),
        ("rx 7600 xt", "RX 7600 XT"),
        ("an rx 6650 xt", "RX 6600"),
        ("radeon 9070xt", "RX 9070 XT"),
        ("an A6000 Ada", "RTX 6000 Ada"),  # the Ada card's common name, not the Ampere RTX A6000
        ("a plain a6000", "RTX A6000"),
    ],
)
def test_what_owners_type_resolves(catalog, typed, canonical):
    assert [g.name for g in catalog.find_in_text(typed)][:1] == [canonical]


def test_a_bare_chip_name_means_its_smallest_memory_option(catalog):
    assert catalog.find_in_text("my m4 pro")[0].name == "M4 Pro 24GB"
    assert catalog.find_in_text("M3 Max")[0].name == "M3 Max 36GB"


def test_geforce_rows_carry_both_fp16_figures(catalog):
    """GeForce datasheets quote FP16 with FP16 accumulate; training (BF16, FP32 accumulate) gets half."""
    for name in ("RTX 3060 12GB", "RTX 4070", "RTX 4080 Super", "RTX 5080", "RTX 4090 Laptop"):
        gpu = catalog.by_name(name)
        assert gpu.fp16_fp32acc_tflops == pytest.approx(gpu.fp16_tflops / 2, abs=0.1), name
        assert gpu.training_tflops == gpu.fp16_fp32acc_tflops
    assert catalog.by_name("RTX 4080").fp16_tflops == pytest.approx(194.9)  # Ada whitepaper
    assert catalog.by_name("RTX A5000").training_tflops == catalog.by_name("RTX A5000").fp16_tflops


def test_macs_share_their_memory_with_the_gpu(catalog):
    small, big = catalog.by_name("M2 16GB"), catalog.by_name("M2 Max 64GB")
    assert small.gpu_memory_share == pytest.approx(0.67) and small.gpu_memory_gb == pytest.approx(
        10.7, abs=0.1
    )
    assert big.gpu_memory_share == 0.75 and big.gpu_memory_gb == 48
    assert catalog.by_name("M3 Max 36GB").memory_bandwidth_gbs == 300  # the 30-core bin
    assert catalog.by_name("M3 Max 48GB").memory_bandwidth_gbs == 400
    assert catalog.by_name("M4 Max 128GB").memory_bandwidth_gbs == 546
    for gpu in catalog:
        assert (gpu.vendor == "Apple") == (gpu.gpu_memory_share is not None), gpu.name
        if gpu.vendor == "Apple":
            assert gpu.software == "Metal" and gpu.is_owned_hardware and gpu.price is None


def test_laptop_cards_are_owned_hardware_not_the_desktop_card(catalog):
    laptop, desktop = catalog.by_name("RTX 4090 Laptop"), catalog.by_name("RTX 4090")
    assert laptop.is_owned_hardware and not desktop.is_owned_hardware
    assert laptop.memory_gb == 16 < desktop.memory_gb


def test_a_sixteen_gigabyte_variant_is_not_read_as_its_eight_gigabyte_sibling(catalog):
    """The RX 7600 XT and RX 7600 share a chip and a bandwidth; owners of the XT have twice the memory."""
    assert catalog.find_in_text("my rx 7600 xt")[0].memory_gb == 16
    assert catalog.find_in_text("my rx 7600")[0].memory_gb == 8
