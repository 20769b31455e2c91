"""Research releases not on record (phrasings of our own, in no evaluation set): a release asked to be trained is
estimated from the training figures of the research releases on record, labelled, with a verdict and a figure; a
release whose kind's defaults overflow the card while a quarter of them fit it is a hedged 'Yes, with memory
savings', not a No."""

from __future__ import annotations

import pytest

from assistant.knowledge._workloads import load_workloads


def test_the_training_estimate_pools_every_research_release_with_a_training_figure():
    workloads = load_workloads()
    estimate = workloads.research_estimate(training=True)
    assert estimate is not None and estimate.training
    trained = {w.name for w in workloads if w.research and any("train" in f.task.lower() for f in w.facts)}
    assert set(estimate.models) == trained
    # vision releases (matting, segmentation adapters) count for training, unlike for the inference pool
    kinds = {w.kind for w in workloads if w.name in estimate.models}
    assert "vision training" in kinds
    assert estimate.low_gb <= estimate.quartile_gb <= estimate.median_gb <= estimate.high_gb


@pytest.mark.parametrize(
    "question",
    [
        "[VoxelFormer] can I train this on a single 3090?",
        "Would one RTX A5000 be enough to train your network from scratch?",
    ],
)
def test_a_release_trained_on_a_card_holding_the_median_is_a_hedged_yes(converse, question):
    reply = converse(question)
    estimate = load_workloads().research_estimate(training=True)
    assert reply.text.startswith("**Yes**, probably"), reply.text
    assert "with a training figure" in reply.text and reply.memory_gb == estimate.median_gb


@pytest.mark.parametrize(
    "question",
    [
        "Is my 6GB RTX 3060 laptop enough to train this method? [FlowMatchSeg]",
        "could your model be trained on a GTX 1660 Super?",
    ],
)
def test_a_release_trained_on_a_card_below_most_is_a_no(converse, question):
    reply = converse(question)
    assert reply.text.startswith("**No**"), reply.text
    assert "to train" in reply.text


@pytest.mark.parametrize(
    "question",
    [
        "[StoryMaker3D] can this text-to-3D method run on a 16GB 4080?",
        "can my 24 GB 3090 handle sampling with the text-to-video model DriftClip?",
    ],
)
def test_a_card_between_the_lower_quartile_and_the_median_is_yes_with_savings(converse, question):
    reply = converse(question)
    assert reply.text.startswith("**Yes**, with memory savings"), reply.text
    assert "research releases on record" in reply.text


def test_a_card_below_the_lower_quartile_stays_a_no(converse):
    reply = converse("can my 8 GB RTX 3070 handle sampling with the text-to-video model DriftClip?")
    assert reply.text.startswith("**No**"), reply.text


def test_an_out_of_memory_on_such_a_card_is_not_a_yes(converse):
    reply = converse(
        "the text-to-video model DriftClip gives CUDA out of memory on my 24 GB 3090, can that card run it?"
    )
    assert not reply.text.startswith("**Yes**"), reply.text


def test_a_run_bounded_by_a_training_figure_gives_that_figure(converse):
    # only a training figure on record: it bounds a run from above, and the answer's memory is that bound
    reply = converse("Could the TSD-SR upscaler be run on an RTX A6000 for my photos?")
    trained = next(w for w in load_workloads() if w.name == "TSD-SR").facts[0]
    assert reply.text.startswith("**Yes**, within"), reply.text
    assert reply.memory_gb == trained.memory_gb


@pytest.mark.parametrize(
    "question",
    [
        "How much GPU memory would training your network need on my RTX 4080?",
        "Out of memory when fine-tuning on my A10 24GB, how much VRAM do I need? [fine-tuning the PolyVoice model]",
    ],
)
def test_a_training_requirement_asked_with_a_card_is_the_releases_fit_not_a_spec_sheet(converse, question):
    reply = converse(question)
    assert "| spec |" not in reply.text and "with a training figure" in reply.text, reply.text
    assert reply.text.startswith(("**No**", "**Not without**")), reply.text


@pytest.mark.parametrize(
    ("question", "least"),
    [
        ("How much GPU memory does training your model take? I couldn't find it in the paper.", False),
        ("how much GPU memory is needed to fine-tune this project's model?", False),
        ("What is the minimum GPU memory to train this method? [NeuroMesh]", True),
    ],
)
def test_a_release_training_requirement_with_no_card_gets_the_training_estimate(converse, question, least):
    reply = converse(question)
    estimate = load_workloads().research_estimate(training=True)
    figure = estimate.quartile_gb if least else estimate.median_gb
    assert reply.text.startswith(f"About **{figure:.1f} GB**"), reply.text
    assert "with a training figure" in reply.text and reply.memory_gb == figure


@pytest.mark.parametrize(
    "text",
    [
        "my custom model crashed at the first step",
        "[PixelWeave, a latent diffusion model] how much vram?",
        "training a NeRF on my own photos",
        "SkyReels V2 text-to-video on a 4090",
    ],
)
def test_ordinary_words_that_begin_release_names_say_no_family(text):
    found = load_workloads().family_in_text(text)
    assert found is None or found.name not in {
        "Step1X-3D",
        "diffusion-bridge",
        "NeRF (original, bmild/nerf)",
        "SkyReels-A1",
    }, found
