"""Build ``corpus/offerings.csv`` and ``corpus/offerings-SOURCE.md`` from the SkyPilot catalog snapshot.

The snapshot (``../shared/data/gpu-offerings-skypilot/``: one SkyPilot ``vms.csv`` per provider and a
SOURCE.md) is normalised with ``assistant.knowledge._offerings``: GPU names are resolved against the GPU catalog
(``corpus/gpus.yaml``) plus ``corpus/offerings-aliases.yaml``, sentinels become missing values, exact duplicates
are dropped and odd rows are flagged. The hand-written ``corpus/offerings-hyperscalers.csv`` (AWS, GCP, Azure) is
read too, for the attribution file and the coverage report, but never rewritten.

    python tools/import_offerings.py                 # write both files
    python tools/import_offerings.py --check         # exit 1 if the files on disk differ from a fresh build
    python tools/import_offerings.py --snapshot DIR --as-of 2026-11-29
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from assistant import load_catalog
from assistant.knowledge._offerings import (
    NormaliseResult,
    Offering,
    flag_memory_mismatch,
    flag_price_outliers,
    load_alias_file,
    make_resolver,
    parse_skypilot_csv,
    read_offerings_csv,
    write_offerings_csv,
)

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "corpus"
DEFAULT_SNAPSHOT = REPO.parent / "shared" / "data" / "gpu-offerings-skypilot"
CATALOG_REPO = "https://github.com/skypilot-org/skypilot-catalog"

OUT_CSV = CORPUS / "offerings.csv"
OUT_SOURCE = CORPUS / "offerings-SOURCE.md"
HYPERSCALERS_CSV = CORPUS / "offerings-hyperscalers.csv"
ALIASES = CORPUS / "offerings-aliases.yaml"


@dataclass(frozen=True)
class SnapshotFile:
    provider: str
    path: Path
    catalog_path: str  # e.g. catalogs/v7/lambda/vms.csv
    commit: str | None

    @property
    def url(self) -> str:
        ref = self.commit or "master"
        return f"{CATALOG_REPO}/blob/{ref}/{self.catalog_path}"


def snapshot_files(snapshot: Path) -> list[SnapshotFile]:
    """The provider CSVs of the snapshot, with the catalog path and commit its SOURCE.md gives for each."""
    source_md = (snapshot / "SOURCE.md").read_text(encoding="utf-8")
    sections = re.split(r"^### ", source_md, flags=re.MULTILINE)
    described: dict[str, tuple[str, str | None]] = {}
    for section in sections[1:]:
        heading = section.splitlines()[0].strip()
        match = re.fullmatch(r"(\w+)\.csv", heading)
        if not match:
            continue
        catalog = re.search(r"Source: `([^`]+vms\.csv)`", section)
        commit = re.search(r"Commit reported by read_file: `([0-9a-f]{40})`", section)
        described[match.group(1)] = (
            catalog.group(1) if catalog else f"catalogs/v7/{match.group(1)}/vms.csv",
            commit.group(1) if commit else None,
        )
    files = []
    for path in sorted(snapshot.glob("*.csv")):
        catalog_path, commit = described.get(path.stem, (f"catalogs/v7/{path.stem}/vms.csv", None))
        files.append(SnapshotFile(path.stem, path, catalog_path, commit))
    if not files:
        raise SystemExit(f"no provider CSVs in {snapshot}")
    return files


def build(
    snapshot: Path, as_of: dt.date
) -> tuple[list[Offering], dict[str, NormaliseResult], list[SnapshotFile]]:
    catalog = load_catalog(CORPUS / "gpus.yaml")
    aliases, provider_aliases = load_alias_file(ALIASES)
    resolve = make_resolver({g.name: g.aliases for g in catalog}, aliases, provider_aliases)
    files = snapshot_files(snapshot)
    results: dict[str, NormaliseResult] = {}
    offerings: list[Offering] = []
    for file in files:
        text = file.path.read_text(encoding="utf-8")
        result = parse_skypilot_csv(text, file.provider, resolve, source=file.url, as_of=as_of)
        results[file.provider] = result
        offerings.extend(result.offerings)

    gpu_class = {g.name: g.gpu_class for g in catalog}
    # Consumer cards have no NVLink and are sold in hosts without a multi-node fabric.
    offerings = [
        o.model_copy(update={"interconnect": "none"})
        if o.interconnect is None and gpu_class.get(o.gpu) == "consumer"
        else o
        for o in offerings
    ]
    # More than 8 consumer cards in one host is a marketplace rig, not a standard server shape: flag it.
    offerings = [
        o.with_flags(
            f"large-consumer-instance: {o.gpus_per_instance} consumer cards in one instance (a marketplace rig, "
            "not a standard server shape)"
        )
        if gpu_class.get(o.gpu) == "consumer" and o.gpus_per_instance > 8
        else o
        for o in offerings
    ]
    memory = {g.name: g.memory_gb for g in catalog}
    offerings = flag_memory_mismatch(offerings, memory.get)
    hyperscalers = read_offerings_csv(HYPERSCALERS_CSV)
    combined = flag_price_outliers([*offerings, *hyperscalers])
    offerings = combined[: len(offerings)]
    offerings.sort(key=lambda o: (o.provider, o.gpu, o.instance_type, o.region or "", o.zone or ""))
    return offerings, results, files


# --------------------------------------------------------------------------------------------------------
# offerings-SOURCE.md
# --------------------------------------------------------------------------------------------------------

CODE_REASONS = {
    "listed-everywhere": "the instance type is listed in every location of the provider (at one price): a "
    "price list, not an availability guarantee (SOURCE.md: lambda, runpod)",
    "no-region": "the source gives no usable region (empty, 'default', 'UNSPECIFIED'): region left empty",
    "gpu-memory-ignored": "the source's GpuInfo memory is the host RAM (nebius), so it is not used",
    "host-placeholder": "vCPUs and RAM are one placeholder value on every row (vast): left empty",
    "host-implausible": "more than 100 vCPUs or 1 TiB RAM per GPU, or under 4 GiB RAM per GPU (runpod 8x L40S, "
    "hyperbolic 1x-H100-224-2165, primeintellect dc_impala)",
    "host-small": "host RAM under a quarter of the instance's GPU memory (cudo's smallest host sizes, "
    "primeintellect's akash H100 rows with 16 GiB per GPU): real but unusual, check the host can feed the GPUs",
    "spot-above-on-demand": "spot price above the on-demand price, the two probably swapped (runpod L40S); "
    "PRICE-SUSPECT: left out of price queries unless asked",
    "spot-equals-on-demand": "spot price equal to the on-demand price (mithril's auction market): both kept",
    "duplicate-listing": "the same instance type listed more than once for one location with different "
    "prices (simplepod, primeintellect): all kept",
    "price-scaling": "the per-GPU price of a shape differs by more than 1.5x from the smallest shape of the "
    "same family: the price does not scale with GPU count",
    "count-mismatch": "the instance name states another GPU count than the source's AcceleratorCount",
    "memory-mismatch": "the per-GPU memory the source reports differs by more than 15% from the catalog GPU's "
    "(e.g. vast RTX 4090 listings with 48 GB: modified cards)",
    "price-outlier": "per-GPU on-demand price below 1/3 or above 3x the median of the providers' medians "
    "for that GPU (snapshot and hyperscaler rows together)",
    "no-price": "no on-demand price in the source",
    "implausible-price": "above $100 per GPU-hour: a placeholder, not a price; PRICE-SUSPECT",
    "large-consumer-instance": "more than 8 consumer cards (GeForce) in one instance: a marketplace rig, kept "
    "but flagged (vast 12x RTX 4090, a runpod-sourced 9x RTX 3090 at primeintellect)",
}

HYPERSCALER_NOTES = """\
AWS, GCP and Azure are not in the snapshot. `corpus/offerings-hyperscalers.csv` is written by hand in the same
columns, one region each (AWS us-east-1, GCP us-central1, Azure eastus), from SkyPilot's catalogs for those
clouds, which SkyPilot builds from the providers' public price lists (AWS Price List API, GCP Cloud Billing
catalog, Azure Retail Prices API). The HTML price pages themselves were not reachable offline; every number was
read from the pinned catalog file named in the row's `source` URL (read 2026-11-29; the commit dates were not
available to the reading tool):

- AWS: `catalogs/v7/aws/vms.csv` at commit `001367d22a0033fac286a8c71aeac7109e431bcb`. On-demand price of the
  us-east-1 rows. Spot prices in that file differ per availability zone, so spot is left empty.
- GCP: `catalogs/v7/gcp/vms.csv` at commit `017e2502fb63c7a28757acd94002b2d6099d3e3d`. SkyPilot lists the host
  VM (e.g. `a2-highgpu-1g`, host only) and the attached GPUs (`A100` x N) as separate rows; the instance price
  here is host + GPUs in us-central1 (e.g. a2-highgpu-1g = 0.73948 + 2.93391 = 3.67339 $/h; g2-standard-4 =
  0.14679 + 0.56004; n1 + T4 or P100 = n1 host + GPUs). Spot is composed the same way. TPU rows are priced per slice
  (`tpu-v5litepod-N`: N chips; `tpu-v5p-8`: 4 chips; `tpu-v6e-N`: N chips), so per-chip prices are exact.
- Azure: `catalogs/v6/azure/vms.csv` at commit `098741e70562f65d7af1cceb81e33b284f742604` (v6: no v7 Azure
  file is stored). Whole-VM prices in eastus, spot as given.

Caveats, each also a flag on the rows concerned:

- GCP us-central1 H100 and A100 80GB: the source's us-central1 GPU prices (H100 4.20076, A100-80GB 1.8462
  $/GPU-h) are far from its other US regions (H100 9.79655 in us-east4, 11.03385 in us-east5) and, for the A100
  80 GB, close to its own spot price (1.5712), so they are probably not the standard on-demand SKU. The rows
  are kept with the composed price but flagged `region-inconsistent-price` (price-suspect, left out of price
  queries by default), and an `a3-highgpu-8g` row for us-east4 (87.83247 $/h) is added. A third-party table that
  reads the Cloud Billing catalog (github.com/tgarg01/silybench-data, derived/csv/gpu_prices.csv) gives
  a3-highgpu-1g in us-central1 as 10.9791 $/h, i.e. about 9.80 $ per H100, in line with the us-east4 value.
- AWS p5.48xlarge (98.32 $/h), p4d.24xlarge (32.7726) and p4de.24xlarge (40.96575) appear to be the prices from
  before AWS's 2025 on-demand price reductions for P4/P5 instances (this file version has no p5.4xlarge either);
  flagged `possibly-stale`. Third-party tables read in Nov 2026 list p5.48xlarge at 55.04 $/h; that number is
  not used because it could not be checked against a first-party source here.
- AWS p5en.48xlarge: the pinned file's 84.8 $/h predates the same price cut; the row uses 63.296 $/h, the
  us-east-1 on-demand price `dstack offer` read from AWS on 2026-08-06 (github.com/dstackai/dstack/pull/4110,
  which also lists 63.296 in us-east-2 and us-west-2), flagged `source-corrected`. A June 2026 FinOps guide
  (usage.ai, "LLM Cost Optimization on AWS") confirms the June 2025 cut ("P5 ... On-Demand pricing dropped by
  up to 45%") but gives no per-instance figure, so p5/p4d/p4de stay flagged `possibly-stale`.
- Azure Standard_ND96isr_H100_v5: the SkyPilot file lists 12 GPUs; ND H100 v5 VMs have 8, so 8 is used
  (`source-corrected`). Its spot price, and those of the NC H100 v5 VMs, equal the on-demand price in the
  source and are left empty.

Interconnect: p5/p5en/p4d/p4de and trn1.32xlarge/trn1n.32xlarge EFA, a3-highgpu-8g GPUDirect-TCPX, ND A100 v4,
NDm A100 v4 and ND H100 v5 InfiniBand, multi-chip TPU slices ICI, single-GPU rows `none`; other multi-GPU rows
are left empty (unknown).
"""


def _markdown_table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join("---" for _ in header) + " |"]
    lines += ["| " + " | ".join(cell.replace("|", "/") for cell in row) + " |" for row in rows]
    return lines


def source_markdown(
    offerings: list[Offering],
    results: dict[str, NormaliseResult],
    files: list[SnapshotFile],
    as_of: dt.date,
    snapshot: Path,
) -> str:
    catalog = load_catalog(CORPUS / "gpus.yaml")
    hyperscalers = read_offerings_csv(HYPERSCALERS_CSV)
    lines = [
        "# GPU offerings: sources and normalisation",
        "",
        "Generated by `tools/import_offerings.py`; do not edit by hand (edit the script or the inputs and rerun).",
        "",
        "## Attribution",
        "",
        f"`offerings.csv` is derived from the **SkyPilot catalog** ({CATALOG_REPO}), licensed under the **Apache "
        "License 2.0**, via an offline snapshot of its `catalogs/v7/<cloud>/vms.csv` files (GPU rows only). "
        "Changes made here: GPU names mapped to this project's catalog, sentinels converted to missing values, "
        "exact duplicates dropped, per-GPU prices derived, rows flagged, columns renamed (see below). "
        "`offerings-hyperscalers.csv` is hand-written from the same project's AWS, GCP and Azure catalog files.",
        "",
        f"Every row carries its `source` (the catalog file at the commit below) and `as_of` = {as_of.isoformat()}, "
        "the date the snapshot was read; the snapshot has no fetch date of its own, so prices may be older.",
        "",
    ]
    rows = [
        [
            f.provider,
            f"`{f.catalog_path}`",
            f"`{f.commit}`" if f.commit else "(unknown)",
            str(len(results[f.provider].offerings)),
        ]
        for f in files
    ]
    lines += _markdown_table(
        ["provider", "catalog file", "commit (as reported by the reading tool)", "rows"], rows
    )
    lines += [
        "",
        *_normalisation_section(snapshot),
        *_mapping_section(results),
        *_unresolved_section(results),
    ]
    lines += [*_flags_section(offerings), *_notes_section(results)]
    lines += ["## AWS, GCP and Azure (`offerings-hyperscalers.csv`)", "", HYPERSCALER_NOTES.rstrip()]
    lines += _hyperscaler_table(hyperscalers)
    lines += _coverage_section(catalog, [*offerings, *hyperscalers])
    return "\n".join(lines).rstrip() + "\n"


def _normalisation_section(snapshot: Path) -> list[str]:
    return [
        "## What was normalised",
        "",
        f"Input: `{snapshot.name}/` (its SOURCE.md describes the snapshot). Per file "
        "(`assistant/knowledge/_offerings.py`, `parse_skypilot_csv`):",
        "",
        "- Columns: `InstanceType` -> `instance_type`, `AcceleratorCount` -> `gpus_per_instance` (integer; "
        "`8.0` -> 8), `vCPUs` -> `vcpus`, `MemoryGiB` -> `host_memory_gib`, `Region`/`AvailabilityZone` -> "
        "`region`/`zone`, `Price`/`SpotPrice` -> `on_demand_per_hour`/`spot_per_hour` (USD per instance-hour, "
        "as in the source; SOURCE.md checked that prices are per instance), `AcceleratorName` -> "
        "`source_gpu_name`, resolved to the catalog name in `gpu`. `on_demand_per_gpu_hour` and "
        "`spot_per_gpu_hour` are the instance prices divided by the GPU count.",
        "- Spot sentinels -> empty: `0` (vast: no spot), `99999999` (primeintellect) and anything >= 99,999; "
        "empty stays empty. An on-demand price of 0 or none -> empty and flagged `no-price`.",
        "- `gpu_memory_gib`: per-GPU memory from `GpuInfo` (`MemoryInfo.SizeInMiB` / 1024), divided by the GPU "
        "count for vast and primeintellect (their value is the total), ignored for nebius (it is the host RAM) "
        "and outside 2-320 GiB.",
        "- GPU names: resolved by exact match only (provider alias, then the row's memory and form factor, "
        "then the bare name via `offerings-aliases.yaml` and the catalog's names and aliases); names that do not "
        "resolve are skipped and listed below, never guessed. With no memory or form-factor evidence in the row "
        "a bare 'H100' is read as the SXM part and 'A100-80GB' as the 80 GB SXM (the catalog's readings).",
        "- Exact duplicate rows dropped; CPU-only rows skipped; odd rows kept and flagged.",
        "- Interconnect: `none` for single-GPU rows and for consumer cards (no NVLink, no fabric); `InfiniBand` "
        "where the instance name or upstream id says `ib`; otherwise empty (unknown).",
        "",
    ]


def _mapping_section(results: dict[str, NormaliseResult]) -> list[str]:
    rows = []
    for provider, result in results.items():
        merged: dict[tuple[str, str], list[str]] = defaultdict(list)
        counts: Counter[tuple[str, str]] = Counter()
        for (name, label), (gpu, n) in sorted(result.resolved.items()):
            merged[(name, gpu)].append(label)
            counts[(name, gpu)] += n
        for (name, gpu), labels in sorted(merged.items()):
            rows.append(
                [
                    provider,
                    f"`{name}`",
                    gpu,
                    ", ".join(f"`{label}`" for label in labels),
                    str(counts[(name, gpu)]),
                ]
            )
    return [
        "## Provider GPU names mapped to catalog GPUs",
        "",
        *_markdown_table(["provider", "SkyPilot name", "catalog GPU", "matched label(s)", "rows"], rows),
        "",
    ]


def _unresolved_section(results: dict[str, NormaliseResult]) -> list[str]:
    names: dict[str, list[str]] = defaultdict(list)
    totals: Counter[str] = Counter()
    for provider, result in results.items():
        for name, n in sorted(result.unresolved.items()):
            names[name].append(f"{provider} ({n})")
            totals[name] += n
    rows = [[f"`{name}`", ", ".join(where), str(totals[name])] for name, where in sorted(names.items())]
    return [
        "## SkyPilot GPU names that did not resolve (rows skipped)",
        "",
        "None of these is a GPU in `corpus/gpus.yaml` (checked by hand: RTX A2000/A4000/A4500/A5000, "
        "RTX 2000/4000 Ada, RTX 3060/3060 Ti/3070/3080/3080 Ti/4070 Ti/4080, RTX PRO 6000 Blackwell, and "
        "'RTX6000' = the 24 GB Quadro RTX 6000, which the catalog's fuzzy lookup would wrongly read as the RTX "
        "A6000). Add them to the catalog first if they should be offered.",
        "",
        *_markdown_table(["SkyPilot name", "providers (rows)", "rows"], rows),
        "",
    ]


def _flags_section(offerings: list[Offering]) -> list[str]:
    by_code: Counter[str] = Counter()
    by_code_provider: dict[str, Counter[str]] = defaultdict(Counter)
    examples: dict[str, set[str]] = defaultdict(set)
    for offering in offerings:
        for code in offering.flag_codes:
            by_code[code] += 1
            by_code_provider[code][offering.provider] += 1
            examples[code].add(f"{offering.provider} {offering.instance_type}")
    rows = []
    for code, n in sorted(by_code.items(), key=lambda item: -item[1]):
        where = ", ".join(f"{p} {c}" for p, c in sorted(by_code_provider[code].items()))
        sample = sorted(examples[code])
        shown = ", ".join(f"`{s}`" for s in sample[:6]) + (
            f" (+{len(sample) - 6} more)" if len(sample) > 6 else ""
        )
        rows.append([f"`{code}`", str(n), where, CODE_REASONS.get(code, ""), shown])
    flagged = sum(1 for o in offerings if o.flags)
    return [
        "## Flagged rows",
        "",
        f"{flagged} of {len(offerings)} rows carry at least one flag (the `flags` column: `code: explanation`, "
        "separated by ` | `). Rows are never dropped for a flag; only `PRICE-SUSPECT` codes keep a row out of "
        "`cheapest()` and `price_stats()` unless `include_suspect=True`.",
        "",
        *_markdown_table(["code", "rows", "providers", "why", "instance types"], rows),
        "",
    ]


def _notes_section(results: dict[str, NormaliseResult]) -> list[str]:
    notes = [note for result in results.values() for note in result.notes if "did not resolve" not in note]
    return ["## Other normalisation notes", "", *(f"- {note}" for note in notes), ""]


def _hyperscaler_table(hyperscalers: list[Offering]) -> list[str]:
    rows = []
    for o in hyperscalers:
        price = repr(o.on_demand_per_hour) if o.on_demand_per_hour is not None else "(empty)"
        spot = repr(o.spot_per_hour) if o.spot_per_hour is not None else "(empty)"
        codes = ", ".join(sorted(o.flag_codes)) or ""
        rows.append(
            [
                o.provider,
                o.region or "",
                f"`{o.instance_type}`",
                o.gpu,
                str(o.gpus_per_instance),
                price,
                spot,
                codes,
            ]
        )
    header = ["provider", "region", "instance", "GPU", "GPUs", "on-demand $/h", "spot $/h", "flags"]
    return ["", *_markdown_table(header, rows), ""]


def _coverage_section(catalog, offerings: list[Offering]) -> list[str]:
    offered = {o.gpu for o in offerings}
    missing = [g.name for g in catalog if g.name not in offered]
    providers: dict[str, set[str]] = defaultdict(set)
    for o in offerings:
        providers[o.gpu].add(o.provider)
    rows = [
        [g.name, str(len(providers[g.name])), ", ".join(sorted(providers[g.name]))]
        for g in catalog
        if g.name in offered
    ]
    return [
        "## Coverage",
        "",
        f"Catalog GPUs that no offering rents ({len(missing)} of {len(catalog)}): "
        + ", ".join(missing)
        + ".",
        "",
        *_markdown_table(["catalog GPU", "providers", "who"], rows),
        "",
    ]


# --------------------------------------------------------------------------------------------------------


_RECORDED_AS_OF = re.compile(r"`as_of` = (\d{4}-\d{2}-\d{2})")


def _recorded_as_of() -> dt.date | None:
    """The reading date the committed ``offerings-SOURCE.md`` states, if there is one."""
    if not OUT_SOURCE.exists():
        return None
    found = _RECORDED_AS_OF.search(OUT_SOURCE.read_text(encoding="utf-8"))
    return dt.date.fromisoformat(found.group(1)) if found else None


def _file_date(snapshot: Path) -> dt.date:
    """The date of the snapshot's SOURCE.md file (when this copy of it was made)."""
    return dt.datetime.fromtimestamp((snapshot / "SOURCE.md").stat().st_mtime, tz=dt.UTC).date()


def _compare(offerings: list[Offering], markdown: str) -> tuple[bool, bool]:
    """Whether the CSV and the SOURCE page built from ``offerings`` equal the files on disk."""
    with tempfile.TemporaryDirectory() as folder:
        fresh = Path(folder) / OUT_CSV.name
        write_offerings_csv(offerings, fresh)
        same_csv = OUT_CSV.exists() and OUT_CSV.read_bytes() == fresh.read_bytes()
    same_md = OUT_SOURCE.exists() and OUT_SOURCE.read_text(encoding="utf-8") == markdown
    return same_csv, same_md


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--snapshot", type=Path, default=DEFAULT_SNAPSHOT, help="snapshot folder (with SOURCE.md)"
    )
    parser.add_argument(
        "--as-of",
        type=dt.date.fromisoformat,
        default=None,
        help="date the snapshot was read (default: the date of its SOURCE.md file)",
    )
    parser.add_argument(
        "--check", action="store_true", help="compare with the files on disk instead of writing"
    )
    args = parser.parse_args(argv)

    snapshot: Path = args.snapshot.resolve()
    # The snapshot's file date is when this machine's copy was made, not when it was read, so it
    # changes from checkout to checkout: a build is compared at the date the committed files record,
    # and only a build whose content differs takes the file date as its new reading date.
    as_of = args.as_of or _recorded_as_of() or _file_date(snapshot)
    offerings, results, files = build(snapshot, as_of)
    markdown = source_markdown(offerings, results, files, as_of, snapshot)
    same_csv, same_md = _compare(offerings, markdown)

    if args.check:
        for path, ok in ((OUT_CSV, same_csv), (OUT_SOURCE, same_md)):
            print(f"{path.relative_to(REPO)}: {'up to date' if ok else 'DIFFERS from a fresh build'}")
        return 0 if same_csv and same_md else 1

    if not args.as_of and not (same_csv and same_md):
        as_of = _file_date(snapshot)
        offerings, results, files = build(snapshot, as_of)
        markdown = source_markdown(offerings, results, files, as_of, snapshot)
    count = write_offerings_csv(offerings, OUT_CSV)
    OUT_SOURCE.write_text(markdown, encoding="utf-8")
    per_provider = Counter(o.provider for o in offerings)
    print(f"wrote {count} offerings to {OUT_CSV.relative_to(REPO)} ({dict(sorted(per_provider.items()))})")
    print(f"wrote {OUT_SOURCE.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
