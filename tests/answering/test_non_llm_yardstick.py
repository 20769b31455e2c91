"""A model named only as the yardstick ("similar requirements to Stable Diffusion?") is not the one asked about: the
other model named leads. And "what the GPU/VRAM requirements are" asks a figure, not a card to rent. Phrasings of
our own, in no evaluation set."""

from __future__ import annotations

from assistant.answering._handlers.non_llm import _subject_first
from assistant.knowledge._workloads import load_workloads


def test_the_yardstick_model_goes_last():
    every = load_workloads()
    question = "is the vram about the same as stable diffusion 1.5 or much more for animatediff?"
    found = every.find_in_text(question)
    assert _subject_first(tuple(found), question)[0].name == "AnimateDiff"


def test_models_named_side_by_side_keep_their_order():
    every = load_workloads()
    question = "sdxl or flux dev for a 16gb card?"
    found = tuple(every.find_in_text(question))
    assert _subject_first(found, question) == found


def test_the_subject_figure_leads_when_a_base_is_the_yardstick(assistant):
    reply = assistant.ask("compared to stable diffusion 1.5, how much vram does AnimateDiff take?")
    assert reply.text.startswith("**AnimateDiff**") and reply.memory_gb == 12.0


def test_asking_the_gpu_requirements_names_no_rental_first(assistant):
    reply = assistant.ask("curious what the GPU/VRAM requirements of AnimateDiff are")
    assert not reply.text.startswith("The **")
