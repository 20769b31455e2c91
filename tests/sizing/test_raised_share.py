"""A served model over the engine's default share of a card but within the raised one (vLLM
--gpu-memory-utilization 0.95, nothing else on the GPU): one test serves the stated-memory verdict and the speed on
a named card."""

from __future__ import annotations

from assistant.sizing import within_raised_share


def test_just_over_the_default_share_is_within_the_raised_one(assumptions):
    default = assumptions.number("serving_memory_fraction")
    raised = assumptions.number("serving_memory_fraction_raised")
    need = 80 * (default + raised) / 2
    assert within_raised_share(need, 80, assumptions)


def test_within_the_default_share_or_beyond_the_raised_one_is_not(assumptions):
    default = assumptions.number("serving_memory_fraction")
    raised = assumptions.number("serving_memory_fraction_raised")
    assert not within_raised_share(80 * default, 80, assumptions)
    assert not within_raised_share(80 * raised + 0.1, 80, assumptions)
