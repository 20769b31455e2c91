"""A purchase budget for a fine-tune whose method is unsaid weighs the methods fullest first and buys for the fullest
one a single CUDA card within the budget holds (full fine-tuning needs data-center memory; LoRA or QLoRA fits a home
card), saying what the fuller method needs; a training pick is one card before two, then the cheapest."""

from __future__ import annotations

from assistant import Task, WorkloadRequest
from assistant.knowledge import load_catalog, load_models
from assistant.planning import plan_workload
from assistant.planning._budget import fullest_bought
from assistant.sizing import load_assumptions

_CATALOG = load_catalog()
_PRICES = {"RTX 3060 12GB": 300.0, "RTX 3090": 900.0, "RTX 4090": 1800.0}  # round figures for the test


def _estimate(task):
    request = WorkloadRequest(task=task, model="Llama 3.1 8B")
    return plan_workload(request, _CATALOG, load_models(), load_assumptions()).estimate


def _priced():
    return [(_CATALOG.by_name(n), p) for n, p in _PRICES.items()]


def test_the_fullest_method_one_card_within_the_budget_holds_is_bought_for():
    full, lora, qlora = (_estimate(t) for t in (Task.FULL, Task.LORA, Task.QLORA))
    buys = fullest_bought([full, lora, qlora], _priced(), 1500, load_assumptions())
    assert buys.estimate is lora and buys.not_bought is full
    assert buys.pick.fit.gpu.name == "RTX 3090" and buys.pick.fit.count == 1  # not two cheaper 12 GB cards


def test_a_budget_that_buys_the_first_method_keeps_it_unmarked():
    lora, qlora = _estimate(Task.LORA), _estimate(Task.QLORA)
    buys = fullest_bought([lora, qlora], _priced(), 1500, load_assumptions())
    assert buys.estimate is None and buys.not_bought is None and buys.pick.fit.gpu.name == "RTX 3090"


def test_a_small_budget_falls_to_the_leanest_method():
    full, lora, qlora = (_estimate(t) for t in (Task.FULL, Task.LORA, Task.QLORA))
    buys = fullest_bought([full, lora, qlora], _priced(), 400, load_assumptions())
    assert buys.estimate is qlora and buys.pick.fit.gpu.name == "RTX 3060 12GB"


def test_money_set_aside_for_a_card_and_a_bare_amount_after_budget_are_purchase_budgets():
    from assistant.understanding._local import purchase_budget

    assert purchase_budget("have roughly 900 bucks for a used card to run models on") == 900
    assert purchase_budget("new rig for lora work, budget about 2500, what card?") == 2500
    assert purchase_budget("our budget is 1500 gpu hours for the sft run") is None
    assert purchase_budget("budget 400 a month for hosting a 7b") is None
