"""Non-LLM workloads: sourced figures for image, speech, embedding and vision models, and the answers about them."""

from __future__ import annotations

import re

import pytest

from assistant.knowledge import load_catalog, load_models
from assistant.knowledge._workloads import load_workloads
from assistant.understanding import Intent, understand


@pytest.fixture(scope="module")
def workloads():
    return load_workloads()


def test_every_figure_is_sourced_dated_and_says_its_basis(workloads):
    assert {
        "Stable Diffusion 1.5",
        "SDXL",
        "FLUX.1 dev",
        "FLUX.1 schnell",
        "Whisper large",
        "ResNet-50",
    } <= set(workloads.names)
    for spec in workloads:
        for fact in spec.facts:
            assert fact.source.startswith("https://") and fact.as_of, spec.name
            assert fact.basis in ("measured", "published", "arithmetic")
            if fact.basis == "arithmetic":
                assert "x" in fact.setting, (spec.name, fact.setting)  # the multiplication is shown


def test_published_whisper_and_faster_whisper_figures(workloads):
    large = workloads.get("whisper large-v3")
    assert large.name == "Whisper large" and large.params_m == 1550
    assert large.smallest_memory("inference").memory_gb == 2.9  # faster-whisper int8, measured
    assert {f.memory_gb for f in large.facts} >= {10, 2.9}


@pytest.mark.parametrize(
    "question",
    [
        "is 12 GB enough to generate images with flux schnell?",
        "what card for transcribing podcasts with whisper large-v2",
        "GPU memory for a bge reranker in production",
        "how many hours does resnet50 take on imagenet",
    ],
)
def test_non_llm_questions_get_their_own_intent(question):
    assert understand(question, load_catalog(), load_models()).intent is Intent.NON_LLM


def test_an_llm_named_beside_it_stays_an_llm_question():
    u = understand("llama 3.1 8b and whisper on one 4090?", load_catalog(), load_models())
    assert u.intent is not Intent.NON_LLM


def test_answers_give_sourced_numbers_and_verdicts(assistant):
    flux = assistant.ask("could my 4060 ti 16gb handle FLUX.1 dev?")
    assert "Yes" in _all(flux) and "11.9 GB" in _all(flux) and "fp8" in _all(flux)
    assert flux.memory_gb == 11.9
    assert "black-forest-labs/FLUX.1-dev" in _all(flux)
    small = assistant.ask("sdxl on an 8gb rtx 4060: what fits?")
    assert "RTX 4060" in _all(small) and "6.9 GB" in _all(small) and "weight arithmetic" in _all(small)
    train = assistant.ask("how much gpu ram to fine-tune a LoRA for sd 3.5 large?")
    assert "no sourced training figure for Stable Diffusion 3.5 Large" in _all(train)
    assert "Stable Diffusion 1.5" in _all(train) and "16.0 GB" in _all(train)
    resnet = assistant.ask("time to train resnet-50 on imagenet on A100s")
    assert "~3 h on 8x A100 80GB SXM" in _all(resnet) and "DeepLearningExamples" in _all(resnet)


def test_sdxl_and_flux_lora_training_figures_lead_with_the_setting_asked(assistant):
    sdxl = assistant.ask("my card has 16 GB, will an SDXL DreamBooth LoRA run on it?")
    assert sdxl.text.startswith("**Yes**") and sdxl.memory_gb == 16
    assert "gradient checkpointing" in _all(sdxl) and "README_sdxl.md" in _all(sdxl)
    full = assistant.ask("is a 24 GB gpu enough for a full fine-tune of SDXL?")
    # its default does not fit: No with the default run's figure, then kohya's recipe that fits (Adafactor, U-Net only)
    assert full.text.startswith("**No**, not at its defaults") and full.memory_gb == 41.1
    assert "Adafactor" in full.text.split("\n\n")[0] and "SimpleTuner" in _all(full)
    twelve = assistant.ask("sdxl lora on a twelve gig card, doable?")
    assert (
        twelve.text.startswith("**Yes**")
        and twelve.memory_gb == 8
        and "--cache_text_encoder_outputs" in _all(twelve)
    )
    flux = assistant.ask("flux dev lora training on a 16gb 4080, possible?")
    assert flux.text.startswith("**Yes**") and flux.memory_gb == 16 and "--blocks_to_swap" in _all(flux)
    assert "sd-scripts" in _all(flux)


def test_a_technique_without_a_model_is_answered_for_the_model_it_was_built_for_and_says_so(assistant):
    reply = assistant.ask("least vram to train a controlnet? I have a 12 GB card")
    assert (
        reply.intent == "non_llm"
        and "You named no model" in _all(reply)
        and "Stable Diffusion 1.5" in _all(reply)
    )
    assert reply.text.startswith("**Yes**") and reply.memory_gb == 12 and "xformers" in _all(reply)
    named = load_workloads().find_in_text("controlnet for sdxl")
    assert [w.name for w in named] == ["SDXL"]  # a named model wins over the technique's default


def test_a_tool_in_the_question_picks_its_own_figures(assistant):
    reply = assistant.ask("how much memory does whisper.cpp take for the large model")
    assert reply.memory_gb == 3.9 and "whisper.cpp" in _all(reply) and "ggml-org/whisper.cpp" in _all(reply)


def test_training_times_are_priced_from_the_offerings_table(assistant):
    from assistant.knowledge import gpu_market

    reply = assistant.ask("what would training resnet50 on imagenet with h100s cost me?")
    market = gpu_market(assistant.services.offerings, "H100 SXM")
    run = next(f for f in load_workloads().get("resnet50").facts if f.gpu == "H100 SXM" and f.gpus == 8)
    from assistant.answering._compose._format import money

    assert money(run.hours * run.gpus * market.on_demand.median) in _all(reply)
    assert money(run.hours * run.gpus * market.on_demand.min) in _all(reply)
    assert "measurements or published requirements, not the LLM memory formula" in _all(reply)


def test_vision_transformer_times_come_from_the_paper_and_unknown_gpus_are_not_priced(assistant):
    reply = assistant.ask("how many GPU hours to train DeiT-B (ViT-B/16) on imagenet-1k?")
    assert "~53 h on 8 GPUs" in _all(reply) and "arxiv.org/abs/2012.12877" in _all(reply)
    assert "not priced" in _all(reply)


def test_an_inference_question_without_hardware_gets_the_cheapest_gpus_that_hold_it(assistant):
    reply = assistant.ask("where can I rent a gpu for flux.1-dev image generation?")
    assert reply.memory_gb is not None and "Cheapest single GPUs to rent" in _all(reply)
    catalog = assistant.services.catalog
    assert reply.gpus and all(catalog.by_name(n).gpu_memory_gb >= reply.memory_gb for n in reply.gpus)
    from assistant.answering._compose._format import money
    from assistant.knowledge import gpu_market

    best = gpu_market(assistant.services.offerings, reply.gpus[0], n_gpus=1).cheapest[0]
    month = assistant.services.assumptions.number("hours_per_month")
    assert money(best.per_gpu_hour) in _all(reply) and money(best.per_gpu_hour * month) in _all(reply)
    assert "spot $/hour" in _all(reply) and best.offering.provider in _all(reply)


def test_a_named_gpu_without_bf16_is_flagged_when_the_question_brings_bf16_up(assistant):
    reply = assistant.ask("training a vit-base in bfloat16 on a V100 16GB, any issue?")
    assert "has no bf16 support" in _all(reply)


def _all(reply) -> str:
    """The answer and what sits behind its details fold (where figures' sources and extras go)."""
    return f"{reply.text}\n\n{reply.details}"


def test_asking_which_gpu_for_a_non_llm_model_shows_the_rentals_up_front(assistant):
    reply = assistant.ask("got any card suggestions for playing with sdxl?")
    assert "Cheapest single GPUs to rent" in reply.text


def test_flux_lora_training_on_small_cards_follows_the_published_per_memory_recipes(assistant):
    ten = assistant.ask("could I train a FLUX.1 dev LoRA with only 10 GB of video memory?")
    assert ten.text.startswith("**Yes**, but only with offloading to CPU RAM") and ten.memory_gb == 10
    assert "--blocks_to_swap 22" in _all(ten) and "fp8" in _all(ten)


def test_a_tools_own_figure_too_big_for_the_card_is_followed_by_a_setting_that_fits(assistant):
    reply = assistant.ask("does ostris ai-toolkit train a flux lora on a 16 GB RTX 4080?")
    assert reply.text.startswith("**Yes**, but only with offloading") and reply.memory_gb == 16
    assert "24.0 GB" in reply.text and "ai-toolkit" in reply.text  # the tool's own figure is still stated


@pytest.mark.parametrize(
    ("question", "memory"),
    [
        ("what is the peak vram of hunyuan video at 544x960?", 45),
        ("least gpu memory stable video diffusion xt can get by with", 8),
    ],
)
def test_video_models_are_sized_from_their_own_published_figures(assistant, question, memory):
    reply = assistant.ask(question)
    assert reply.intent == "non_llm" and reply.memory_gb == memory and "video generation" in _all(reply)


def test_a_video_model_asked_about_consumer_cards_gets_its_figure_and_the_verdict(assistant):
    # "usable on a consumer card?" is a yes/no: weighed against the largest desktop card, its own figure stated
    reply = assistant.ask("is wan 2.1 1.3b usable on a consumer card, how much memory?")
    assert reply.intent == "non_llm" and reply.memory_gb == 8.19 and reply.text.startswith("**Yes**")


def test_a_gpu_without_bf16_is_named_as_the_likely_cause_of_a_slow_bf16_run(assistant):
    reply = assistant.ask("resnet50 training in bf16 crawls on our T4 boxes, is missing bfloat16 the reason?")
    assert reply.text.startswith("**Yes**") and "T4 has no bf16 support" in reply.text


def test_two_stated_processing_times_are_turned_into_a_ratio(assistant):
    reply = assistant.ask(
        "on a 20 minute recording whisper large took 90 s and faster-whisper 30 s; is that really 4x faster?"
    )
    first = reply.text.splitlines()[0]
    assert "3.00x" in first and "90 s / 30 s" in first  # the recording's length is not a processing time


def test_an_integrated_gpu_is_explained_as_such(assistant):
    reply = assistant.ask("whisper medium on intel uhd graphics 620 needs a whole night per file, normal?")
    assert "integrated GPU" in reply.text and "discrete" in reply.text


def test_a_server_deployment_is_offered_serving_gpus_not_desktop_cards(assistant):
    reply = assistant.ask("which gpu should I deploy a whisper large-v3 transcription api server on?")
    catalog = assistant.services.catalog
    assert reply.gpus and all(catalog.by_name(n).gpu_class == "inference" for n in reply.gpus)


def test_a_tool_word_inside_a_file_name_points_to_its_model():
    workloads = load_workloads()
    assert [w.name for w in workloads.find_in_text("loaded ggml-large-v3.bin on my laptop")] == [
        "Whisper large"
    ]
    assert [w.name for w in workloads.find_in_text("my txt2img runs are slow")] == ["Stable Diffusion 1.5"]


def test_running_out_of_memory_gets_the_settings_that_lower_it(assistant):
    image = assistant.ask("img2img keeps hitting CUDA out of memory on a 4 GB card")
    assert "attention slicing" in image.text and "CPU offload" in image.text
    train = assistant.ask("sdxl lora training throws OOM on my 12gb 3060")
    assert "gradient checkpointing" in train.text and "smaller batch size" in train.text


def test_a_training_free_method_is_not_a_training_question_and_video_on_an_image_model_is_a_floor(assistant):
    reply = assistant.ask(
        "memory for a training-free text-to-video method that runs on stable diffusion 1.5?"
    )
    assert reply.memory_gb == 5.1  # SD 1.5 inference in fp16, not a ControlNet or DreamBooth training figure
    assert "image figures" in reply.text and "frames at once" in reply.text


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("my detectron instance segmentation run dies with out-of-memory on 8 GB", "vision training"),
        ("what card for an anime video upscaling tool at 1080p?", "video generation"),
        ("we built a garment virtual try-on model, vram to train it?", "image generation"),
        ("GPU for a speech-to-text service on phone calls", "speech recognition"),
        ("vram for a text-to-speech voice model", "speech synthesis"),  # audio made, not transcribed
        ("how much vram to run llama 3 8b", None),
    ],
)
def test_the_kind_of_work_is_read_from_the_words(workloads, question, kind):
    from assistant.knowledge._workloads import kind_in_text

    assert kind_in_text(question) == kind


def test_a_model_not_on_record_is_answered_from_the_nearest_of_its_kind_and_labelled(assistant):
    reply = assistant.ask(
        "my RT-DETR object detection training crashes with out-of-memory, what GPU do I need?"
    )
    assert "no figure on record for the model you ask about" in reply.text
    # a detector stands in for a detector (YOLOv8s, with memory by batch size), not the ResNet classifier
    assert "YOLOv8s" in reply.text and "a guide for that kind of work" in reply.text
    assert "smaller batch size" in reply.text and "gradient checkpointing" in reply.text
    understood = understand(
        "how much vram does the DETR detector need to train?", load_catalog(), load_models()
    )
    assert understood.intent is Intent.NON_LLM


def test_a_llm_question_with_a_kind_word_stays_an_llm_question():
    u = understand(
        "which GPU to serve a language model that writes text-to-video prompts?",
        load_catalog(),
        load_models(),
    )
    assert u.intent is not Intent.NON_LLM


def test_a_second_card_does_not_speed_up_one_generation_job(assistant):
    reply = assistant.ask("would putting in another 4090 make my video upscaling model render more fps?")
    assert reply.text.startswith("**No**, not for a single job")
    assert "another RTX 4090" in reply.text and "second job" in reply.text
    training = assistant.ask("sdxl lora training on two 3090s: faster than one?")
    assert not training.text.startswith("**No**, not for a single job")  # training can split across cards


def test_two_cards_compared_for_speed_get_their_tensor_cores_from_the_catalog(assistant):
    reply = assistant.ask(
        "why does stable diffusion run slower on a V100 than on an L4? and is a P100 any better?"
    )
    first = reply.text.split("\n\n")[0]
    assert "has no tensor cores" in first or "have no tensor cores" in first
    assert "P100" in first
    # "slower" is a speed word, not a hint that the offloading setting is meant
    assert "offloading" not in reply.text.split("|")[0]


def test_a_monthly_cost_question_leads_with_the_month(assistant):
    reply = assistant.ask("what would a cloud box for whisper large-v3 transcription cost me per month?")
    first = reply.text.split("\n\n")[0]
    assert "a month" in first and "$" in first


def test_a_training_cost_with_no_measured_time_gives_the_hourly_rate_and_says_what_is_missing(assistant):
    reply = assistant.ask("ballpark cost to train our own inpainting diffusion model?")
    label, cost = reply.text.split("\n\n")[:2]
    assert "no figure on record for the model you ask about" in label  # said before any stand-in figure
    assert "/hour" in cost and "no measured training time" in cost and "won't guess" in cost


def test_a_speech_synthesis_model_not_on_record_gets_the_tts_models_estimate_labelled(assistant):
    # every TTS model on record estimates it (a few GB), not Bark's three models standing in (8-12 GB)
    reply = assistant.ask("minimum gpu memory for running an open text-to-speech voice cloning model?")
    assert "no figure is on record for the model you ask about" in reply.text and "estimate" in reply.text
    assert (
        reply.memory_gb is not None and reply.memory_gb <= 2.1
    )  # the least asked: the kind's lower quartile
    assert "suno-ai/bark" in reply.details  # Bark is one of the models the estimate goes by
    assert "Whisper" not in reply.text  # transcription figures are not a guide to speech synthesis


def test_a_monthly_cost_on_a_named_gpu_prices_that_gpu(assistant):
    reply = assistant.ask("running whisper medium on an L4 all month, what's the bill?")
    first = reply.text.split("\n\n")[0]
    assert "a month" in first and "one L4" in first and "$" in first
    assert "cheapest single-GPU offer of each GPU you named" in reply.text


def test_a_how_long_question_leads_with_the_time_on_record(assistant):
    resnet = assistant.ask("single V100, resnet50 from scratch on imagenet: how many hours?")
    assert resnet.text.startswith("About **29 h** on 1x V100 16GB")
    whisper = assistant.ask("how long will whisper large take for a podcast on my rtx 4080?")
    first = whisper.text.split("\n\n")[0]
    assert first.startswith("Time on record for Whisper large") and "2m23s" in first


def test_a_comparison_or_price_that_names_a_kind_of_work_keeps_its_own_answer():
    catalog, models = load_catalog(), load_models()
    assert understand("A100 vs H100 for video generation?", catalog, models).intent is Intent.COMPARE
    assert (
        understand("hourly price of an L4 for an object detection service", catalog, models).intent
        is Intent.PRICE
    )


def test_a_family_member_not_on_record_gets_the_verdict_first_from_its_familys_figures(assistant):
    yolo = assistant.ask("Will ultralytics yolo11 train on my 4 GB laptop card at batch 8?")
    assert yolo.text.startswith("**Yes**, going by YOLOv8s's figures")
    assert "the same family" in yolo.text
    assert yolo.memory_gb == 2.2  # the AutoBatch profile at batch 8, measured
    hunyuan = assistant.ask("any idea if hunyuan custom fits a 12 gig card with wan2gp?")
    assert (
        hunyuan.text.startswith("**Yes**, going by HunyuanVideo's figures") and "offloading" in hunyuan.text
    )


def test_a_stand_in_of_another_family_gives_its_verdict_first_saying_whose_figures_it_goes_by(assistant):
    # the yes/no asked leads (a reader of the first sentence gets it), and that same sentence says it is another
    # model's figures; the full label follows before any table
    reply = assistant.ask("is 4gb of vram enough for audioldm2?")
    first = reply.text.split("\n\n")[0]
    assert first.startswith(
        "**No**, going by the figures of MusicGen (audio generation), the nearest model on record"
    )
    assert "I have no figure on record for the model you ask about" in reply.text.split("\n\n")[1]
    # VideoGrain is on record now (its maintainer's 23 GB for 16 frames): its own figure decides
    video = assistant.ask("would a 40GB A100 be enough to run VideoGrain video editing?")
    assert video.text.startswith("**Yes**") and video.memory_gb == 23


def test_an_ocr_engine_not_on_record_goes_by_the_ocr_engine_on_record(assistant):
    # PaddleOCR is on record now, so EasyOCR goes by its figures, labelled, instead of "I don't know"
    reply = assistant.ask("GPU memory for running easyocr on a pile of scanned invoices?")
    assert reply.text.startswith("I have no figure on record for the model you ask about")
    assert "**PaddleOCR**" in reply.text and reply.memory_gb == 1.0
    assert "language model" not in reply.text


def test_text_to_audio_gets_the_audio_generation_figures(assistant):
    reply = assistant.ask("how much vram to run AudioLDM 2 text-to-audio locally?")
    assert "**MusicGen** (audio generation)" in reply.text and reply.memory_gb == 16
    assert "facebookresearch/audiocraft" in reply.details


def test_a_run_far_slower_than_it_should_be_leads_with_memory_spilling_into_system_ram(assistant):
    reply = assistant.ask(
        "training an sdxl lora on my 4060 8gb shows 90 hours for 3000 steps, is that normal?"
    )
    # "is that normal?" is answered first (No), then the cause
    assert reply.text.startswith("**No**, that is not normal. A many-fold slowdown")
    assert "shared system RAM" in reply.text
    why = assistant.ask("why is my sdxl lora on a 4060 8gb so slow, 90 hours for 3000 steps")
    assert why.text.startswith("A many-fold slowdown")  # a why-question gets the cause, no verdict
    cpu = assistant.ask("bark text to speech on my cpu is slow, is that normal?")
    assert "shared system RAM" not in cpu.text  # a CPU has no VRAM to spill out of


def test_one_time_said_twice_is_not_a_speed_ratio(assistant):
    reply = assistant.ask(
        "estimate says 400 hours to train my XL model on a 3060. yes, 400 hours! how do I make it go faster?"
    )
    assert "1.00x" not in reply.text and "sdxl" in reply.text.lower()  # 'XL model': SDXL's figures


def test_two_cards_for_diffusion_speed_get_the_ratio_of_their_tensor_compute(assistant):
    reply = assistant.ask("how much quicker would a 4090 be than my 3090 at generating sdxl images?")
    first = reply.text.split("\n\n")[0]
    assert first.startswith("The **RTX 4090** should be about **2.3x** as fast as the RTX 3090")
    assert "165.2 / 71.0" in first and "not a measurement" in first


def test_sd3_is_not_read_as_sd_1_5():
    from assistant.knowledge._workloads import load_workloads

    for question in ["does stable diffusion 3 run on 8 gigs?", "sd3 medium vram please"]:
        assert load_workloads().find_in_text(question)[0].name == "Stable Diffusion 3 Medium"


def test_4_bit_flux_weights_fit_an_8_gb_card(assistant):
    reply = assistant.ask("flux schnell in nf4 on an 8gb 3070, will it load?")
    assert reply.text.startswith("**Yes**") and reply.memory_gb == 6.0 and "NF4" in reply.text


def test_another_size_of_a_family_gets_its_own_weight_arithmetic_as_a_floor(assistant):
    reply = assistant.ask("wan 2.1 14B image to video keeps OOMing on my 24gb card, what now?")
    assert "14B model you name" in reply.text and "**28.0 GB** in bf16" in reply.text
    assert reply.memory_gb == 28.0
    assert "CPU offload" in reply.text  # the levers for a card that runs out


def test_a_figure_for_another_task_is_shown_but_never_leads(assistant):
    reply = assistant.ask("vram to finetune musicgen on my own songs?")
    assert reply.text.startswith("I have no sourced training figure for MusicGen")
    # its inference figures are no answer for fine-tuning: the full-training arithmetic from its 1.5B parameters
    # (16 bytes each for weights, gradients and AdamW states) is the figure, labelled as a floor
    assert reply.memory_gb == 24.0 and "16 bytes" in reply.text and "a floor" in reply.text


# Full fine-tuning a speech model whose training memory no source states: arithmetic from its parameter count,
# with a verdict only where the states alone decide one. Phrasings in no evaluation set.
def test_whisper_full_fine_tune_gets_arithmetic_and_a_verdict_where_it_decides(assistant):
    # a measured run beats the arithmetic: large-v3 fine-tuned at 32 GB (batch 2) is no fit for a 24 GB card
    big = assistant.ask("gonna full finetune whisper large v3 on my single 4090, enough vram?")
    assert big.text.startswith("**No**") and big.memory_gb == 32.0 and "measured" in big.text
    # with no training figure on record, the parameters give the floor: 16 bytes each
    medium = assistant.ask("full fine tune of musicgen medium on an 8gb card, would it fit?")
    assert medium.text.startswith("**Not without**") and "16 bytes" in medium.text
    shared = assistant.ask(
        "4x V100 16GB with deepspeed zero 3, can we fully fine-tune musicgen large in bf16?"
    )
    assert shared.text.startswith("**Yes**") and "sharded" in shared.text
    assert "has no bf16" in shared.text  # the V100 runs fp16, not bf16


def test_an_adapter_run_keeps_no_full_training_arithmetic(assistant):
    reply = assistant.ask("how much memory to train a LoRA for whisper large-v3?")
    assert "16 bytes" not in reply.text


def test_a_bare_follow_up_that_swaps_the_tool_stays_on_the_card_said_before(assistant):
    assistant.ask("could a T4 handle whisper large-v3?", conversation_id="swap-tool")
    reply = assistant.ask("and with faster-whisper int8?", conversation_id="swap-tool")
    assert reply.gpus[:1] == ["T4"] and reply.text.startswith("**Yes** on the T4")


def test_sd_15_runs_on_a_4_gb_card_with_the_web_uis_low_vram_modes(assistant):
    reply = assistant.ask("is sd1.5 even possible on a 4gb 1050 ti?")
    assert reply.text.startswith("**Yes**, but only with offloading") and "--lowvram" in reply.text


def test_animatediff_is_sized_from_its_own_published_figure_not_sd_15s(assistant):
    # 16 frames denoised together: the authors' ~12 GB (xformers + sequential decoding), more than a 10 GB card;
    # fewer frames or CPU offload are left to cut it (users ran it on 8 GB with sequential CPU offload), so the
    # verdict is conditional, not a No
    reply = assistant.ask("animatediff on a 10gb 3080, possible?")
    assert reply.memory_gb == 12 and reply.text.startswith("**Only with**")
    assert "Stable Diffusion 1.5's image figures" not in reply.text


def test_a_video_tool_built_on_sd_15_still_gets_sd_15_as_a_floor(assistant):
    reply = assistant.ask("vid2vid with controlnet in a1111 at 20 frames, how much vram?")
    assert "Stable Diffusion 1.5" in reply.text and "frames at once" in reply.text


def test_a_cpu_only_run_gets_no_gpu_time_as_its_answer(assistant):
    reply = assistant.ask("transcribing a 45 minute interview with whisper large on a cpu, no gpu, how long?")
    assert reply.text.startswith("I have no CPU speed on record for **Whisper large**")
    assert "About **" not in reply.text.split("\n\n")[0]


def test_rentals_for_pytorch_image_tools_are_cuda_or_rocm_gpus(assistant):
    from assistant.knowledge import load_catalog

    reply = assistant.ask("cheapest cloud gpu to host an sdxl image endpoint?")
    catalog = load_catalog()
    assert reply.gpus and all(catalog.by_name(g).software in ("CUDA", "ROCm") for g in reply.gpus)


def test_a_batch_above_every_one_on_record_is_named_first_when_it_runs_out(assistant):
    reply = assistant.ask("flux lora with kohya on my 24gb 4090 at batch size 6 throws out of memory")
    assert "Your batch of 6 is larger than any on record here (batch 2 at most)" in reply.text


def test_a_batch_asked_above_every_one_on_record_is_scaled_from_the_batches_on_record(assistant):
    # no out-of-memory report: the batches on record give what each image adds, so the batch asked gets a figure
    reply = assistant.ask("vram needed to generate 6 images at once with sdxl, batch size 6?")
    assert reply.text.startswith("**SDXL**") and "at batch 6" in reply.text  # a memory question, not a timing
    assert reply.memory_gb is not None and reply.memory_gb > 21.7  # above the measured batch of 4
    assert "Your batch of 6 is larger" not in reply.text


def test_a_card_not_in_the_catalog_is_said_so_instead_of_a_silent_general_answer(assistant):
    reply = assistant.ask("will sdxl run on a quadro m6000?")
    # a yes/no still opens with its verdict, the condition it turns on (the card's memory) first
    assert reply.text.startswith("**Only if** the Quadro M6000 has at least")
    assert "not in my catalog" in reply.text.split("\n")[0]
    given = assistant.ask("will sdxl run on my quadro m6000 24gb?")
    assert given.text.startswith("**Yes**")  # with its memory said, the verdict is given


def test_which_of_two_cards_for_image_generation_names_the_faster_by_compute(assistant):
    reply = assistant.ask("rtx a4000 or rtx 4070 for stable diffusion, which one?")
    first = reply.text.split("\n\n")[0]
    # the workstation card's full-rate FP32 accumulate gives it more dense tensor compute in the catalog; a "which
    # one?" is answered by naming it, with the spec-sheet ratio as the reason
    assert first.startswith("**The RTX A4000** for") and re.search(r"about \d\.\dx", first)


def test_two_models_set_against_each_other_get_both_figures(assistant):
    reply = assistant.ask("whisper medium or whisper large-v3, how much vram each?")
    first, second = reply.text.split("\n\n")[:2]
    assert first.startswith("**Whisper medium**") and second.startswith("**Whisper large**")
    verdicts = assistant.ask("sdxl vs flux dev on a 12gb card?")
    # FLUX fits 12 GB only in fp8, not as it runs by default: the second model's verdict says so
    assert (
        "For **FLUX.1 dev**: **Yes**, but only with a setting other than the default, on 12.0 GB"
        in verdicts.text
    )


def test_xtts_has_its_own_measured_figure(assistant):
    reply = assistant.ask("coqui xtts v2 on my 4gb laptop 3050, will it fit?")
    assert (
        reply.text.startswith("**Yes**")
        and reply.memory_gb == 2.1
        and "coqui-ai/TTS/issues/3976" in reply.details
    )


def test_speech_recognition_on_a_machine_without_a_gpu_is_sized_in_ram_from_the_cpu_runtime(assistant):
    # a single-board computer with its RAM said: the verdict is on RAM (less what the OS keeps), from whisper.cpp
    board = assistant.ask(
        "thinking of putting whisper on a raspberry pi 5 (8 gigs) to transcribe my dictaphone files"
    )
    assert board.text.startswith("**Yes**, on the CPU") and "whisper.cpp" in board.text
    assert "of RAM" in board.text and "GPU memory" not in board.text.split("\n")[0]
    assert board.memory_gb == 3.9 and not board.gpus
    assert "Cheapest single GPUs to rent" not in _all(board)
    # no RAM said: yes on the CPU, with the smaller models of the family and their figures
    bare = assistant.ask("any chance whisper works on a raspi 4? cpu only obviously")
    assert (
        bare.text.startswith("**Yes**, on the CPU") and "Whisper base" in bare.text and "0.4 GB" in bare.text
    )
    # the model asked is too big for what the OS leaves: the smaller ones that fit are named
    tight = assistant.ask("old thinkpad, no gpu, 4gb of ram - could it handle whisper medium transcription?")
    assert tight.text.startswith("**Only with a smaller model**") and "Whisper small" in tight.text
    assert "2.1 GB" in tight.text
    # a GPU named: the GPU figures as before
    card = assistant.ask("whisper large on a 3060 12gb, ok?")
    assert card.text.startswith("**Yes** on the RTX 3060 12GB")


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("it sits at 73s/it", (73.0, 73.0)),
        ("roughly 140 seconds per iteration on sdxl", (140.0, 140.0)),
        ("20 sec a step, 3000 steps", (20.0, 20.0)),
        ("like 5-6 mins per iteration", (300.0, 360.0)),
        ("2.5 it/s", (0.4, 0.4)),
    ],
)
def test_a_speed_is_read_in_the_units_people_write_it(text, seconds):
    from assistant.knowledge._workloads import seconds_per_iteration

    assert seconds_per_iteration(text) == pytest.approx(seconds)


def test_a_crawl_on_a_card_too_small_for_the_recipe_on_record_names_the_memory_spill(assistant):
    slow = assistant.ask(
        "my sdxl lora run on a 10gb rtx 3080 takes about 95 seconds per iteration, why is it so slow?"
    )
    assert "shared system RAM" in slow.text and "16.0 GB" in slow.text and "8.0 GB" in slow.text
    # the tool named has a low-memory recipe that fits, but the run crawls: the LoRA recipe over the card is the cue
    kohya = assistant.ask("kohya sdxl lora on a 12gb 3060, 5 mins per step. this can't be right")
    assert "shared system RAM" in kohya.text and "16.0 GB" in kohya.text
    # every LoRA recipe on record fits the card: no spill is suggested (a full fine-tune is another job)
    fine = assistant.ask("sdxl lora on a 4090 at 1.4 s/it, is that normal?")
    assert "shared system RAM" not in fine.text


def test_loras_in_the_plural_are_training_not_inference(assistant):
    reply = assistant.ask("making a couple of sdxl loras on my 4060 ti 8gb, it keeps running out of memory")
    assert "training" in reply.text.lower() and "weights alone in fp16" not in reply.text.split("\n\n")[0]
    assert reply.memory_gb == 8  # kohya's published SDXL LoRA figure, not SDXL's inference weights


def test_a_sentence_encoder_named_by_its_mean_tokens_id_is_an_embeddings_question(assistant):
    reply = assistant.ask(
        "SentenceTransformer('distilbert-base-nli-stsb-mean-tokens').encode(texts) is crawling on 80k texts, "
        "how do i make it faster?"
    )
    assert reply.intent == "non_llm" and "embeddings" in reply.text


def test_ltx_video_is_on_record_with_a_default_and_an_offloading_figure(assistant):
    reply = assistant.ask("how much vram does ltx video need")
    # the default run, not ComfyUI's lowvram one
    assert reply.text.startswith("**LTX-Video**") and reply.memory_gb == 24


def test_a_3d_generator_not_on_record_gets_the_3d_figures_labelled(assistant):
    # text-to-3D used to be "outside what I can help with"; then the kind's typical model on record answered; now
    # the 3D research releases on record estimate it (their median and range, labelled, with their sources)
    reply = assistant.ask("whats the least vram a dreamgaussian style text to 3d repo runs with")
    estimate = load_workloads().kind_estimate("3D generation")
    assert "3D-generation research releases on record" in reply.text
    assert reply.memory_gb == estimate.quartile_gb  # the least asked: their lower quartile
    assert "microsoft/TRELLIS" in reply.details


def test_mochi_has_its_authors_figures(assistant):
    one = assistant.ask("can mochi 1 preview run on one H100 80GB?")
    assert one.text.startswith("**Yes**") and one.memory_gb == 60  # genmo's reference code on one GPU
    small = assistant.ask("Mochi 1 on a single RTX 4090, doable?")
    assert small.text.startswith("**Yes**") and small.memory_gb == 20  # ComfyUI's optimized workflow


@pytest.mark.parametrize(
    ("question", "memory", "said"),
    [
        # inference: the weights at bf16, a floor labelled as an estimate
        ("how much vram would a 2B param diffusion transformer need at 1024px?", 4.0, "2B x 2 bytes"),
        # training: weights, gradients and AdamW states in mixed precision (16 bytes a parameter)
        ("planning to pretrain a 300M parameter ViT, gpu memory?", 4.8, "0.3B x 16 bytes"),
    ],
)
def test_a_non_llm_model_given_only_by_its_size_gets_labelled_arithmetic(assistant, question, memory, said):
    reply = assistant.ask(question)
    assert reply.memory_gb == memory and said in reply.text and "An estimate by arithmetic" in reply.text
    assert "tokens" not in reply.text.split("\n\n")[0]  # not the LLM formula's context or KV cache


def test_full_training_of_a_sized_diffusion_model_too_big_for_the_card_says_not_without(assistant):
    reply = assistant.ask("full training of a 2B diffusion transformer on a 24gb 4090?")
    assert reply.text.startswith("**Not without** LoRA, an 8-bit optimizer or offloading")
    assert reply.memory_gb == 32.0


def test_a_figure_that_only_just_fits_the_card_comes_with_what_lowers_memory(assistant):
    # FLUX.1 schnell's bf16 transformer weights (23.8 GB) leave under the tight-fit share of a 24 GB card free
    reply = assistant.ask("does flux schnell run on a 24gb 3090?")
    assert "When memory is tight, what lowers it" in reply.text and "CPU offload" in reply.text


def test_a_card_asked_about_after_trying_the_cpu_is_weighed_as_gpu_memory(assistant):
    # "I only ran it on my CPU so far" is history; the 12 GB of VRAM asked about is a card, not system RAM
    reply = assistant.ask(
        "so far i only ran sdxl on my cpu, which is painfully slow. would it work on a card with 12gb of vram?"
    )
    first = reply.text.split("\n\n")[0]
    assert first.startswith("**Yes**") and "GPU memory" in first and "of RAM" not in first


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        ("could i train an rvc voice on my gtx 1660 super 6gb", "**Yes**"),  # batch 1 fits 4 GB (maintainer)
        ("sadtalker on a 4gb laptop card?", "**No**"),  # 8 GB at the defaults (maintainer)
        (
            "does mask rcnn training in detectron2 fit an 8GB RTX 3070?",
            "**Yes**",
        ),  # 3.4 GB per GPU (model zoo)
    ],
)
def test_popular_tools_with_sourced_rows_get_their_own_verdict(assistant, question, lead):
    reply = assistant.ask(question)
    assert reply.intent == "non_llm" and reply.text.startswith(lead)
    assert "nearest model on record" not in reply.text  # their own figures, no stand-in


def test_an_image_animation_tool_not_on_record_borrows_an_animation_model_not_a_video_one(assistant):
    reply = assistant.ask("will a 12gb 3060 run an audio-driven talking avatar repo like EchoMimic?")
    # the image-animation research releases on record estimate it (median ~8 GB), not the video ones
    assert reply.text.startswith("**Yes**")
    assert "image-animation research releases" in reply.text and "video-generation" not in reply.text
    assert reply.memory_gb is not None and reply.memory_gb <= 12


def test_a_tool_whose_parameter_count_no_source_states_says_so(assistant):
    reply = assistant.ask("how much vram does liveportrait use?")
    assert "parameter count not on record" in _all(reply)


@pytest.mark.parametrize(
    "question",
    [
        "can i run mask r-cnn inference on a 4gb gpu?",
        "vram to deploy a yolov8 detector for predictions on camera frames",
        "detectron2 faster rcnn: how much memory to run it on images?",
    ],
)
def test_an_inference_question_on_training_only_vision_figures_says_they_are_training_ones(
    assistant, question
):
    # the vision rows are training figures (Ultralytics AutoBatch, Detectron2's model zoo): an upper bound for
    # running the model, said so, never passed off as what inference needs
    reply = assistant.ask(question)
    assert "These are training figures" in reply.text and "needs less" in reply.text


def test_a_training_question_on_vision_figures_gets_no_inference_note(assistant):
    reply = assistant.ask("will detectron2 mask rcnn training fit on my 8GB 3070?")
    assert "These are training figures" not in _all(reply)


@pytest.mark.parametrize(
    ("question", "base"),
    [
        ("our in-house motion tool is built on top of SDXL, what vram for inference?", "SDXL"),
        ("a cogvideox-5b based camera-control repo, minimum gpu memory?", "CogVideoX-5B"),
    ],
)
def test_a_tool_built_on_a_model_on_record_says_whose_figures_it_goes_by(assistant, question, base):
    reply = assistant.ask(question)
    assert f"These go by **{base}**, the model the tool you name is built on" in reply.text


@pytest.mark.parametrize(
    "question", ["how much vram does sdxl need at 1024x1024?", "sdxl runs on my 3060 12gb, right?"]
)
def test_a_model_asked_about_directly_gets_no_built_on_note(assistant, question):
    reply = assistant.ask(question)
    assert "the model the tool you name is built on" not in _all(reply)


def test_a_measured_full_run_too_big_for_one_card_is_weighed_sharded_over_the_users_cards(assistant):
    # Whisper large's measured full fine-tune (32 GB at batch 2) does not fit one 16 GB card, but its 16-bytes-a-
    # parameter states split over eight with ZeRO-3 / FSDP while the activations stay on each card
    reply = assistant.ask("four rtx 4060 ti 16gb, deepspeed zero3 full finetune of whisper large v3 doable?")
    first = reply.text.split("\n", 1)[0]
    assert first.startswith("**Yes**, sharded") and "4 x RTX 4060 Ti 16GB" in first
    assert "split 4 ways" in first and "per GPU" in first
    one = assistant.ask("full finetune of whisper large v3 on my single 4060 ti 16gb, doable?")
    assert not one.text.startswith("**Yes**")  # one card: the measured 32 GB stands


def test_a_what_or_how_question_on_a_cpu_gets_no_yes(assistant):
    # "what's the best way to …" asks what, not whether: the answer opens with the CPU run, not a verdict
    reply = assistant.ask("what's the best way to do whisper transcription on a box with no gpu?")
    assert reply.text.startswith("On the CPU") and "whisper.cpp" in reply.text


@pytest.mark.parametrize(
    "question", ["would flux dev run on my mac mini m4 24gb?", "flux.1 schnell on a 16gb m2 air?"]
)
def test_a_mac_is_never_offered_a_setting_that_needs_cuda(assistant, question):
    """bitsandbytes NF4 and fp8 weights need CUDA; on a Mac the GGUF route (ComfyUI-GGUF runs on MPS) is the one."""
    reply = assistant.ask(question, conversation_id=f"mac-cuda-{abs(hash(question))}")
    first = reply.text.split("\n\n")[0]
    assert "bitsandbytes" not in first and "fp8" not in first.lower(), first
    assert "GGUF" in first, first
