"""Local speed: our llama.cpp speed estimates beside published measurements (pure arithmetic, no timing).

The measured figures and their citations live with the test that holds the estimates to them
(``tests/sizing/test_local_speed.py``); this section renders that test's table, so the report and the
test can never disagree.
"""

from __future__ import annotations

import importlib.util

from ._paths import REPO_ROOT

__all__ = ["local_speed_section"]

CASES = REPO_ROOT / "tests" / "sizing" / "test_local_speed.py"

INTRO = (
    "What `assistant.sizing.estimate_local_speed` says for hardware people own, next to what people measured "
    "with llama.cpp's `llama-bench` (tg512: generating 512 tokens; pp512: reading a 512-token prompt), from the "
    '"LLaMA 3" tables of [XiongjieDai/GPU-Benchmarks-on-LLM-Inference]'
    "(https://github.com/XiongjieDai/GPU-Benchmarks-on-LLM-Inference) (May 2024). Generation = share of memory "
    "bandwidth / bytes read per token (weights + KV cache); prompt = share of dense FP16 TFLOPS / (2 x active "
    "parameters). The shares are in `corpus/assumptions.yaml` with the measurements they were calibrated on. "
    "Several cards split the layers and take turns, so two cards run at one card's speed. "
    "`tests/sizing/test_local_speed.py` holds the cases and checks this table."
)


def local_speed_section() -> str:
    """The intro, the table and how many (hardware, model, quant) cases fall within ±30% on both measures."""
    cases = _cases()
    rows = cases.rows()
    by_case: dict[str, bool] = {}
    for case, _measure, measured, estimated in rows:
        by_case[case] = by_case.get(case, True) and cases.within(measured, estimated)
    inside = sum(by_case.values())
    summary = (
        f"{inside} of the {len(by_case)} (hardware, model, quant) cases are within ±30% on both measures."
    )
    return f"{INTRO}\n\n{cases.markdown()}\n\n{summary}"


def _cases():
    spec = importlib.util.spec_from_file_location("local_speed_cases", CASES)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
