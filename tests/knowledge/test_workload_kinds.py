"""Kinds of non-LLM work said by a tool's name or the job's words, for models not on record (phrasings of our own)."""

from __future__ import annotations

import pytest

from assistant.knowledge._workloads import kind_in_text


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        # upscalers and face restorers: their own kind, never an image generator's figures
        ("realesrgan x4plus keeps running out of memory on big scans", "image restoration"),
        ("SwinIR on 4k frames, how much vram", "image restoration"),
        ("codeformer face restoration on old family photos", "image restoration"),
        ("which gpu to upscale my 1080p screenshots 4x", "image restoration"),
        # depth estimation is a vision model run per image or frame
        ("Depth-Anything-V2-Large on a 12 GB card?", "vision training"),
        ("monocular depth estimation with zoedepth, memory?", "vision training"),
        ("marigold depth maps of my photos OOM", "vision training"),
        # a tool whose name ends in 3D is a 3D generator; graphics and geometry libraries are not
        ("DreamCraft3D on a 3090?", "3D generation"),
        ("does Magic3D need 40GB", "3D generation"),
        ("Hunyuan3D texture stage ooms", "3D generation"),
        # popular open models known by name alone: their kind, so a labelled stand-in rather than a spec sheet
        ("pixart sigma at 2k on a 3060?", "image generation"),
        ("how heavy is HiDream-I1 full", "image generation"),
        ("pyramid flow 768p vram", "video generation"),
        ("CosyVoice2 on a 6gb laptop card", "speech synthesis"),
        # textures painted on a mesh by an image model ("Text2Tex"-style names): 3D generation
        ("Img2Tex on 8GB?", "3D generation"),
        ("mesh texturing with sd depth, which card", "3D generation"),
        # VITS descendants said by name; SAM by its version number
        ("Bert-VITS2 training on a 3060", "speech synthesis"),
        ("vits voice model fine-tune memory", "speech synthesis"),
        (
            "fine-tuning two vits on imagenet",
            "vision training",
        ),  # the plural of ViT: no speech word beside it
        ("sam 2.1 hiera large on a 6 gb card", "vision training"),
        ("gpt-sovits training on my 3060", "speech synthesis"),
        ("ACE-Step music on 8 gigs", "audio generation"),
        ("shap-e on a laptop", "3D generation"),
        # meshes made or pulled out of a model or a fitted scene, 3D objects made, NeRF frameworks and splatting
        # methods named by their stem (a digit inside the name too)
        ("photo2mesh on a 12gb card?", "3D generation"),
        ("can my 3070 export a dense mesh from the trained field", "3D generation"),
        ("how heavy is generating textured meshes from one photo", "3D generation"),
        ("turning product shots into 3d assets, which gpu", "3D generation"),
        ("nerfacto on a laptop 4060, memory?", "3D generation"),
        ("instant ngp training on a 2070", "3D generation"),
        ("splat4d for dynamic scenes, vram?", "3D generation"),
    ],
)
def test_the_kind_is_read_from_the_tool_or_the_job(question, kind):
    assert kind_in_text(question) == kind


@pytest.mark.parametrize(
    "question",
    [
        "direct3d 12 performance of the 4070",
        "open3d point clouds on a laptop",
        "unity3d game dev pc build",
        "I have allegro in my apartment",  # a word, not the Allegro video model
        "compile latex2tex docs faster",  # a document converter, no texture tool
        "instantid on a 4090",  # an add-on to SDXL: its base decides, not another image model's figures
        "mesh network between my gpu servers",  # a network, no mesh made
    ],
)
def test_graphics_and_geometry_libraries_are_no_3d_generator(question):
    assert kind_in_text(question) is None


def test_a_body_mesh_recovered_from_video_stays_a_vision_network():
    # human mesh recovery regresses a body model per frame: a vision network, not a 3D generator
    assert kind_in_text("reconstruct the human body mesh from a video") == "vision training"
    assert kind_in_text("export the body mesh from my mocap clip") == "vision training"


def test_nerf_frameworks_and_splatting_stems_are_scenes_fitted_per_scene():
    from assistant.knowledge._workloads import reconstruction_in_text

    assert reconstruction_in_text("nerfacto on a laptop 4060")
    assert reconstruction_in_text("instant-ngp on my 2070")
    assert reconstruction_in_text("splat4d for dynamic scenes")
    assert not reconstruction_in_text("photo2mesh on a 12gb card")  # a generator, not fitted per scene


def test_a_size_sibling_is_another_record_of_the_same_release():
    from assistant.knowledge._workloads import load_workloads

    table = load_workloads()
    five = table.by_name("Wan2.2 TI2V-5B")
    assert table.size_sibling(five, 14e9).name == "Wan2.2 A14B"
    assert table.size_sibling(five, 40e9) is None  # no such size on record
    assert table.size_sibling(table.by_name("Wan2.1"), 14e9) is None  # another release is no sibling
    whisper = table.by_name("Whisper large")
    assert table.size_sibling(whisper, 0.8e9).name in ("Whisper turbo", "Whisper medium")


def test_a_segmentation_fault_is_no_segmentation_model():
    from assistant.knowledge._workloads import kind_in_text

    assert (
        kind_in_text("./main crashes with a segmentation fault (core dumped) when loading the f16 model")
        is None
    )
    assert kind_in_text("semantic segmentation of satellite tiles, how much vram?") == "vision training"
