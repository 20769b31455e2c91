"""Offerings as data: the SkyPilot normaliser, the table queries and the corpus files it produces."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.knowledge._offerings import (
    SUSPECT_PRICE_CODES,
    Offering,
    OfferingsError,
    OfferingsTable,
    continent_of,
    flag_memory_mismatch,
    flag_price_outliers,
    load_alias_file,
    load_offerings,
    load_region_rules,
    make_resolver,
    normalise_skypilot_csv,
    parse_skypilot_csv,
    read_offerings_csv,
    write_offerings_csv,
)

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "corpus"
SNAPSHOT = REPO.parent / "shared" / "data" / "gpu-offerings-skypilot"
AS_OF = dt.date(2026, 11, 29)
SOURCE = "https://example.org/catalogs/v7/test/vms.csv"

HEADER = "InstanceType,AcceleratorName,AcceleratorCount,vCPUs,MemoryGiB,Price,Region,GpuInfo,SpotPrice\n"


def gpu_info(mib: int, count: int = 1) -> str:
    return f"\"{{'Gpus': [{{'Name': 'X', 'Count': {count}, 'MemoryInfo': {{'SizeInMiB': {mib}}}}}]}}\""


@pytest.fixture(scope="module")
def resolve(catalog):
    aliases, provider_aliases = load_alias_file(CORPUS / "offerings-aliases.yaml")
    return make_resolver({g.name: g.aliases for g in catalog}, aliases, provider_aliases)


@pytest.fixture(scope="module")
def rules():
    return load_region_rules(CORPUS / "offerings-regions.yaml")


def normalise(text: str, resolve, provider: str = "lambda"):
    return parse_skypilot_csv(text, provider, resolve, source=SOURCE, as_of=AS_OF)


# --------------------------------------------------------------------------------------------------------
# Name resolution
# --------------------------------------------------------------------------------------------------------


def test_resolver_is_exact_and_never_fuzzy(resolve, catalog):
    assert resolve("H100 80GB PCIe") == "H100 PCIe"
    assert resolve("V100-32G") == "V100 32GB"
    # SkyPilot's bare "A100" is the 40 GB part (alias map), not the catalog's "a100" alias of the 80 GB SXM.
    assert resolve("A100") == "A100 40GB"
    # Lambda's RTX6000 is the 24 GB Quadro RTX 6000: the catalog's forgiving lookup would guess the RTX A6000.
    assert catalog.get("RTX6000") is not None
    assert resolve("RTX6000") is None
    assert resolve("MI100") is None  # a GPU the catalog does not list


def test_provider_aliases_answer_only_scoped_labels(resolve):
    assert resolve("runpod/H100") == "H100 PCIe"
    assert resolve("runpod/A100-80GB") == "A100 80GB PCIe"
    assert resolve("lambda/H100") is None
    assert resolve("H100") == "H100 SXM"


def test_an_alias_to_a_name_outside_the_catalog_is_rejected():
    with pytest.raises(OfferingsError, match="not a catalog GPU"):
        make_resolver({"H100 SXM": ["h100"]}, {"GH100": "H100 Hopper"})


# --------------------------------------------------------------------------------------------------------
# The normaliser on small inline files
# --------------------------------------------------------------------------------------------------------

LAMBDA_LIKE = (
    HEADER
    + f"gpu_1x_h100_pcie,H100,1.0,26,200,2.49,us-east-1,{gpu_info(81920)},\n"
    + f"gpu_8x_h100_sxm5,H100,8.0,208,1800,23.92,us-east-1,{gpu_info(81920)},\n"
    + f"gpu_8x_h100_sxm5,H100,8.0,208,1800,23.92,us-east-1,{gpu_info(81920)},\n"  # exact duplicate
    + f"gpu_1x_a100,A100,1,30,200,1.29,us-west-1,{gpu_info(40960)},0\n"  # spot 0 = no spot
    + f"gpu_1x_rtx6000,RTX6000,1,14,46,0.5,us-west-1,{gpu_info(24576)},\n"  # not a catalog GPU
    + "cpu_4x,,,4,16,0.2,us-east-1,,\n"  # CPU-only
    + "gpu_2x_l40s,L40S,2,16,64,0.8,us-east-1,,1.6\n"  # spot above on-demand
    + "gpu_1x_l40s,L40S,1,8,32,0.5,us-east-1,,99999999\n"  # spot sentinel
)


def test_normaliser_resolves_converts_and_reports(resolve):
    result = normalise(LAMBDA_LIKE, resolve)
    by_type = {o.instance_type: o for o in result.offerings}
    assert set(by_type) == {
        "gpu_1x_h100_pcie",
        "gpu_8x_h100_sxm5",
        "gpu_1x_a100",
        "gpu_2x_l40s",
        "gpu_1x_l40s",
    }
    assert by_type["gpu_1x_h100_pcie"].gpu == "H100 PCIe"
    assert by_type["gpu_8x_h100_sxm5"].gpu == "H100 SXM"
    assert by_type["gpu_8x_h100_sxm5"].gpus_per_instance == 8
    assert by_type["gpu_8x_h100_sxm5"].on_demand_per_gpu_hour == pytest.approx(2.99)
    assert by_type["gpu_1x_a100"].gpu == "A100 40GB"
    assert by_type["gpu_1x_a100"].spot_per_hour is None
    assert by_type["gpu_1x_l40s"].spot_per_hour is None
    assert by_type["gpu_1x_h100_pcie"].interconnect == "none"
    assert all(o.source == SOURCE and o.as_of == AS_OF for o in result.offerings)

    assert result.duplicates_dropped == 1
    assert result.cpu_rows_skipped == 1
    assert result.unresolved == {"RTX6000": 1}
    notes = "\n".join(result.notes)
    assert "1 exact duplicate" in notes
    assert "'RTX6000' did not resolve" in notes
    assert "99999999" in notes


def test_the_plain_function_returns_offerings_and_notes(resolve):
    offerings, notes = normalise_skypilot_csv(LAMBDA_LIKE, "lambda", resolve, source=SOURCE, as_of=AS_OF)
    assert len(offerings) == 5
    assert any("did not resolve" in note for note in notes)


def test_swapped_spot_is_kept_flagged_and_price_suspect(resolve):
    l40s = next(o for o in normalise(LAMBDA_LIKE, resolve).offerings if o.instance_type == "gpu_2x_l40s")
    assert l40s.on_demand_per_hour == 0.8
    assert l40s.spot_per_hour == 1.6
    assert "spot-above-on-demand" in l40s.flag_codes
    assert l40s.price_suspect
    assert "spot-above-on-demand" in SUSPECT_PRICE_CODES


def test_odd_rows_are_flagged_not_dropped(resolve):
    text = (
        HEADER
        + "fam_1x,L4,1,8,32,1.0,eu-west-1,,\n"
        + "fam_4x,L4,4,32,128,8.0,eu-west-1,,\n"  # 2.0 per GPU vs 1.0: does not scale
        + "box_8x_l4,L4,4,32,128,4.0,eu-west-1,,\n"  # the name says 8 GPUs
        + "dup_1x,L4,1,8,32,1.0,eu-west-2,,\n"
        + "dup_1x,L4,1,8,32,1.2,eu-west-2,,\n"  # same type and region, another price
        + "huge_1x,L4,1,224,2165,1.0,,,\n"  # no region; 224 vCPUs for one GPU
        + "same_1x,L4,1,8,32,1.0,eu-west-3,,1.0\n"  # spot equals on-demand
        + "free_1x,L4,1,8,32,0,eu-west-3,,\n"  # no on-demand price
        + "pod-ib_8x,L4,8,64,512,8.0,eu-west-4,,\n"  # 'ib' in the name: InfiniBand
    )
    offerings = normalise(text, resolve).offerings
    codes = {o.instance_type + ("@" + o.region if o.region else ""): o.flag_codes for o in offerings}
    assert len(offerings) == 9
    assert "price-scaling" in codes["fam_4x@eu-west-1"]
    assert "price-scaling" not in codes["fam_1x@eu-west-1"]
    assert "count-mismatch" in codes["box_8x_l4@eu-west-1"]
    assert all("duplicate-listing" in o.flag_codes for o in offerings if o.instance_type == "dup_1x")
    assert {"no-region", "host-implausible"} <= codes["huge_1x"]
    assert "spot-equals-on-demand" in codes["same_1x@eu-west-3"]
    free = next(o for o in offerings if o.instance_type == "free_1x")
    assert free.on_demand_per_hour is None and "no-price" in free.flag_codes
    assert next(o for o in offerings if o.instance_type == "pod-ib_8x").interconnect == "InfiniBand"
    assert next(o for o in offerings if o.instance_type == "fam_4x").interconnect is None


def test_vast_style_placeholders_and_total_memory(resolve):
    rows = [
        f'1x-H100_SXM,H100,1,32,64.0,1.8,"Texas, US, NA",{gpu_info(81559)},0.00',
        f'2x-H100_NVL,H100,2,32,64.0,4.0,"Texas, US, NA",{gpu_info(2 * 95830, 2)},0.00',
        f'4x-A100_SXM4,A100,4,32,64.0,4.0,"Czechia, CZ, EU",{gpu_info(4 * 40960, 4)},0.00',
        f'2x-RTX_4090,RTX4090,2,32,64.0,0.8,"Guangdong, CN, AS",{gpu_info(2 * 24564, 2)},0.00',
        f'8x-RTX_4090,RTX4090,8,32,64.0,3.2,"Guangdong, CN, AS",{gpu_info(8 * 24564, 8)},0.00',
    ]
    result = normalise(HEADER + "\n".join(rows) + "\n", resolve, provider="vast")
    by_type = {o.instance_type: o for o in result.offerings}
    assert by_type["2x-H100_NVL"].gpu == "H100 NVL"  # 95830 MiB per GPU = 94 GiB
    assert by_type["1x-H100_SXM"].gpu == "H100 SXM"
    assert by_type["4x-A100_SXM4"].gpu == "A100 40GB"
    assert by_type["4x-A100_SXM4"].gpu_memory_gib == pytest.approx(40)
    assert all(o.vcpus is None and o.host_memory_gib is None for o in result.offerings)
    assert all("host-placeholder" in o.flag_codes for o in result.offerings)
    assert all(o.spot_per_hour is None for o in result.offerings)


def test_runpod_names_resolve_through_the_provider_aliases(resolve):
    text = (
        "InstanceType,AcceleratorName,AcceleratorCount,vCPUs,MemoryGiB,GpuInfo,Region,SpotPrice,Price,AvailabilityZone\n"
        "1x_H100_SECURE,H100,1.0,16.0,188.0,H100,US,,2.39,US-TX-3\n"
        "1x_H100-SXM_SECURE,H100-SXM,1.0,20.0,125.0,H100-SXM,US,1.75,2.69,US-TX-3\n"
        "1x_A100-80GB_SECURE,A100-80GB,1.0,8.0,80.0,A100-80GB,CA,1.19,1.64,CA-MTL-1\n"
    )
    gpus = {o.instance_type: o.gpu for o in normalise(text, resolve, provider="runpod").offerings}
    assert gpus == {
        "1x_H100_SECURE": "H100 PCIe",
        "1x_H100-SXM_SECURE": "H100 SXM",
        "1x_A100-80GB_SECURE": "A100 80GB PCIe",
    }


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty"),
        ("   \n", "empty"),
        ("InstanceType,AcceleratorName,AcceleratorCount,vCPUs,MemoryGiB,Region\nx,H100,1,8,32,us\n", "Price"),
        (HEADER + "gpu_1x,H100,1,8,32,cheap,us-east-1,,\n", "Price is not a number"),
        (HEADER + "gpu_1x,H100,1,8,32,1.0,us-east-1,,soon\n", "SpotPrice is not a number"),
        (HEADER + "gpu_1x,H100,one,8,32,1.0,us-east-1,,\n", "AcceleratorCount is not a number"),
        (HEADER + "gpu_1x,H100,1,8,32,1.0\n", "fields"),
        (HEADER + "cpu_1x,,,8,32,0.1,us-east-1,,\n", "no accelerator rows"),
    ],
)
def test_a_malformed_file_raises_value_error(resolve, text, message):
    with pytest.raises(ValueError, match=message):
        normalise(text, resolve)


def test_fractional_gpu_counts_are_skipped_and_reported(resolve):
    text = HEADER + "gpu_1x,L4,1,8,32,1.0,us-east-1,,\nshare,L4,0.25,2,8,0.3,us-east-1,,\n"
    result = normalise(text, resolve)
    assert [o.instance_type for o in result.offerings] == ["gpu_1x"]
    assert any("fractional GPU count 0.25" in note for note in result.notes)


# --------------------------------------------------------------------------------------------------------
# Regions and the table queries
# --------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("region", "continent"),
    [
        ("us-east-1", "North America"),
        ("ap-southeast-2", "Oceania"),
        ("ap-northeast-1", "Asia"),
        ("sa-east-1", "South America"),
        ("europe-west4", "Europe"),
        ("northamerica-northeast1", "North America"),
        ("me-west1", "Asia"),
        ("eastus", "North America"),
        ("westeurope", "Europe"),
        ("Czechia, CZ, EU", "Europe"),
        (", US, NA", "North America"),
        ("paris-france-3", "Europe"),
        ("sanjose-usa-1", "North America"),
        ("DE - FRA", "Europe"),
        ("IN - asia-south-1", "Asia"),
        ("CA", "North America"),
        ("Europe-NO", "Europe"),
        ("North America-CA", "North America"),
        ("au-melbourne-1", "Oceania"),
        ("za-centurion-1", "Africa"),
        ("it-fr2", "Europe"),
        ("default", None),
        (None, None),
    ],
)
def test_region_rules_place_regions_on_continents(rules, region, continent):
    assert continent_of(region, rules) == continent


def offering(provider, instance, gpu, n, price, region, spot=None, flags=(), as_of=AS_OF) -> Offering:
    return Offering(
        provider=provider,
        instance_type=instance,
        gpu=gpu,
        gpus_per_instance=n,
        region=region,
        on_demand_per_hour=price,
        spot_per_hour=spot,
        flags=flags,
        source=SOURCE,
        as_of=as_of,
    )


@pytest.fixture
def table(rules):
    return OfferingsTable(
        [
            offering("lambda", "gpu_1x_h100", "H100 SXM", 1, 2.99, "us-east-1"),
            offering("lambda", "gpu_8x_h100", "H100 SXM", 8, 23.92, "us-east-1"),
            offering("nebius", "h100-8", "H100 SXM", 8, 23.6, "eu-north1", spot=10.0),
            offering("cudo", "h100-1", "H100 SXM", 1, 2.5, "no-kristiansand-1", spot=1.5),
            offering(
                "odd", "h100-1", "H100 SXM", 1, 0.5, "us-west-1", spot=3.0, flags=("spot-above-on-demand: x",)
            ),
            offering("aws", "p5.48xlarge", "H100 SXM", 8, 98.32, "us-east-1", as_of=dt.date(2025, 1, 1)),
            offering("runpod", "1x_L4", "L4", 1, 0.43, "CA"),
            offering("seeweb", "ECS1GPU6", "L4", 1, 0.38, None, flags=("no-region: empty in source",)),
        ],
        region_rules=rules,
    )


def test_table_filters(table):
    assert len(table) == 8
    assert len(table.for_gpu("h100 sxm")) == 6
    assert table.providers_for("H100 SXM") == ["aws", "cudo", "lambda", "nebius", "odd"]
    assert table.providers_for("B200") == []
    assert table.instance_shapes("H100 SXM") == [1, 8]
    assert table.gpus == ["H100 SXM", "L4"]


def test_cheapest_ranks_by_per_gpu_price_and_skips_suspect_prices(table):
    assert [o.provider for o in table.cheapest("H100 SXM", k=3)] == ["cudo", "nebius", "lambda"]
    assert table.cheapest("H100 SXM", k=1, include_suspect=True)[0].provider == "odd"
    assert [o.provider for o in table.cheapest("H100 SXM", n_gpus=8)] == ["nebius", "lambda", "aws"]
    assert [o.provider for o in table.cheapest("H100 SXM", spot=True)] == ["nebius", "cudo"]
    assert [o.provider for o in table.cheapest("H100 SXM", region_contains="Europe")] == ["cudo", "nebius"]
    assert [o.instance_type for o in table.cheapest("H100 SXM", region_contains="us-east")] == [
        "gpu_1x_h100",
        "gpu_8x_h100",
        "p5.48xlarge",
    ]
    assert table.cheapest("H100 SXM", k=0) == []
    assert table.cheapest("B200") == []


def test_price_stats(table):
    stats = table.price_stats("H100 SXM")
    assert stats.count == 5
    assert stats.min == pytest.approx(2.5)
    assert stats.median == pytest.approx(2.99)
    assert stats.max == pytest.approx(12.29)
    spot = table.price_stats("H100 SXM", spot=True)
    assert (spot.count, spot.min, spot.max) == (2, pytest.approx(1.25), pytest.approx(1.5))
    assert table.price_stats("H100 SXM", include_suspect=True).min == pytest.approx(0.5)
    empty = table.price_stats("B200")
    assert (empty.count, empty.min, empty.median, empty.max) == (0, None, None, None)


def test_region_groups_and_dates(table):
    groups = table.region_groups
    assert groups["Europe"] == ["eu-north1", "no-kristiansand-1"]
    assert groups["North America"] == ["CA", "us-east-1", "us-west-1"]
    assert table.continent_of("ap-southeast-2") == "Oceania"
    assert table.as_of["aws"] == dt.date(2025, 1, 1)
    assert table.as_of["lambda"] == AS_OF


def test_csv_round_trip(tmp_path, resolve):
    offerings = normalise(LAMBDA_LIKE, resolve).offerings
    path = tmp_path / "offerings.csv"
    assert write_offerings_csv(offerings, path) == len(offerings)
    again = read_offerings_csv(path)
    assert [(o.instance_type, o.gpu, o.flags, o.on_demand_per_hour) for o in again] == [
        (o.instance_type, o.gpu, o.flags, o.on_demand_per_hour) for o in offerings
    ]


def test_reading_rejects_rows_without_source_or_with_bad_derived_prices(tmp_path, resolve):
    path = tmp_path / "offerings.csv"
    write_offerings_csv(normalise(LAMBDA_LIKE, resolve).offerings, path)
    lines = path.read_text().splitlines()

    no_source = tmp_path / "no_source.csv"
    no_source.write_text("\n".join([lines[0], lines[1].replace(SOURCE, "")]) + "\n")
    with pytest.raises(OfferingsError, match="source and an as_of"):
        read_offerings_csv(no_source)

    wrong = tmp_path / "wrong.csv"
    wrong.write_text("\n".join([lines[0], lines[1].replace(",2.49,,2.49,", ",2.49,,2.0,")]) + "\n")
    with pytest.raises(OfferingsError, match="on_demand_per_gpu_hour"):
        read_offerings_csv(wrong)

    missing = tmp_path / "missing.csv"
    missing.write_text("provider,gpu\nx,H100 SXM\n")
    with pytest.raises(OfferingsError, match="missing column"):
        read_offerings_csv(missing)


def test_catalog_aware_flags():
    a = offering("vast", "2x-RTX_4090", "RTX 4090", 2, 0.8, "x").model_copy(update={"gpu_memory_gib": 48.0})
    (flagged,) = flag_memory_mismatch([a], {"RTX 4090": 24.0}.get)
    assert "memory-mismatch" in flagged.flag_codes
    prices = [
        offering(p, "i", "H100 SXM", 1, price, "r")
        for p, price in [("a", 2.0), ("b", 3.0), ("c", 2.5), ("d", 0.5)]
    ]
    outliers = [o.provider for o in flag_price_outliers(prices) if "price-outlier" in o.flag_codes]
    assert outliers == ["d"]


# --------------------------------------------------------------------------------------------------------
# The real corpus files
# --------------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus_table():
    return load_offerings(CORPUS / "offerings.csv", CORPUS / "offerings-hyperscalers.csv")


def test_every_corpus_row_has_source_and_date(corpus_table):
    assert len(corpus_table) > 2000
    assert all(o.source.startswith("https://") and o.as_of <= dt.date.today() for o in corpus_table)


def test_every_corpus_gpu_is_a_catalog_gpu(corpus_table, catalog):
    assert set(corpus_table.gpus) <= set(catalog.names)


def test_corpus_prices_are_positive(corpus_table):
    for o in corpus_table:
        for price in (o.on_demand_per_gpu_hour, o.spot_per_gpu_hour):
            assert price is None or price > 0, o


def test_no_unflagged_consumer_card_in_instances_of_more_than_8_gpus(corpus_table, catalog):
    consumer = {g.name for g in catalog if g.gpu_class == "consumer"}
    large = [o for o in corpus_table if o.gpu in consumer and o.gpus_per_instance > 8]
    # The snapshot does list a few marketplace rigs (vast 12x RTX 4090); they must be flagged, never plain.
    assert all("large-consumer-instance" in o.flag_codes for o in large), large
    assert all(o.gpus_per_instance <= 8 for o in corpus_table if o.gpu in consumer and not o.flags)


def test_hyperscaler_rows(corpus_table):
    rows = {
        (o.provider, o.instance_type, o.region): o
        for o in corpus_table
        if o.provider in {"aws", "gcp", "azure"}
    }
    p5 = rows[("aws", "p5.48xlarge", "us-east-1")]
    assert (p5.gpu, p5.gpus_per_instance, p5.interconnect) == ("H100 SXM", 8, "EFA")
    nd = rows[("azure", "Standard_ND96isr_H100_v5", "eastus")]
    assert (nd.gpus_per_instance, nd.interconnect) == (8, "InfiniBand")
    a3 = rows[("gcp", "a3-highgpu-8g", "us-central1")]
    assert a3.interconnect == "GPUDirect-TCPX" and a3.price_suspect
    assert rows[("gcp", "tpu-v5litepod-1", "us-central1")].on_demand_per_gpu_hour == pytest.approx(1.2)
    assert rows[("gcp", "tpu-v5p-8", "us-central1")].on_demand_per_gpu_hour == pytest.approx(4.2)
    assert {o.gpu for o in rows.values()} >= {
        "Trainium",
        "Inferentia2",
        "TPU v5e",
        "TPU v5p",
        "TPU v6e",
        "A10G",
    }


def test_coverage_report(corpus_table, catalog):
    offered = set(corpus_table.gpus)
    missing = [g.name for g in catalog if g.name not in offered]
    print(
        f"\ncatalog GPUs no offering rents ({len(missing)} of {len(catalog)}): {', '.join(missing) or 'none'}"
    )
    for name in catalog.names:
        if name in offered:
            stats = corpus_table.price_stats(name)
            cheapest = f"{stats.min:.2f}" if stats.min is not None else "n/a"
            print(f"  {name}: {len(corpus_table.providers_for(name))} providers, from {cheapest} $/GPU-h")
    assert offered, "no catalog GPU is offered at all"


@pytest.mark.skipif(not (SNAPSHOT / "SOURCE.md").exists(), reason="the SkyPilot snapshot is not present")
def test_corpus_files_match_a_fresh_build_from_the_snapshot():
    result = subprocess.run(
        [sys.executable, str(REPO / "tools" / "import_offerings.py"), "--check"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.skipif(not (SNAPSHOT / "SOURCE.md").exists(), reason="the SkyPilot snapshot is not present")
def test_the_check_does_not_depend_on_when_the_snapshot_was_copied(tmp_path):
    """A checkout whose snapshot copy is dated another day still matches the committed build."""
    copy = tmp_path / SNAPSHOT.name
    shutil.copytree(SNAPSHOT, copy)
    later = (dt.datetime(2031, 5, 17, tzinfo=dt.UTC)).timestamp()
    os.utime(copy / "SOURCE.md", (later, later))
    result = subprocess.run(
        [sys.executable, str(REPO / "tools" / "import_offerings.py"), "--check", "--snapshot", str(copy)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
