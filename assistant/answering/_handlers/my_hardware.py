"""'The GPU I have' mode: which models and quantizations run on the user's hardware, how fast, what trains."""

from dataclasses import replace

from ...planning._owned import what_runs
from ...understanding import Intent
from .._compose._owned import owned_answer
from .._facts import Facts
from ._registry import Handler, register


@register
class MyHardware(Handler):
    intent = Intent.MY_HARDWARE
    plans_workloads = False

    def gather(self, understanding, knowledge):
        details = understanding.details
        gpu = knowledge.catalog.by_name(details.gpus[0])
        report = what_runs(gpu, details.gpu_count or 1, knowledge.models, knowledge.assumptions)
        return replace(Facts(understanding), gpus=(gpu,), owned=report)

    def compose(self, facts, passages):
        return owned_answer(facts)
