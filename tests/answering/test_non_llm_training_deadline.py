"""A time asked for a non-LLM training run ('in under an hour, which GPU?'): the cheapest rental whose time for the
run on record, carried over by dense 16-bit TFLOPS, meets it, labelled an estimate (phrasings of our own)."""

from __future__ import annotations

from assistant.answering._compose._non_llm import hours_on_card, timed_run
from assistant.knowledge import load_catalog
from assistant.knowledge._workloads import load_workloads


def test_the_card_named_meets_the_time_asked_by_the_measured_run(ask):
    question = "need an sdxl lora done in less than an hour, which card should I rent?"
    reply = ask(question)
    assert reply.text.startswith(
        f"The **{reply.gpus[0]}** is the cheapest GPU to rent that should finish it within"
    )
    run = timed_run(load_workloads().by_name("SDXL"), question)
    assert (
        run is not None and run.gpu == "RTX 4090" and run.hours == 1.5
    )  # the measured run takes longer than asked
    assert hours_on_card(run, load_catalog().by_name(reply.gpus[0])) <= 1.0
    assert "an estimate" in reply.text.split("\n\n")[0]


def test_no_time_asked_keeps_the_cheapest_card_that_holds_it(ask):
    reply = ask("cheapest rental for training an sdxl lora?")
    assert "should finish it within" not in reply.text
