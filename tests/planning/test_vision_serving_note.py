"""Serving a vision-language model: the plan notes that images add visual tokens and that a batching server
sizes its start-up memory for the largest images it accepts (with the caps); a text model, and a GGUF run under
llama.cpp, get no such note."""

from __future__ import annotations

from assistant import Task, WorkloadRequest
from assistant.planning import plan_workload


def _notes(catalog, models, assumptions, **kw):
    plan = plan_workload(WorkloadRequest(task=Task.INFERENCE, **kw), catalog, models, assumptions)
    return [d for d in plan.defaults if d.startswith("note:")]


def test_a_vision_language_model_served_gets_the_image_note(catalog, models, assumptions):
    notes = _notes(catalog, models, assumptions, model="Qwen2-VL 7B", gpus=("L4",))
    assert any("vision-language" in n and "--limit-mm-per-prompt" in n and "max_pixels" in n for n in notes)


def test_a_text_model_or_a_gguf_run_gets_none(catalog, models, assumptions):
    assert not any("vision-language" in n for n in _notes(catalog, models, assumptions, model="Qwen2.5 7B"))
    gguf = _notes(catalog, models, assumptions, model="Qwen2-VL 7B", runtime="llama.cpp", precision="q4_k_m")
    assert not any("--limit-mm-per-prompt" in n for n in gguf)
