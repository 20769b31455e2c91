"""A vision model run for inference that is not on record (depth, segmentation, detection, pose and mesh recovery,
multi-view stereo; phrasings of our own, in no evaluation set): the vision research releases on record, at their own
repositories' defaults, give the estimate, labelled as one, instead of "I don't know" or the median of the diffusion
generators; a name that carries its kind ("...Depth", "...HMR", "...MVS") says the kind."""

from __future__ import annotations

import statistics

from assistant.knowledge._workloads import default_run, kind_in_text, load_workloads


def test_vision_words_run_for_inference_are_estimated_from_the_vision_releases():
    workloads = load_workloads()
    estimate = workloads.kind_estimate("vision training")  # what kind_in_text says for depth or segmentation
    assert estimate is not None and estimate.kind == "vision inference" and not estimate.pooled
    figures = sorted(
        default_run([f for f in w.facts if "train" not in f.task.lower()]).memory_gb
        for w in workloads
        if w.research and w.kind == "vision inference"
    )
    assert len(figures) >= 3 and estimate.median_gb == figures[len(figures) // 2]
    assert statistics.median(figures) <= estimate.median_gb
    # trained, a vision model is estimated from training figures only, never the inference ones
    trained = workloads.kind_estimate("vision training", training=True)
    assert trained is None or set(trained.models).isdisjoint(estimate.models)


def test_the_estimate_for_a_repository_of_unknown_kind_leaves_the_vision_releases_out():
    workloads = load_workloads()
    pooled = workloads.research_estimate()
    assert pooled is not None
    vision = {w.name for w in workloads if w.kind == "vision inference"}
    assert vision and not vision & set(pooled.models)


def test_a_name_that_carries_its_kind_says_it():
    for text in (
        "how much vram does TokenHMR need",
        "running CasMVSNet on my own scenes",
        "is ZoeDepth heavy on the gpu",
        "DepthFM on a laptop",
        "a body pose and shape model from one image",
        "video object tracking demo on 8gb",
    ):
        assert kind_in_text(text) == "vision training", text
    for text in ("depthwise separable convolutions", "the depth of the network", "a 24-bit depth image"):
        assert kind_in_text(text) is None, text


def test_a_pose_model_not_on_record_gets_the_vision_estimate_labelled(assistant):
    question = "[SomeHMR, 3D human mesh recovery] roughly how much gpu memory does the demo use?"
    reply = assistant.ask(question)
    estimate = load_workloads().kind_estimate("vision training", text=question)
    assert reply.intent == "non_llm"
    assert reply.text.startswith(
        f"About **{estimate.median_gb:.1f} GB** of GPU memory is my estimate, not a figure for this model"
    )
    assert "vision-model" in reply.text and reply.memory_gb == estimate.median_gb
    assert "github.com/prs-eth/Marigold" in reply.details  # the releases it goes by, with their sources


def test_a_yes_no_about_a_card_opens_with_the_verdict_from_the_vision_estimate(assistant):
    big = assistant.ask("Will a monocular depth estimation repo like UniDepthV2 run on my 24GB 3090?")
    assert big.text.startswith("**Yes**")
    small = assistant.ask("can this multi-view stereo network run inference on a 2GB card?")
    assert small.text.startswith("**No**")


def test_an_ocr_engine_is_not_estimated_from_depth_or_stereo_networks(assistant):
    reply = assistant.ask("vram needed to run paddleocr on invoices?")
    # PaddleOCR's own sourced figure now answers (about 1 GB), not the depth and stereo networks' estimate
    assert reply.memory_gb == 1.0 and "research releases" not in reply.text


def test_an_out_of_memory_with_a_yes_no_and_no_card_read_is_only_with_smaller_settings(assistant):
    reply = assistant.ask(
        "ZoeDepth gives torch.cuda.OutOfMemoryError on my laptop. Is there any chance to get it running?"
    )
    assert reply.text.startswith("Only with settings that need less memory than the run that failed")
    assert "research releases on record" in reply.text  # the estimate still said, as an estimate


def test_gbyte_is_read_as_gigabytes(catalog, models):
    from assistant.understanding import understand

    u = understand("will it fit on a card with 16GByte VRAM?", catalog, models)
    assert u.details.stated_memory_gb == 16


def test_consumer_gpus_asked_weigh_the_estimate_against_the_largest_desktop_card(assistant):
    reply = assistant.ask("[QuuxDepth] will it run on consumer grade cards?")
    assert reply.text.startswith("**Yes**") and reply.gpus[:1] == ["RTX 5090"]


def test_a_name_ending_in_video_is_a_video_generator():
    for text in ("[ZapVideo] vram?", "MegaVideoX-5B on a 4090", "snapvideo v2 requirements"):
        assert kind_in_text(text) == "video generation", text
    assert kind_in_text("my youtube videos") is None


def test_running_a_vision_model_on_record_for_training_only_gets_the_inference_estimate(assistant):
    # Segment Anything is on record with a fine-tuning figure only (29.6 GB), which overstates running it
    reply = assistant.ask(
        "how much vram do I need to run segment anything on my photos? is a 12gb 3060 enough?"
    )
    assert reply.text.startswith("**Yes**") and "29.6" not in reply.text.split("\n\n")[0]
    trained = assistant.ask("how much vram to fine-tune segment anything vit-b with batch size 8?")
    assert trained.memory_gb == 29.6  # training keeps its own figure


def test_an_out_of_memory_on_a_card_puts_the_need_at_least_at_that_card(assistant):
    reply = assistant.ask(
        "running inference with SuperDepth on my 16GB card gives CUDA out of memory, can I make it fit?"
    )
    # it ran out on 16 GB, so it needs more than 16 GB: the next card size up in the catalog (20 GB)
    assert reply.text.startswith("**Not without**") and reply.memory_gb == 20


def test_running_a_segmenter_with_only_training_figures_on_record_is_estimated_as_a_run(assistant):
    """'can a T4 run SAM 2 on clips?': running, not fine-tuning; the vision models run for inference estimate it,
    never the 29.6 GB fine-tune figure as a No."""
    reply = assistant.ask("could a T4 run Segment Anything 2 over my clips?")
    assert reply.text.startswith("**Yes**")
    assert reply.memory_gb is not None and reply.memory_gb < 16
