"""What a purchase budget buys for a workload (issue 9, local, session 16): every priced card at the fewest that
hold the workload, against the budget — CUDA and one or two cards first, the fastest within the budget picked (or
the cheapest that reaches a speed asked), and the cheapest setup over the budget when none is within it."""

from __future__ import annotations

from assistant import Task, WorkloadRequest
from assistant.knowledge import load_catalog, load_models
from assistant.planning import plan_workload
from assistant.planning._budget import budget_buys, card_to_buy
from assistant.sizing import load_assumptions

_CATALOG = load_catalog()
_PRICES = {  # round figures for the test, not the corpus's
    "RTX 3060 12GB": 300.0,
    "RTX 3090": 900.0,
    "RTX 4090": 1800.0,
    "RTX 5090": 2500.0,
    "RX 7900 XTX": 800.0,
}


def _estimate(model, precision="q4_k_m"):
    plan = plan_workload(
        WorkloadRequest(
            task=Task.INFERENCE, model=model, precision=precision, runtime="llama.cpp", local=True
        ),
        _CATALOG,
        load_models(),
        load_assumptions(),
    )
    return plan.estimate


def _priced():
    return [(_CATALOG.by_name(n), p) for n, p in _PRICES.items()]


def test_the_fastest_setup_within_the_budget_is_picked_and_its_total_is_count_times_price():
    buys = budget_buys(_estimate("Llama 3.1 70B"), _priced(), 4000, load_assumptions())
    assert buys.pick is not None and buys.pick.fit.gpu.software == "CUDA"
    assert buys.pick.fit.count == 2 and buys.pick.total_usd == 2 * buys.pick.unit_usd <= 4000
    # two 4090s are faster than two 3090s (1,008 against 936 GB/s) and within $4,000; two 5090s are not
    assert buys.pick.fit.gpu.name == "RTX 4090"
    assert all(b.total_usd <= 4000 for b in buys.within)
    assert buys.cheapest_over is None


def test_a_speed_asked_picks_the_cheapest_setup_that_reaches_it():
    buys = budget_buys(_estimate("Llama 3.1 8B"), _priced(), 3000, load_assumptions(), tokens_per_s=20)
    assert buys.pick.fit.gpu.name == "RTX 3060 12GB" and buys.pick.fit.count == 1
    assert buys.pick.tokens_per_s >= 20


def test_cards_other_than_cuda_and_more_than_two_cards_come_after():
    buys = budget_buys(_estimate("Qwen2.5 32B"), _priced(), 1000, load_assumptions())
    # one RX 7900 XTX ($800, 24 GB) and two RTX 3060s are cheaper, but CUDA in one or two cards goes first
    assert buys.pick.fit.gpu.software == "CUDA"
    assert buys.within[0].fit.gpu.software == "CUDA" and buys.within[0].fit.count <= 2


def test_no_setup_within_the_budget_names_the_cheapest_that_holds_it():
    buys = budget_buys(_estimate("Llama 3.1 70B"), _priced(), 500, load_assumptions())
    assert buys.pick is None and buys.within == ()
    assert buys.cheapest_over is not None and buys.cheapest_over.total_usd > 500
    assert buys.cheapest_over.fit.gpu.name == "RTX 3090" and buys.cheapest_over.fit.count == 2


def _plan(request):
    return plan_workload(request, _CATALOG, load_models(), load_assumptions())


def test_card_to_buy_for_a_fine_tune_holds_the_fullest_method_any_card_holds():
    # a 7B fine-tune, method open: full needs ~114 GB (no home card), LoRA ~17 GB (a 24 GB card), QLoRA ~7 GB
    plan = _plan(WorkloadRequest(task=Task.FULL, params=7e9))
    methods = [o.estimate for o in plan.options if not o.label.startswith("inference")]
    gpu, count = card_to_buy(methods, _priced(), load_assumptions())
    assert (gpu.name, count) == ("RTX 3090", 1)  # the cheapest card holding LoRA, not the 3060 QLoRA fits


def test_card_to_buy_for_inference_is_the_cheapest_setup_in_any_format():
    plan = _plan(WorkloadRequest(task=Task.INFERENCE, model="Llama 3.1 70B"))
    formats = [o.estimate for o in plan.options if o.label.startswith("inference in ")]
    gpu, count = card_to_buy(formats, _priced(), load_assumptions(), cheapest=True)
    assert count == 2 and gpu.memory_gb >= 24  # no single home card holds even 4-bit 70B
    assert gpu.software == "CUDA"  # the RX 7900 XTX is priced lower but left out
    assert card_to_buy(formats, [], load_assumptions(), cheapest=True) is None


def test_a_training_job_on_a_card_known_by_its_memory_is_timed_there_at_no_price():
    request = WorkloadRequest(task=Task.QLORA, model="Llama 3.1 8B", tokens=20e6, stated_memory_gb=16)
    fit = _plan(request).stated_card_fit
    assert fit is not None and fit.gpu.memory_gb == 16 and fit.price_per_hour is None
    assert fit.training.hours > 0 and fit.training.cost is None
    inference = _plan(WorkloadRequest(task=Task.INFERENCE, model="Llama 3.1 8B", stated_memory_gb=16))
    assert inference.stated_card_fit is None  # a time asked of a run, not a job: nothing to time


def test_card_to_buy_prefers_one_card_over_a_pair_that_holds_a_fuller_method():
    # a 7B's full fine-tune fits two 96 GB cards, its LoRA one 24 GB card: one card it is
    plan = _plan(WorkloadRequest(task=Task.FULL, params=7e9))
    methods = [o.estimate for o in plan.options if not o.label.startswith("inference")]
    priced = [*_priced(), (_CATALOG.by_name("RTX PRO 6000 Blackwell"), 8500.0)]
    assert card_to_buy(methods, priced, load_assumptions())[1] == 1
