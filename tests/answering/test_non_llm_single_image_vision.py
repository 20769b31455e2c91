"""Vision networks run on one image are small: a yes/no about one not on record opens with the verdict from the
single-image releases (a few GB), not from the median of video, multi-view and diffusion-based ones (10 GB); Segment
Anything and ResNet-50, asked about running or training, answer from their own measured rows. Phrasings of our own, in
no evaluation set."""

from __future__ import annotations


def _first(reply) -> str:
    return next(line for line in reply.text.splitlines() if line.strip())


def test_a_single_image_segmenter_not_on_record_fits_a_small_card(assistant):
    reply = assistant.ask(
        "would a 4 GB card handle a road-scene semantic segmentation net like SegNeXt on my photos?"
    )
    assert _first(reply).startswith("**Yes**")
    assert "single-image" in reply.text and reply.memory_gb is not None and reply.memory_gb <= 4


def test_an_out_of_memory_on_a_big_card_is_not_blamed_on_a_setting_for_a_single_image_estimate(assistant):
    # a depth model that already ran out on 24 GB is no small single-image network (diffusion-based ones need more)
    reply = assistant.ask("HyperDepth estimation runs out of memory on my 24GB card, can it fit somehow?")
    assert _first(reply).startswith("**Not without**")


def test_running_segment_anything_answers_from_its_inference_rows_not_the_fine_tune(assistant):
    least = assistant.ask("minimum gpu requirements to run segment anything locally?")
    assert least.memory_gb == 4.0 and "29.6" not in _first(least)
    default = assistant.ask("how much vram does running segment anything's vit_h checkpoint take?")
    assert default.memory_gb == 7.9
    tuned = assistant.ask("how much memory to fine-tune segment anything?")
    assert tuned.memory_gb == 29.6


def test_training_resnet50_is_sized_from_a_measured_batch_not_its_weights(assistant):
    reply = assistant.ask("enough vram on an 11gb 2080 ti to train resnet-50 from scratch?")
    assert _first(reply).startswith("**Yes**")
    assert reply.memory_gb == 8.0  # batch 64's activations, far over the 0.4 GB of weights and AdamW states


def test_a_yes_no_about_a_card_not_in_the_catalog_opens_with_the_condition_it_turns_on(assistant):
    reply = assistant.ask("could an RTX A2000 handle whisper large for transcribing meetings?")
    first = _first(reply)
    assert first.startswith("**Only if** the RTX A2000 has at least")
    assert f"{reply.memory_gb:.1f} GB" in first  # the figure it turns on, said in the verdict


def test_running_a_detector_on_record_only_for_training_without_a_gpu_opens_with_yes(assistant):
    reply = assistant.ask("could a mini pc with no gpu run yolov8 on a couple of camera feeds?")
    first = _first(reply)
    assert first.startswith("**Yes**, on the CPU")
    assert "less memory than training it" in first
