"""What runs on hardware someone owns: a quant the user fixes, and a CPU run from system RAM (pure)."""

from __future__ import annotations

import pytest

from assistant.knowledge import load_catalog, load_models
from assistant.planning._owned import what_runs
from assistant.sizing import load_assumptions


@pytest.fixture(scope="module")
def data():
    return load_catalog(), load_models(), load_assumptions()


def test_a_quant_the_user_fixes_is_the_only_one_weighed(data):
    catalog, models, assumptions = data
    card = catalog.by_name("RTX 3090")
    free = what_runs(card, 1, models, assumptions)
    fixed = what_runs(card, 1, models, assumptions, quants=("q4_k_m",))
    assert {r.quant for r in fixed.runs if r.quant} == {"q4_k_m"}
    # at any quant a 24 GB card holds Mixtral (in Q3_K_M, ~24 GB, or Q2_K); at Q4_K_M (~29 GB) it does not
    by_name = {r.model.name: r for r in free.runs}, {r.model.name: r for r in fixed.runs}
    assert by_name[0]["Mixtral 8x7B"].quant in ("q2_k", "q3_k_m") and by_name[1]["Mixtral 8x7B"].quant is None
    largest = [r for r in fixed.runs if r.quant][-1]
    assert largest.memory_gb <= card.memory_gb


def test_a_cpu_run_counts_no_gpu_context(data):
    catalog, models, assumptions = data
    card = catalog.by_name("RTX 3060 12GB")
    gpu = what_runs(card, 1, models, assumptions, quants=("q4_k_m",))
    cpu = what_runs(card, 1, models, assumptions, quants=("q4_k_m",), on_cpu=True)
    first_gpu, first_cpu = gpu.runs[0], cpu.runs[0]
    assert first_gpu.memory_gb - first_cpu.memory_gb == pytest.approx(
        assumptions.number("llamacpp_context_gb")
    )


@pytest.mark.parametrize("name", ["RTX A6000", "L40S", "A100 40GB"])
def test_a_card_that_holds_a_small_full_fine_tune_names_one(data, name):
    # 16 bytes per parameter of mixed-precision AdamW put a 3B full fine-tune past 48 GB; a 1B one fits 40-48 GB
    # (on 24 GB it is borderline: ~20 GB of model states plus ~3 GB of logits for Llama 3.2's 128k vocabulary)
    catalog, models, assumptions = data
    card = catalog.by_name(name)
    full = next(t for t in what_runs(card, 1, models, assumptions).trains if t.method.startswith("full"))
    assert full.model is not None, name
    assert full.memory_gb <= card.memory_gb


def test_rocm_cards_are_sized_for_training_and_macs_are_not(data):
    # PyTorch trains on ROCm (AMD); Metal has no such stack in the sizing, so a Mac's rows stay empty
    catalog, models, assumptions = data
    amd = what_runs(catalog.by_name("MI300X"), 1, models, assumptions)
    assert all(t.model is not None for t in amd.trains)
    mac = next(g for g in catalog if g.software == "Metal")
    assert all(t.model is None for t in what_runs(mac, 1, models, assumptions).trains)


def test_a_memory_no_desktop_card_has_borrows_the_speeds_of_a_card_that_has_it():
    from assistant.knowledge import load_catalog
    from assistant.planning._owned import stand_in_card

    catalog = load_catalog()
    assert stand_in_card(catalog, 96).memory_gb == 96  # not the 32 GB RTX 5090
    assert stand_in_card(catalog, 24).gpu_class == "consumer"  # a desktop card where one has it


def test_a_small_vocabulary_7b_is_what_a_10gb_card_fine_tunes_with_qlora(data):
    # Llama 3.1 8B's 128k-vocabulary logits push its QLoRA past 10 GB; Mistral 7B's 32k vocabulary keeps it under
    catalog, models, assumptions = data
    qlora = next(
        t
        for t in what_runs(catalog.by_name("RTX 3080"), 1, models, assumptions).trains
        if "QLoRA" in t.method
    )
    assert qlora.model.name == "Mistral 7B" and qlora.memory_gb < 10
    runs = {r.model.name for r in what_runs(catalog.by_name("RTX 3080"), 1, models, assumptions).runs}
    assert "Mistral 7B" not in runs  # the inference ladder is unchanged


def test_an_rl_run_trains_smaller_models_than_a_plain_fine_tune_and_says_which_run(data):
    catalog, models, assumptions = data
    card = catalog.by_name("L40S")
    plain = {t.method: t for t in what_runs(card, 1, models, assumptions).trains}
    grpo = {t.method: t for t in what_runs(card, 1, models, assumptions, rl="grpo").trains}
    assert set(grpo) == {f"GRPO {m}" for m in plain}
    # the group of completions, the rollouts' KV cache and the reference copy weigh on every method
    order = [m.name for m in (models.by_name(n) for n in assumptions["owned_hardware_ladder"].value)]
    for method, row in plain.items():
        rl_row = grpo[f"GRPO {method}"]
        if row.model is not None and rl_row.model is not None:
            assert order.index(rl_row.model.name) <= order.index(row.model.name)
            if rl_row.model == row.model:
                assert rl_row.memory_gb > row.memory_gb
