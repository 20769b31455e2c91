"""Which figure stands for a default run of a non-LLM model (pure, phrasings of our own): the reference tool at its
defaults, else a full-precision whole-pipeline figure, never a lean recipe nor weights alone when one is on record."""

from __future__ import annotations

import datetime as dt

import pytest

from assistant.knowledge._workloads import WorkloadFact, default_run, kind_in_text, load_workloads


def _fact(setting: str, memory: float, basis: str = "measured", **extra) -> WorkloadFact:
    return WorkloadFact(
        task=extra.pop("task", "inference"),
        setting=setting,
        memory_gb=memory,
        basis=basis,
        source="https://example.org/figure",
        as_of=dt.date(2026, 11, 30),
        **extra,
    )


def test_a_lean_inference_recipe_never_stands_for_the_default_run():
    nf4 = _fact("4-bit NF4 transformer weights", 6.0, "arithmetic")
    fp8 = _fact("fp8 weights, the usual way to fit a 12 GB card", 11.9, "measured")
    tiled = _fact("bf16 with VAE tiling", 14.0, "measured")
    whole = _fact("bf16, whole pipeline on the GPU", 21.5, "measured")
    assert default_run([nf4, fp8, tiled, whole]) is whole


def test_weights_alone_arithmetic_gives_way_to_a_whole_pipeline_figure():
    alone = _fact("transformer weights alone in bf16 (12B x 2 bytes)", 23.8, "arithmetic")
    whole = _fact("whole pipeline in bf16: transformer + text encoder x 2 bytes", 33.0, "arithmetic")
    assert default_run([alone, whole]) is whole
    measured = _fact("bf16, 1024x1024, batch 1, nothing offloaded", 9.0, "measured")
    assert default_run([alone, whole, measured]) is measured  # a measurement beats any arithmetic


def test_a_flagged_default_wins_and_offloading_only_stands_alone():
    profile = _fact("batch 2 profile", 0.8, task="training")
    default = _fact("batch 16, the tool's default", 4.2, task="training", default=True)
    assert default_run([profile, default]) is default
    offload = _fact("sequential CPU offload", 4.5, offload=True)
    assert default_run([offload]) is offload  # nothing else on record
    assert default_run([offload, _fact("fp16 whole pipeline", 5.1)]).memory_gb == 5.1


def test_training_recipes_with_8_bit_optimizers_are_not_treated_as_lean():
    adam8 = _fact("LoRA, gradient checkpointing, 8-bit Adam", 12.0, "published", task="LoRA training")
    full = _fact("full fine-tune, AdamW", 40.0, "published", task="full fine-tuning (training)")
    assert default_run([adam8, full]) is adam8


@pytest.mark.parametrize(
    ("model", "task", "low", "high"),
    [
        # diffusers inference benchmark (sayakpaul/sample-datasets collated_results_sdxl.csv): SDXL bf16 at
        # 1024x1024, batch 1, 30 steps peaks at 8.961 GB; the weights alone (6.9 GB) no longer lead
        ("SDXL", "inference", 8.5, 9.5),
        # FLUX.1 schnell: the whole bf16 pipeline, not the NF4 transformer's 6 GB
        ("FLUX.1 schnell", "inference", 30, 36),
        # Ultralytics trains at batch 16 by default (AutoBatch profile 4.154 GB on a T4), not the batch-2 profile
        ("YOLOv8s", "training", 4.0, 4.5),
        # Hugging Face Audio Course: Whisper small fine-tunes on any 16 GB+ GPU at its recipe
        ("Whisper small", "training", 15, 17),
    ],
)
def test_the_catalog_default_runs(model, task, low, high):
    spec = load_workloads().by_name(model)
    rows = [f for f in spec.facts if ("train" in f.task.lower()) == (task == "training")]
    run = default_run(rows)
    assert run is not None and low <= (run.memory_gb or 0) <= high


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("vram needed for generating/editing one 1024x1024 image with this repo?", "image generation"),
        ("how much gpu memory to create pictures with dall-e mini locally", "image generation"),
        ("[Kandinsky 3] inference vram?", "image generation"),
        ("gpu to generate image embeddings for 1M photos with clip vit", "vision training"),
        ("image classification with a resnet on my 3060", "vision training"),
    ],
)
def test_image_generation_is_read_from_how_people_say_it(text, kind):
    assert kind_in_text(text) == kind


def test_settings_that_need_cuda_are_marked_so():
    """Every bitsandbytes, NF4 or fp8 setting is marked needs_cuda, so a Mac is never offered it."""
    for spec in load_workloads():
        for fact in spec.facts:
            setting = fact.setting.lower()
            if "bitsandbytes" in setting or "nf4" in setting or "fp8" in setting:
                assert fact.needs_cuda, (spec.name, fact.setting)
