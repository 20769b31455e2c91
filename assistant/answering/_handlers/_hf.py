"""A question naming a Hugging Face model id (or a local config path): plan it from its config.json."""

from __future__ import annotations

from dataclasses import replace

from ...knowledge import ModelSpecs
from ...knowledge._hf_config import ConfigUnavailable, nearest_known, sized_by_name, spec_for_model_id
from ...planning import plan_workload
from ...understanding import Understanding
from .._facts import Facts, request_for

__all__ = ["hf_model_facts"]


def hf_model_facts(understanding: Understanding, knowledge, model_id: str) -> Facts:
    """Size ``model_id`` from its config (cached, or downloaded when online); offline, a stated stand-in."""
    note = ""
    try:
        spec = spec_for_model_id(model_id, knowledge.data_dir)
        models = ModelSpecs([*knowledge.models, spec])
        note = f"architecture and parameter count of {model_id} read from its config.json ({spec.source})"
    except ConfigUnavailable as exc:
        spec, why = nearest_known(model_id, knowledge.models)
        models = knowledge.models
        size = sized_by_name(model_id)
        if size is not None:
            # "unsloth/Qwen3.6-27B-NVFP4": its own 27B parameters, with the nearest known model's layout for the
            # KV cache — never the stand-in's parameter count passed off as its own
            request = replace(request_for(understanding), model=None, params=size)
            plan = plan_workload(request, knowledge.catalog, models, knowledge.assumptions)
            note = (
                f"note: I could not read {model_id}'s config.json ({exc}), so it is sized from the "
                f"{size / 1e9:g}B parameters in its name; connect once (or pass a local config path) for its own "
                "numbers"
            )
            return _facts(understanding, knowledge, replace(plan, defaults=(*plan.defaults, note)))
        note = (
            f"note: I could not read {model_id}'s config.json ({exc}), so it is sized as {spec.name}, "
            f"{why}; connect once (or pass a local config path) for its own numbers"
        )
    except (OSError, ValueError, KeyError) as exc:
        return replace(
            Facts(understanding),
            unknown_model=f"{model_id} ({exc})",
            known_models=tuple(knowledge.models.names),
        )
    request = replace(request_for(understanding), model=spec.name, params=None)
    plan = plan_workload(request, knowledge.catalog, models, knowledge.assumptions)
    return _facts(understanding, knowledge, replace(plan, defaults=(*plan.defaults, note)))


def _facts(understanding: Understanding, knowledge, plan) -> Facts:
    named = [knowledge.catalog.by_name(n) for n in understanding.details.gpus]
    gpus = named + [f.gpu for f in plan.shown if f.gpu not in named]
    return replace(Facts(understanding), plan=plan, gpus=tuple(gpus), filters=plan.filters)
