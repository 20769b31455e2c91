"""A detector's training profiles (taken at one input size and batch) rescaled to the input size and batch a question
trains at: memory x (size / profiled size)^2 x (batch / profiled batch), explicit arithmetic (phrasings of our own)."""

from __future__ import annotations

import pytest

from assistant.knowledge._workloads import load_workloads, scaled_to_training_input


@pytest.fixture(scope="module")
def yolo():
    return load_workloads().by_name("YOLOv8s")


def _training(spec):
    return [f for f in spec.facts if "train" in f.task.lower() and f.memory_gb is not None]


def test_a_larger_input_and_batch_scale_the_nearest_profile(yolo):
    rows = _training(scaled_to_training_input(yolo, "fine-tuning it with --img 1280 and --batch-size 32"))
    assert len(rows) == 1  # the batch-16 profile, the nearest at or below 32, scaled; the others dropped
    assert rows[0].memory_gb == pytest.approx(4.2 * 4 * 2, abs=0.1)
    assert rows[0].basis == "arithmetic" and "1280" in rows[0].setting


def test_an_input_size_alone_scales_every_profile_at_its_own_batch(yolo):
    rows = _training(scaled_to_training_input(yolo, "my run uses image size 960"))
    assert sorted(r.memory_gb for r in rows) == pytest.approx(
        sorted(round(m * (960 / 640) ** 2, 1) for m in (0.76, 2.2, 4.2)), abs=0.05
    )


def test_a_batch_below_every_profile_scales_the_smallest(yolo):
    rows = _training(scaled_to_training_input(yolo, "batch 1 at img size 640"))
    assert len(rows) == 1 and rows[0].memory_gb == pytest.approx(0.76 / 2, abs=0.05)


@pytest.mark.parametrize(
    "question",
    [
        "how much vram does yolov8 training take",  # nothing said: the profiles stand
        "imgsz=640, batch 8 on a laptop",  # on record as it is
        "training on 1280x720 dashcam frames",  # not a square detector input size
    ],
)
def test_nothing_new_said_leaves_the_profiles(yolo, question):
    assert scaled_to_training_input(yolo, question) == yolo


def test_a_model_without_profiles_is_left_alone():
    sdxl = load_workloads().by_name("SDXL")
    assert scaled_to_training_input(sdxl, "batch 4 at img size 1024") == sdxl
