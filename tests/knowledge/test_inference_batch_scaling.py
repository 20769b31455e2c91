"""An image generator's inference settings at the batch a question asks: the measurement at that batch when one is
on record, else one scaled from the batches on record (activations grow with the images generated at once)."""

from __future__ import annotations

import pytest

from assistant.knowledge._workloads import batch_said, load_workloads, scaled_to_batch


@pytest.fixture(scope="module")
def sdxl():
    return load_workloads().by_name("SDXL")


def _batched(spec):
    return [
        f
        for f in spec.facts
        if f.memory_gb is not None and "batch" in f.setting and "train" not in f.task.lower()
    ]


def test_a_resolution_before_the_batch_is_not_read_as_the_batch():
    assert batch_said("sdxl renders at 1024 batch 6, enough memory?") == 6
    assert batch_said("1024x1024 with a batch size of 3") == 3
    assert batch_said("a single 1024x1024 render") is None


def test_a_batch_on_record_keeps_its_measurement_and_drops_the_other_batches(sdxl):
    rows = _batched(scaled_to_batch(sdxl, "four at once (batch 4) at 1024x1024"))
    assert [r.memory_gb for r in rows] == [21.7]
    assert rows[0].basis == "measured"


def test_a_larger_batch_adds_what_each_image_added_between_the_batches_on_record(sdxl):
    rows = _batched(scaled_to_batch(sdxl, "could I push batch 10 through it?"))
    assert len(rows) == 1 and rows[0].basis == "arithmetic" and rows[0].default
    per_image = (21.7 - 8.96) / 3
    assert rows[0].memory_gb == pytest.approx(21.7 + per_image * 6, abs=0.1)
    assert "batch 10" in rows[0].setting and "an estimate, not a measurement" in rows[0].setting


def test_a_batch_between_the_ones_on_record_lands_between_them(sdxl):
    rows = _batched(scaled_to_batch(sdxl, "batch size 2 please"))
    assert 8.96 < rows[0].memory_gb < 21.7


def test_no_batch_asked_is_one_image_at_a_time(sdxl):
    rows = _batched(scaled_to_batch(sdxl, "what does sdxl need at 1024x1024?"))
    assert sorted(r.memory_gb for r in rows) == [8.96, 16.8]  # the batch-1 runs; the batch of 4 drops out


def test_a_size_word_hyphenated_to_another_name_is_no_sdxl():
    workloads = load_workloads()
    assert workloads.find_in_text("fine-tuning the GPT-xl model on one card") == []
    assert [w.name for w in workloads.find_in_text("sd-xl renders on a 3060")] == ["SDXL"]
