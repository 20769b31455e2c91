"""The span of settings on record for a kind of model: one tool's heaviest over its lightest setting of one task,
never a research release's (its own script at defaults), training and running apart."""

from __future__ import annotations

from assistant.knowledge._workloads import load_workloads


def test_the_widest_span_of_a_kind_comes_from_one_model_and_one_task():
    workloads = load_workloads()
    span = workloads.lever_span("video generation", training=False)
    assert span is not None and span.ratio > 2
    spec = workloads.get(span.model)
    assert not spec.research and spec.kind == "video generation"
    for fact in (span.high, span.low):
        assert fact in spec.facts and "train" not in fact.task.lower()
    sized = [f.memory_gb for f in spec.facts if f.memory_gb and "train" not in f.task.lower()]
    assert span.ratio == max(sized) / min(sized)


def test_training_spans_hold_training_rows_only():
    span = load_workloads().lever_span("vision training", training=True)
    assert span is not None and "train" in span.task


def test_a_kind_with_no_tool_of_two_settings_has_no_span():
    assert load_workloads().lever_span("reranker", training=True) is None
