"""``python -m tools.bench [--quick] [--output PATH]``."""

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
    args = parser.parse_args(argv)
    config = BenchConfig.quick_mode(args.output) if args.quick else BenchConfig.full(args.output)
    path = run_benchmark(config)
    print(path)
    return path


if __name__ == "__main__":
    main()
