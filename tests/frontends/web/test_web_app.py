"""The web app without a browser: building, feedback log, explorer filters, sizing handler, chat text."""

from __future__ import annotations

import itertools
import json
import math
import threading

import gradio as gr
import pytest

from assistant import Reply, Source
from assistant.frontends.web import (
    CUSTOM_SIZE,
    FeedbackLog,
    answer_stream,
    build_app,
    catalog_table,
    explorer_charts,
    filter_table,
    size_workload,
    sources_block,
)
from assistant.sizing import Task, Workload, estimate_memory, shape_for

# --- building -----------------------------------------------------------------------------------


def test_build_app_builds_without_launching(web_assistant):
    app = build_app(web_assistant)
    assert isinstance(app, gr.Blocks)
    assert not app.is_running
    api_names = {fn.api_name for fn in app.fns.values()}
    assert "ask" in api_names
    public = {fn.api_name for fn in app.fns.values() if fn.api_visibility == "public"}
    assert public == {"ask"}, "only /ask is part of the public API"


# --- chat text ----------------------------------------------------------------------------------


@pytest.mark.parametrize("question", ["", "   ", "x" * 5000, None])
def test_invalid_questions_get_a_friendly_message(web_assistant, question):
    shown = list(answer_stream(web_assistant, question, "t-invalid"))
    assert len(shown) == 1
    assert shown[0].startswith("⚠️ ")
    assert "Traceback" not in shown[0] and "Error" not in shown[0]


class _StubAssistant:
    """Streams a fixed answer; the sources come as data on the reply, like the real one."""

    sources = (
        Source("GPU catalog: A40", "corpus/gpus.yaml#a40", "spec sheet <b>x</b>"),
        Source("Guide", "g.md"),
    )

    def ask_streaming(self, question, conversation_id):
        chunks = [
            "Use **one A40**.\n\n",
            "| a | b |\n| --- | --- |\n| 1 | 2 |\n\n",
        ]
        return Reply(text="", sources=list(self.sources), gpus=["A40"]), iter(chunks)


class _BrokenAssistant:
    def ask_streaming(self, question, conversation_id):
        raise RuntimeError("index unavailable")


def test_answer_stream_grows_and_folds_sources_into_a_collapsible_block():
    shown = list(answer_stream(_StubAssistant(), "q", "c"))
    assert shown[0] == "Use **one A40**.\n\n"
    assert all(later.startswith(earlier.rstrip()) for earlier, later in itertools.pairwise(shown))
    final = shown[-1]
    assert "**Sources**" not in final, "the plain sources footer is replaced by the collapsible block"
    assert final.count("<details") == 1 and final.endswith("</details>")
    assert "<summary>Sources (2)</summary>" in final
    assert "`corpus/gpus.yaml#a40`" in final and "&lt;b&gt;x&lt;/b&gt;" in final
    assert "| 1 | 2 |" in final


def test_answer_stream_turns_errors_into_a_friendly_message():
    shown = list(answer_stream(_BrokenAssistant(), "q", "c"))
    assert shown == ["⚠️ Sorry, something went wrong while preparing the answer. Please try again."]


def test_sources_block_is_empty_without_sources():
    assert sources_block([]) == ""


# --- feedback -----------------------------------------------------------------------------------


def test_feedback_log_appends_valid_jsonl_lines(tmp_path):
    path = tmp_path / "deep" / "er" / "feedback.jsonl"
    log = FeedbackLog(path)
    threads = [
        threading.Thread(
            target=log.record, args=(f"question {i}", f"answer {i}\nline two", "up" if i % 2 else "down")
        )
        for i in range(40)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    entries = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(entries) == 40
    assert {e["question"] for e in entries} == {f"question {i}" for i in range(40)}
    for entry in entries:
        assert set(entry) == {"timestamp", "conversation_id", "question", "answer", "vote", "source"}
        assert entry["source"] == "web"
        assert entry["vote"] in ("up", "down")
        assert entry["timestamp"].endswith("+00:00")


def test_feedback_log_records_a_chatbot_like_with_its_question(tmp_path):
    log = FeedbackLog(tmp_path / "feedback.jsonl")
    history = [
        {"role": "user", "content": [{"type": "text", "text": "Which GPU for 7B?"}]},
        {
            "role": "assistant",
            "content": [{"type": "text", "text": "One A40." + sources_block(_StubAssistant.sources)}],
        },
        {"role": "user", "content": "And for 70B?"},
        {"role": "assistant", "content": "Two H100 SXM."},
    ]
    first = log.record_like(history, 1, True, "conv-1")
    second = log.record_like(history, 3, False, "conv-1")
    assert (first["question"], first["answer"], first["vote"]) == ("Which GPU for 7B?", "One A40.", "up")
    assert (second["question"], second["answer"], second["vote"]) == ("And for 70B?", "Two H100 SXM.", "down")
    assert log.record_like(history, 9, True) is None
    lines = (tmp_path / "feedback.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["conversation_id"] for line in lines] == ["conv-1", "conv-1"]


# --- GPU explorer -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def table(catalog):
    return catalog_table(catalog)


def test_catalog_table_has_every_gpu(table, catalog):
    assert table["GPU"].tolist() == catalog.names
    assert table["$/hour"].isna().sum() == sum(g.price is None for g in catalog)


def test_filter_catalog_filters_each_way(table, catalog):
    assert len(filter_table(catalog)) == len(catalog)
    amd = filter_table(catalog, vendors=["AMD"])
    assert set(amd["GPU"]) == {g.name for g in catalog if g.vendor == "AMD"}
    both = filter_table(catalog, vendors=["NVIDIA", "Google"], classes=["inference"])
    assert set(both["GPU"]) == {
        g.name for g in catalog if g.vendor in ("NVIDIA", "Google") and g.gpu_class in ("inference", "both")
    }  # a 'both'-class GPU is an inference GPU too
    big = filter_table(catalog, min_memory_gb=80)
    assert set(big["GPU"]) == {g.name for g in catalog if g.memory_gb >= 80}
    cheap = filter_table(catalog, max_price=1.0)
    assert set(cheap["GPU"]) == {
        g.name for g in catalog if g.price_per_hour is not None and g.price_per_hour <= 1.0
    }
    combined = filter_table(catalog, vendors=["NVIDIA"], min_memory_gb=40, max_price=2.5)
    assert set(combined["GPU"]) == {
        g.name
        for g in catalog
        if g.vendor == "NVIDIA"
        and g.memory_gb >= 40
        and g.price_per_hour is not None
        and g.price_per_hour <= 2.5
    }
    assert filter_table(catalog, vendors=["Google"], classes=["consumer"]).empty


def test_explorer_charts_leave_out_unpriced_gpus_and_say_so(table, catalog):
    memory, compute, value, note = explorer_charts(table)
    priced = {g.name for g in catalog if g.price is not None}
    unpriced = [g.name for g in catalog if g.price is None]
    plotted = {name for trace in memory.data for name in trace.hovertext}
    assert plotted == priced
    assert {name for trace in compute.data for name in trace.hovertext} <= priced
    bars = {name: y for trace in value.data for name, y in zip(trace.x, trace.y, strict=True)}
    assert set(bars) <= priced
    h100 = catalog.by_name("H100 SXM")
    assert bars["H100 SXM"] == pytest.approx(h100.fp16_tflops / h100.price_per_hour)
    assert all(name in note for name in unpriced)
    assert "left out of the price charts" in note
    assert (
        explorer_charts(filter_table(catalog, vendors=["Google"], classes=["consumer"]))[3]
        == "No GPU matches these filters."
    )


# --- sizing -------------------------------------------------------------------------------------


def test_sizing_breakdown_matches_the_engine(web_assistant, models, assumptions):
    view = size_workload(web_assistant, "Llama 3.1 70B", None, "inference", "int4", 8192, 4)
    spec = models.by_name("Llama 3.1 70B")
    expected = estimate_memory(
        Workload(
            task=Task.INFERENCE, shape=spec, params=spec.params, precision="int4", context=8192, batch=4
        ),
        assumptions,
    )
    assert view.ok
    assert view.estimate.total_gb == pytest.approx(expected.total_gb)
    bars = view.breakdown.data[0]
    assert list(bars.y) == [item.label for item in expected.items]
    assert math.fsum(bars.x) == pytest.approx(expected.total_gb)
    assert f"{expected.total_gb:,.1f} GB" in view.message
    assert list(view.fits["GPU"]) == [fit.gpu.name for fit in view.report.fits]
    assert {"Count", "Memory per GPU (GB)", "$/hour (all GPUs)", "Tokens/s (1 stream)"} <= set(
        view.fits.columns
    )
    assert "`bytes_per_param`" in view.assumptions


def test_sizing_a_bare_parameter_count_for_training(web_assistant, models, assumptions):
    view = size_workload(web_assistant, CUSTOM_SIZE, 7, "qlora", "bf16", 2048, 2, 50)
    expected = estimate_memory(
        Workload(
            task=Task.QLORA,
            shape=shape_for(7e9, models),
            params=7e9,
            shape_is_proxy=True,
            context=2048,
            batch=2,
            tokens=50e6,
        ),
        assumptions,
    )
    assert view.ok
    assert view.estimate.total_gb == pytest.approx(expected.total_gb)
    assert {"Training time (hours)", "Job cost ($)"} <= set(view.fits.columns)
    assert view.fits["Training time (hours)"].notna().any()
    assert "nearest open model in size" in view.assumptions


@pytest.mark.parametrize(
    ("model", "params_b", "task", "precision", "context", "batch", "tokens_m", "says"),
    [
        (CUSTOM_SIZE, 0, "inference", "bf16", 4096, 1, None, "parameter count above 0"),
        (CUSTOM_SIZE, -7, "full", "bf16", 4096, 1, None, "parameter count above 0"),
        (CUSTOM_SIZE, None, "lora", "bf16", 4096, 1, None, "parameter count above 0"),
        ("Llama 3.1 8B", None, "inference", "bf16", -5, 1, None, "Context length"),
        ("Llama 3.1 8B", None, "inference", "bf16", 1.5, 1, None, "Context length"),
        ("Llama 3.1 8B", None, "inference", "bf16", 4096, 0, None, "Batch size"),
        ("Llama 3.1 8B", None, "full", "bf16", 4096, 1, -5, "token budget"),
        ("Llama 3.1 8B", None, "inference", "fp3", 4096, 1, None, "precision"),
        ("No Such Model 9B", None, "inference", "bf16", 4096, 1, None, "Unknown model"),
        ("Llama 3.1 8B", None, "dance", "bf16", 4096, 1, None, "Unknown task"),
    ],
)
def test_sizing_bad_inputs_give_a_friendly_message(
    web_assistant, model, params_b, task, precision, context, batch, tokens_m, says
):
    view = size_workload(web_assistant, model, params_b, task, precision, context, batch, tokens_m)
    assert not view.ok
    assert view.message.startswith("⚠️ ") and says in view.message
    assert view.breakdown is None and view.fits.empty


def test_explorer_puts_price_and_memory_first_and_labels_points(table, catalog):
    assert table.columns[:3].tolist() == ["GPU", "$/hour", "Memory (GB)"]
    memory, compute, _, _ = explorer_charts(table)
    labelled = {name for trace in memory.data for name in trace.text}
    assert labelled == {g.name for g in catalog if g.price is not None}  # the name on every marker
    assert all(trace.mode and "text" in trace.mode for trace in memory.data + compute.data)


def test_explorer_empty_filters_draw_a_message_not_empty_axes(catalog):
    memory, compute, value, note = explorer_charts(
        filter_table(catalog, vendors=["Apple"], classes=["training"])
    )
    assert note == "No GPU matches these filters."
    for figure in (memory, compute, value):
        assert not figure.data and figure.layout.xaxis.visible is False
        assert figure.layout.annotations[0].text == "No GPU matches these filters."


def test_compare_puts_two_to_four_gpus_side_by_side(catalog):
    from assistant.frontends.web._explorer import compare_table

    side = compare_table(catalog, ["H100 SXM", "L4", "H100 SXM", "not a gpu"])
    assert side.columns.tolist() == ["Spec", "H100 SXM", "L4"]
    rows = dict(zip(side["Spec"], side["L4"], strict=True))
    l4 = catalog.by_name("L4")
    assert rows["$/hour"] == l4.price_per_hour and rows["Memory (GB)"] == l4.memory_gb
    assert side["Spec"].tolist()[:2] == ["$/hour", "Memory (GB)"]
    assert len(compare_table(catalog, catalog.names[:6]).columns) == 1 + 4  # at most four
