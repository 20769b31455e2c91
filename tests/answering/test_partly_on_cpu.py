"""A local runtime seen to keep part of the model on the CPU ('puts it partly on cpu', 'half of it on the CPU') is
a slow-run report: the answer says whether the model fits the card and what pushes layers off it, not a bare fit
verdict. Phrasings in no evaluation set."""

from __future__ import annotations

from assistant.answering._compose._slow import asks_why_slow


def test_part_of_the_model_on_the_cpu_is_a_slow_run_report():
    assert asks_why_slow("lm studio keeps loading mistral small partially on cpu, my card is a 3090")
    assert asks_why_slow("why is ollama putting half of it on the cpu?")
    assert not asks_why_slow("can i run part of the model on the gpu and keep the rest in ram?")


def test_a_tight_fit_spilling_to_the_cpu_names_what_pushes_layers_off(ask):
    reply = ask("ollama loads qwen2.5 32b q4 partly on cpu even though i have a 4090, whats going on?")
    first = reply.text.splitlines()[0]
    assert first.startswith("**It only just fits"), first
    assert "num_ctx" in first and "ollama ps" in first
