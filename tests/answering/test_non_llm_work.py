"""Amounts of non-LLM work (hours of audio, images, texts) turned into time and cost from measured rates, and
speed questions answered from them; phrasings of our own, in no evaluation set."""

from __future__ import annotations

import re

import pytest

from assistant.answering._compose._format import money
from assistant.knowledge import gpu_market
from assistant.knowledge._workloads import WorkloadFact, load_workloads


def _all(reply) -> str:
    return f"{reply.text}\n\n{reply.details}"


def _first(reply) -> str:
    return reply.text.split("\n\n")[0]


def test_hours_of_audio_become_a_time_by_amount_over_a_measured_rate_and_a_rental_cost(assistant):
    reply = assistant.ask(
        "we've got 400 hours of recorded lectures, how long would whisper large-v3 take on an a100?"
    )
    first = _first(reply)
    rate = next(
        f for f in load_workloads().get("whisper large").facts if f.rate and f.measured_on("A100 80GB SXM")
    )
    seconds = 400 * 3600 / rate.rate
    assert f"{seconds:,.0f} s" in first and f"{seconds / 3600:,.1f} h" in first
    # priced at the cheapest on-demand A100 80GB the offerings table rents (the source does not say SXM or PCIe)
    table = assistant.services.offerings
    cheapest = min(
        gpu_market(table, n).on_demand.min
        for n in ("A100 80GB SXM", "A100 80GB PCIe")
        if gpu_market(table, n).on_demand is not None
    )
    assert money(seconds / 3600 * cheapest) in first and money(cheapest) in first
    assert "insanely-fast-whisper" in _all(reply)


def test_a_gpu_without_a_measured_rate_gets_a_labelled_estimate_from_a_measured_card(assistant):
    reply = assistant.ask("transcribe 60 hours of podcasts with whisper on an RTX 4070, how long?")
    # the card asked about leads, so a time measured on another card never reads as the answer for it
    assert reply.text.startswith("I have no measured speed on the **RTX 4070**")
    # carried over by memory bandwidth (Whisper's decoder), said to be an estimate, with the time for the 60 hours
    assert "An estimate for the RTX 4070, not a measurement" in reply.text
    assert "memory bandwidth" in reply.text and "for yours" in reply.text
    rows = [r for r in reply.text.splitlines() if r.startswith("| ") and "x real time" in r]
    assert len(rows) >= 3  # every measured setting, each with its time for the user's amount


def test_image_speed_is_given_per_image_and_per_minute_from_the_measured_latency(assistant):
    reply = assistant.ask("roughly how many sdxl pics per minute would an A10 crank out?")
    first = _first(reply)
    assert first.startswith("On record for **SDXL**") and "one A10" in first
    assert "9.4 s per image" in first and "6.4 images a minute" in first  # 9,399 ms per image, 60 / 9.399


def test_a_batch_of_images_is_timed_and_priced_on_the_gpu_measured(assistant):
    reply = assistant.ask("I have to render 3000 images at 1024px with sdxl on an a10, time and cost?")
    first = _first(reply)
    fact = next(f for f in load_workloads().get("sdxl").facts if f.gpu == "A10" and "baseline" in f.setting)
    hours = 3000 / fact.rate / 3600
    per_hour = gpu_market(assistant.services.offerings, "A10").on_demand.min
    assert f"{hours:,.1f} h" in first and money(hours * per_hour) in first


def test_texts_to_embed_are_timed_from_the_measured_sentences_per_second(assistant):
    reply = assistant.ask("need to embed 50 million short sentences with all-MiniLM-L6-v2, how long roughly?")
    first = _first(reply)
    assert "14,200 texts a second" in first and f"{50e6 / 14200:,.0f} s" in first


def test_a_model_without_a_measured_speed_says_it_will_not_guess(assistant):
    reply = assistant.ask("how long to embed 5 million chunks with bge-large on a T4?")
    assert reply.text.startswith("I have no measured speed for **bge-large-en-v1.5**")
    assert not re.search(r"\d+(?:\.\d+)? ?(?:h|hours|min|days)\b", reply.text.split("\n\n")[0])


def test_a_rate_needs_its_unit_and_where_it_was_measured():
    with pytest.raises(ValueError):
        WorkloadFact(
            task="inference",
            setting="fp16 batch 8",
            rate=10,
            basis="measured",
            source="https://x.y/z",
            as_of="2026-01-01",
            hardware="A10",
        )
    with pytest.raises(ValueError):
        WorkloadFact(
            task="inference",
            setting="fp16 batch 8",
            rate=10,
            rate_unit="images",
            basis="measured",
            source="https://x.y/z",
            as_of="2026-01-01",
        )


def test_a_gpu_count_without_a_measured_run_is_re_timed_from_the_one_gpu_run_and_the_measured_scaling(
    assistant,
):
    reply = assistant.ask("resnet50 on imagenet, I've got three a100 80gb boxes... er, GPUs. how many hours?")
    first = _first(reply)
    one = next(f for f in load_workloads().get("resnet50").facts if f.gpu == "A100 80GB SXM" and f.gpus == 1)
    eight = next(
        f for f in load_workloads().get("resnet50").facts if f.gpu == "A100 80GB SXM" and f.gpus == 8
    )
    efficiency = eight.rate / (8 * one.rate)
    assert f"{one.hours / 3:.1f} h" in first and f"{efficiency * 100:.0f}%" in first
    assert f"{one.hours / 3 / efficiency:.1f} h" in first


def test_a_gpu_count_that_was_measured_gets_that_run(assistant):
    reply = assistant.ask("how long does resnet-50 take on imagenet with 8 v100 16gb")
    assert _first(reply).startswith("About **5 h** on 8x V100 16GB")


def test_the_tool_the_question_names_leads_the_time(assistant):
    reply = assistant.ask("with faster-whisper, how long for 30 hours of podcasts on my rtx 4060?")
    assert "faster-whisper" in _first(reply).split("\n")[0]


def test_a_cpu_question_is_told_the_rates_are_gpu_ones(assistant):
    reply = assistant.ask("embedding 300k short sentences with all-minilm-l6-v2 on a cpu only box, how long?")
    assert "These speeds are GPU measurements" in reply.text


def test_real_time_transcription_is_a_yes_when_even_the_slowest_setup_on_record_beats_real_time(assistant):
    reply = assistant.ask("could whisper large transcribe a live stream in realtime on my 4070?")
    first = reply.text.split("\n\n")[0]
    assert first.startswith("**Yes**, faster than real time") and "x real time" in first


def test_live_video_on_an_edge_board_is_judged_by_the_fastest_frame_rate_on_record_there(assistant):
    reply = assistant.ask("is live facial recognition feasible at camera speed on a jetson nano dev kit?")
    first = _first(reply)
    best = max(
        f.rate
        for f in load_workloads().get("facenet").facts
        if f.gpu == "Jetson Nano 4GB" and f.rate_unit == "frames"
    )
    # under a camera's frame rate but above the near-real-time floor: a Yes that drops frames, with the figure
    assert first.startswith("**Yes, but near real time**") and f"{best:g} fps" in first
    assert "Jetson Nano 4GB" in reply.gpus and "training" not in first
    assert "github.com/nwesem" in reply.details  # the measurement's source


def test_a_frame_rate_asked_is_a_speed_question_answered_in_frames_a_second(assistant):
    reply = assistant.ask("what frame rate would a jetson nano manage doing face verification with deepface?")
    assert "frames a second (fps)" in _first(reply) and "texts a second" not in reply.text


def test_a_detector_asked_live_on_the_board_measured_gets_a_yes_from_its_frame_rate_not_training_rows(
    assistant,
):
    reply = assistant.ask("orin nano dev kit + yolov8 for a live camera feed, will it keep pace?")
    first = _first(reply)
    assert first.startswith("**Yes**, in real time") and "fps" in first
    assert "batch 16" not in reply.text  # the training profile is no answer to a live-video question


def test_a_stronger_card_than_the_board_measured_gets_that_frame_rate_as_a_floor(assistant):
    reply = assistant.ask("realtime yolov8 object detection on my rtx 4070, feasible?")
    first = _first(reply)
    assert first.startswith("**Yes**") and "not measured" in first and "at least" in first
    assert "which I won't turn into a number" not in first


def test_an_embedding_model_on_a_cpu_gets_a_yes_with_the_ram_its_weights_need(assistant):
    reply = assistant.ask("no gpu here, just a laptop cpu - can bge-large-en-v1.5 still embed my notes?")
    assert reply.text.startswith("**Yes**, on the CPU too") and reply.memory_gb is not None


def test_a_larger_size_of_a_video_family_than_the_card_holds_is_only_with_quantization_or_offload(assistant):
    reply = assistant.ask("wan2.1 14b text to video on a 16 gig 4080, doable?")
    assert reply.text.startswith("**Only with**") and reply.memory_gb == 28


def test_a_card_to_buy_for_image_generation_is_priced_from_the_purchase_data_not_rentals(assistant):
    from assistant.knowledge import load_catalog

    reply = assistant.ask("gonna buy a gpu for sdxl at home, what's the cheapest one that works?")
    first = reply.text.split("\n\n")[0]
    assert "cheapest card on record to buy" in first and "MSRP" in first and "$/hour" not in reply.text
    catalog = load_catalog()
    assert reply.gpus and all(catalog.by_name(g).gpu_memory_gb >= reply.memory_gb for g in reply.gpus[:3])


@pytest.mark.parametrize(
    "question",
    [
        "whats the go-to gpu for flux schnell locally if i dont want to go broke",
        "what's the go-to card for comfyui with sdxl, on the cheap?",
    ],
)
def test_a_card_for_ones_own_machine_asked_without_the_word_buy_is_one_to_own(assistant, question):
    reply = assistant.ask(question)
    assert "cheapest card on record to buy" in reply.text.split("\n\n")[0] and "$/hour" not in reply.text


def test_a_hosted_image_endpoint_still_gets_rentals_not_cards_to_buy(assistant):
    reply = assistant.ask("we need to host an sdxl api in the cloud on a budget, which gpu?")
    assert "cheapest card on record to buy" not in reply.text and "$" in reply.text


def test_does_it_need_a_gpu_is_answered_no_when_it_runs_on_a_cpu(assistant):
    reply = assistant.ask("quick q: does bark text to speech really need a graphics card?")
    assert reply.text.startswith("**No**, a GPU is not required")
    whisper = assistant.ask("for transcribing podcasts with whisper, is a gpu necessary?")
    assert whisper.text.startswith("**No**, a GPU is not required") and "whisper.cpp" in whisper.text


def test_wanting_a_gpu_is_not_asking_whether_one_is_needed(assistant):
    reply = assistant.ask("i need a gpu for sdxl, which one should i get?")
    assert not reply.text.startswith("**No**, a GPU is not required")


def test_a_time_per_image_beyond_the_compute_gap_is_not_normal(assistant):
    # SD 1.5 is measured at 2.95 s per image on an A10 (125 dense FP16 TFLOPS); a GTX 1650 has 5.97, so even
    # 20.9x slower is ~62 s: minutes per image mean something else is wrong (CPU, fp32, spilling)
    reply = assistant.ask("my gtx 1650 needs 3 mins per image with stable diffusion 1.5, is this normal?")
    assert reply.text.startswith("**No**, 3.0 min per image is slower than the compute gap explains")
    assert "61.8 s" in reply.text and "not a measurement" in reply.text


def test_a_time_per_image_within_the_compute_gap_gets_no_verdict_from_another_card(assistant):
    # 40 s on a GTX 1650 is within the spec-sheet bound (~62 s x 1.25): no card-to-card verdict is claimed
    reply = assistant.ask("sd 1.5 on my gtx 1650 takes 40 seconds per image, is that expected?")
    assert "slower than the compute gap explains" not in reply.text


@pytest.mark.parametrize(
    "question",
    [
        "what would it cost to push 900 hours of podcasts through whisper large-v3 on a rented gpu?",
        "cheapest rental to transcribe 120 hours of audio with whisper large v3, and the bill?",
    ],
)
def test_a_bill_asked_with_no_card_named_leads_with_a_run_on_a_card_that_can_be_rented(assistant, question):
    """The cheapest priced run leads when a cost is asked: a run on a card no cloud rents cannot answer it."""
    first = _first(assistant.ask(question))
    assert "costs about **$" in first and "(the cheapest on-demand offer)" in first


def test_a_model_name_ending_in_s_is_no_time_on_record(ask):
    # "YOLOv8s" is a model size, not 8 seconds: with no time on record the answer says so instead of quoting one
    reply = ask("roughly how many hours would yolov8s training take on one a100?")
    assert "Time on record" not in reply.text
    assert "no measured training time" in reply.text
