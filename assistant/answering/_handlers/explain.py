"""Explanations (what is the KV cache, LoRA vs QLoRA): quoted from the guides, or "I don't know"; how serving
engines compare in speed is composed from the GPU named."""

from dataclasses import replace

from ...knowledge._workloads import load_workloads
from ...understanding import Intent
from ...understanding._engines import asks_engine_memory, asks_engine_speed, ollama_parallel, startup_oom
from .._compose import explain_answer
from .._compose._engine_memory import reservation_explained, startup_oom_text
from .._compose._engines import engine_answer, engine_choice_text
from .._compose._kind_pick import kind_pick_answer
from .._compose._link_speed import link_speed_answer
from .._compose._non_llm import estimate_figure, kind_estimate_answer
from .._compose._observed_cause import allocator_text, keep_alive_text
from .._compose._ollama_parallel import ollama_parallel_explained
from .._compose._unnamed import unnamed_fit_answer
from ._registry import Handler, Retrieval, register
from .non_llm import research_fallback, trained


@register
class Explain(Handler):
    intent = Intent.EXPLAIN
    plans_workloads = False

    def retrieval(self, understanding):
        return Retrieval(kinds=("guide",), must_cover=True)

    def gather_without_workload(self, understanding, knowledge, facts):
        gpus = tuple(knowledge.catalog.by_name(n) for n in understanding.details.gpus)
        facts = replace(facts, gpus=gpus) if gpus else facts
        every = knowledge.workloads or load_workloads()
        if research_fallback(understanding, every):
            # "[SomeRepo] how much VRAM for inference?": no model, kind or guide to quote, but a requirement asked of
            # a research release, which the research releases on record estimate (labelled as such)
            estimate = every.research_estimate(trained(understanding.workload_text))
            if estimate is not None:
                facts = replace(
                    facts,
                    kind_estimate=estimate,
                    headline_memory_gb=estimate_figure(estimate, understanding.workload_text),
                )
        return facts

    def compose_without_workload(self, facts, passages):
        if (
            link := link_speed_answer(facts)
        ) is not None:  # "will an x8 slot slow my 4090?": a verdict, from the link
            return link
        if (
            picked := kind_pick_answer(facts)
        ) is not None:  # "best image model for 8 GB?": the models of the kind
            return picked
        if facts.kind_estimate is not None:
            return kind_estimate_answer(facts)
        if choice := engine_choice_text(facts):  # "vLLM or llama.cpp for 50 users?": one, for who is served
            return choice
        if asks_engine_speed(facts.understanding.question):
            return engine_answer(facts, passages)
        if allocator := allocator_text(facts.understanding.question):  # torch's counter against nvidia-smi
            return allocator
        if held := keep_alive_text(facts):  # Ollama still holding memory after the request
            return held
        if ollama_parallel(facts.understanding.question) is not None:
            return ollama_parallel_explained(facts.understanding.question)
        if asks_engine_memory(facts.understanding.question):
            return reservation_explained(facts.understanding.question)
        if startup_oom(facts.understanding.question):
            u = facts.understanding
            return startup_oom_text(question=u.question, gpu_count=u.details.gpu_count)
        if unnamed := unnamed_fit_answer(
            facts
        ):  # "available for low VRAM? 8gb cards?": which model decides it
            return unnamed
        return explain_answer(facts, passages)
