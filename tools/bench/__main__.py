"""``python -m tools.bench [--quick] [--output PATH] [--data-dir DIR] [--only robustness|latency]``."""

from __future__ import annotations

import argparse
from pathlib import Path

from ._runner import BenchConfig, run_benchmark

__all__ = ["main"]


def main(argv: list[str] | None = None) -> Path:
    """Parse the command line, run the benchmark, return the report's path."""
    parser = argparse.ArgumentParser(prog="python -m tools.bench", description=__doc__)
    parser.add_argument(
        "--quick", action="store_true", help="a subset for CI (written to a temp file unless --output)"
    )
    parser.add_argument(
        "--output", type=Path, help="where to write the Markdown report (default docs/benchmarks.md)"
    )
    parser.add_argument(
        "--data-dir",
        type=Path,
        help="a data dir whose index is already built (e.g. by `gpu-assistant index`): the benchmark works "
        "on a copy of it and does not measure the full index build",
    )
    parser.add_argument(
        "--only",
        choices=["robustness", "latency"],
        help="run one section alone (with its goals) instead of the whole benchmark; latency writes to a temp "
        "file unless --output",
    )
    args = parser.parse_args(argv)
    if args.data_dir is not None and not (args.data_dir / "chroma").is_dir():
        parser.error(
            f"--data-dir {args.data_dir}: no built index there (expected {args.data_dir / 'chroma'})"
        )
    mode = BenchConfig.quick_mode if args.quick else BenchConfig.full
    config = mode(args.output, prebuilt=args.data_dir)
    if args.only == "latency":
        from ._latency_only import run_latency_only

        path = run_latency_only(config, args.output)
    elif args.only == "robustness":
        from ._robustness import run_robustness_only

        path = run_robustness_only(config)
    else:
        path = run_benchmark(config)
    print(path)
    return path


if __name__ == "__main__":
    main()
