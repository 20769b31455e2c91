"""A vision model not on record is estimated from those on record that take in what it does: one network run once on
one image (a detector, a segmenter, a depth or pose network) from the single-image releases, a few GB; a video, several
views or a diffusion denoiser from the heavier ones; several networks chained (human mesh recovery) never from a
single network's figure. Phrasings of our own, in no evaluation set."""

from __future__ import annotations

from assistant.knowledge._workloads import load_workloads, vision_input_in_text


def test_what_a_vision_model_takes_in_is_read_from_the_words():
    assert vision_input_in_text("a keypoint detector on one photo of a factory floor") == "image"
    assert vision_input_in_text("depth maps for every frame of my drone footage") == "video"
    assert vision_input_in_text("a multi-view stereo net over 49 views of a statue") == "views"
    assert vision_input_in_text("a body mesh recovery pipeline for my dance photos") is None


def test_a_single_image_network_is_estimated_from_the_single_image_releases_only():
    workloads = load_workloads()
    one = workloads.kind_estimate(
        "vision training", text="how much vram does a lane segmentation net need per photo?"
    )
    every = workloads.kind_estimate("vision training")
    assert one is not None and every is not None
    assert one.scope == "single-image" and every.scope == ""
    singles = {
        w.name for w in workloads if w.kind == "vision inference" and w.input == "image" and not w.diffusion
    }
    assert set(one.models) <= singles and len(one.models) >= 3
    # a few GB, well under the whole kind's median (whose video, multi-view and diffusion releases need 10-26 GB)
    assert one.high_gb <= 5 < every.median_gb


def test_a_video_or_chained_pipeline_is_never_estimated_from_the_single_image_releases():
    workloads = load_workloads()
    singles = {
        w.name for w in workloads if w.kind == "vision inference" and w.input == "image" and not w.diffusion
    }
    for text in (
        "segment a person through a whole video clip",
        "hand mesh recovery with its detector and pose net",
    ):
        estimate = workloads.kind_estimate("vision inference", text=text)
        assert estimate is not None and not set(estimate.models) & singles
        assert estimate.median_gb >= 9
