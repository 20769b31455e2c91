"""A GPU named for a non-LLM job named only by its kind is the hardware for that job, not a spec question
(phrasings of our own)."""

from __future__ import annotations

import pytest

from assistant.knowledge import load_catalog, load_models
from assistant.understanding import Intent, understand


@pytest.mark.parametrize(
    "question",
    [
        "my video upscaling tool runs on a 4080, does adding another 4080 raise the fps?",
        "is a 3090 enough for text-to-video at 720p?",
        "object detection training on an rtx 4060 ti, will it cope?",
    ],
)
def test_a_gpu_named_for_a_job_of_a_known_kind_is_a_non_llm_question(question):
    assert understand(question, load_catalog(), load_models()).intent is Intent.NON_LLM


@pytest.mark.parametrize("question", ["rtx 4080 specs", "what is the memory bandwidth of an RTX 3090?"])
def test_a_plain_spec_question_stays_one(question):
    assert understand(question, load_catalog(), load_models()).intent is Intent.SPEC


@pytest.mark.parametrize(
    "question",
    [
        "any chance HunyuanCustom avatar clips fit my 12 gig card?",  # a family on record, no kind word
        "does coqui xtts-v2 run ok on a gtx 1660 super?",
        "paddleocr over scanned invoices, which card?",
        "musicgen melody on my laptop 3070, will it go?",
    ],
)
def test_a_model_not_on_record_said_by_its_family_or_its_tools_name_is_a_non_llm_question(question):
    assert understand(question, load_catalog(), load_models()).intent is Intent.NON_LLM


@pytest.mark.parametrize(
    "question",
    [
        "I have to embed forty million product reviews with bge-large on an L4, how long?",
        "generating 12 million images with sdxl, what would that cost?",
        "we vectorise 30 million support tickets a month",
    ],
)
def test_a_count_of_things_is_not_read_as_a_model_size(question):
    assert understand(question, load_catalog(), load_models()).details.params is None


def test_a_model_size_in_millions_is_still_read():
    u = understand("how much vram for a 350 million parameter model?", load_catalog(), load_models())
    assert u.details.params == 350e6


def test_an_embedding_model_named_with_a_chip_like_suffix_is_no_apple_chip():
    u = understand("bge-m3 over 5 million chunks on a T4, how long?", load_catalog(), load_models())
    assert u.intent is Intent.NON_LLM and u.details.gpus == ("T4",)


@pytest.mark.parametrize(
    "question",
    [
        # a TTS / voice tool weighed on two cards is not "which LLMs run on them"
        "for coqui tts voice cloning, would a 2060 super or a 3060 be the better buy?",
        "thinking of running piper tts on a 1660 ti vs a 2070, any good?",
        # a price-looking question that asks no price ("out of range of a 3090") about a named kind of work
        "what's the lowest vram for this image editing model? seems out of range of my 3090",
        # text-to-3D
        "trying text-to-3D with a score distillation repo, whats the least vram it runs with",
    ],
)
def test_a_named_kind_of_non_llm_work_outweighs_a_my_hardware_or_price_reading(question):
    assert understand(question, load_catalog(), load_models()).intent is Intent.NON_LLM


@pytest.mark.parametrize(
    ("question", "params"),
    [
        ("how much vram would a 2B param diffusion transformer need at 1024px?", 2e9),
        ("planning to pretrain a 300M parameter ViT, gpu memory?", 3e8),
        ("can a 3060 12gb run the wan 2.2 5b model?", 5e9),
    ],
)
def test_a_size_said_with_a_non_llm_kind_is_that_kind_of_model(question, params):
    u = understand(question, load_catalog(), load_models())
    assert u.intent is Intent.NON_LLM and u.details.params == params


def test_an_llm_whose_name_starts_like_a_non_llm_family_is_still_sized_as_an_llm():
    # "hunyuan" begins HunyuanVideo's and Hunyuan3D's names, but Hunyuan-Large with its size is a language model
    assert (
        understand("hunyuan large 389b how much vram", load_catalog(), load_models()).intent
        is not Intent.NON_LLM
    )


def test_what_a_run_was_seen_to_take_is_not_the_users_card():
    # "on colab it takes 11-13 GB of VRAM" is a reading of someone's run; the user's own card is the one to weigh
    u = understand(
        "on colab the face animation demo takes 11-13 GB of VRAM, could it work on a home card?",
        load_catalog(),
        load_models(),
    )
    assert u.details.stated_memory_gb is None and u.details.observed_gb == 13


@pytest.mark.parametrize(
    "question",
    [
        "my 350M text-to-speech model, would a 4 GB card hold it?",
        "how much vram for a 2B image-to-video diffusion model?",
        "is 16 GB enough for a 1.3B text-to-video model?",
    ],
)
def test_a_size_said_before_a_kind_named_from_its_input_is_a_non_llm_model(question):
    """'300M text-to-speech' is a model's size and kind, not 300M texts: the kind's arithmetic, not an LLM's."""
    understanding = understand(question, load_catalog(), load_models())
    assert understanding.intent is Intent.NON_LLM
    assert understanding.details.params is not None


def test_a_count_of_texts_is_still_work_not_a_model_size():
    understanding = understand(
        "embedding 300M texts with a sentence-transformers model, which GPU?", load_catalog(), load_models()
    )
    assert understanding.intent is Intent.NON_LLM


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("[Foo-Video 14B] fits two 4090s?", "video generation"),
        ("[GlowAvatar, audio-driven portrait] is a 16GB card enough?", "image animation"),
        (
            "does IGEV-Stereo run on 6GB?",
            "vision training",
        ),  # vision words: run, it is estimated as inference
        ("[BazStereo] vram needed for the demo?", "vision training"),
    ],
)
def test_a_kind_said_inside_a_projects_name_is_read(question, kind):
    """'Foo-Video', 'BazStereo', 'audio-driven': the kind the name or a compound says, not an LLM or no kind."""
    from assistant.knowledge._workloads import kind_in_text

    assert kind_in_text(question) == kind


def test_stereo_sound_is_no_vision_kind():
    from assistant.knowledge._workloads import kind_in_text

    assert kind_in_text("my video card has stereo audio out, does it matter?") != "vision training"


@pytest.mark.parametrize(
    "question",
    [
        "will segformer-b5 inference fit a 6 GB card?",
        "can I run Grounding DINO on a laptop 4060?",
        "training a Faster R-CNN on my 3080, enough vram?",
        "how much memory does openpose need for a webcam stream?",
    ],
)
def test_detection_and_segmentation_architectures_named_are_vision_work(question):
    """A detector, segmenter or pose network asked about by its architecture's name is vision work: its kind's
    figures answer, not 'I don't know'."""
    from assistant.knowledge._workloads import kind_in_text

    assert kind_in_text(question) == "vision training"
    assert understand(question, load_catalog(), load_models()).intent is Intent.NON_LLM


def test_a_diffusion_unet_is_no_segmenter():
    from assistant.knowledge._workloads import kind_in_text

    assert kind_in_text("does the unet of sdxl need more memory than sd 1.5's?") != "vision training"
