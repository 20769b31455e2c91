"""Non-LLM workloads (SDXL, Flux, Whisper, embeddings, ResNet training): sourced figures, never LLM arithmetic."""

from dataclasses import replace

from ...knowledge._workloads import load_workloads
from ...understanding import Intent
from .._compose._non_llm import TRAINING as _TRAINING
from .._compose._non_llm import headline_memory_gb, non_llm_answer
from .._facts import Facts
from ._registry import Handler, register


@register
class NonLLM(Handler):
    intent = Intent.NON_LLM
    plans_workloads = False  # parameter counts of diffusion or speech models do not size like LLMs

    def gather(self, understanding, knowledge):
        named = tuple(knowledge.catalog.by_name(n) for n in understanding.details.gpus)
        every = load_workloads()
        workloads = tuple(every.find_in_text(understanding.question))
        if workloads and _TRAINING.search(understanding.question.lower()) and not _trains(workloads[0]):
            # no sourced training figure for it: bring the nearest model of the same kind that has one
            stand_in = next((w for w in every if w.kind == workloads[0].kind and _trains(w)), None)
            workloads += (stand_in,) if stand_in and stand_in not in workloads else ()
        headline = headline_memory_gb(workloads[0], understanding.question, named) if workloads else None
        return replace(Facts(understanding), gpus=named, workloads=workloads, headline_memory_gb=headline)

    def compose(self, facts, passages):
        return non_llm_answer(facts)


def _trains(spec) -> bool:
    return any("train" in f.task.lower() for f in spec.facts)
