"""Under llama.cpp, which splits layers over any number of cards, the user's count of cards is judged as said
(three cards may hold what the even counts of tensor parallelism would round up to four), and the fewest that hold
a run are counted one by one; a server engine keeps its even counts."""

from __future__ import annotations

from assistant import Task, WorkloadRequest
from assistant.knowledge import load_catalog, load_models
from assistant.planning import plan_workload
from assistant.sizing import Fit, NoFit, load_assumptions


def _check(**request):
    plan = plan_workload(
        WorkloadRequest(task=Task.INFERENCE, **request), load_catalog(), load_models(), load_assumptions()
    )
    return plan.checks[0]


def test_three_cards_hold_under_llama_cpp_what_fits_their_sum():
    check = _check(
        model="Qwen2.5 32B", precision="q8_0", runtime="llama.cpp", gpus=("RTX 4080",), gpu_count=3
    )
    assert isinstance(check, Fit) and check.count == 3


def test_the_fewest_cards_under_llama_cpp_are_counted_one_by_one():
    check = _check(
        model="Llama 3.1 70B", precision="q8_0", runtime="llama.cpp", gpus=("RTX 4080",), gpu_count=2
    )
    assert isinstance(check, NoFit) and check.needs in (5, 6)  # about 75 GB over 16 GB cards, not 8
