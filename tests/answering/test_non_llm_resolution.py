"""A frame size said either way round ('1280x720' for a setting written '720x1280') or as a video height ('720p')
picks the setting measured at that size (phrasings of our own, in no evaluation set)."""

from __future__ import annotations

from assistant.answering._compose._non_llm import _terms


def test_a_frame_size_is_one_term_whichever_way_round_or_as_a_height():
    assert "720x1280" in _terms("render 1280x720 clips")
    assert "720x1280" in _terms("a 720x1280 video")
    assert "720x1280" in _terms("at 720p please")
    assert "544x960" in _terms("960x544, 129 frames")
    assert not any("x" in t and t[0].isdigit() for t in _terms("a 7B model in 4-bit"))


def test_the_setting_at_the_size_asked_leads(assistant):
    wide = assistant.ask("how much gpu memory does hunyuanvideo take for 1280x720 clips of 129 frames?")
    assert wide.memory_gb == 60
    tall = assistant.ask("hunyuanvideo, 720p, 129 frames: would 48 GB be enough?")
    assert tall.text.startswith("**No**") or tall.text.startswith("**Yes**, but only")


def test_a_size_not_on_record_scales_the_reference_runs_activations_by_the_pixels():
    from assistant.knowledge._workloads import default_run, load_workloads, scaled_to_size

    sdxl = load_workloads().by_name("SDXL")
    scaled = scaled_to_size(sdxl, "sdxl at 2048x2048 please")
    added = [f for f in scaled.facts if f not in sdxl.facts]
    assert len(added) == 1 and added[0].basis == "arithmetic" and "an estimate" in added[0].setting
    inference = [f for f in sdxl.facts if "train" not in f.task.lower() and f.memory_gb]
    weights = min(f.memory_gb for f in inference if "weights alone" in f.setting)
    reference = default_run([f for f in inference if "weights alone" not in f.setting and not f.offload])
    # 2048x2048 is 4x the reference run's 1024x1024 pixels: the weights stay, the activations grow 4x
    assert added[0].memory_gb == round(weights + (reference.memory_gb - weights) * 4, 1)
    # a size on record, or none said, adds nothing
    assert scaled_to_size(sdxl, "sdxl at 1024x1024") is sdxl
    assert scaled_to_size(sdxl, "sdxl vram?") is sdxl
    # a smaller size needs no more than the reference run, whose figure stays the answer
    assert scaled_to_size(sdxl, "sdxl at 512x512") is sdxl
    # FLUX.1's weights at the reference's precision exceed its reported whole-pipeline run: no activations to scale
    # (its quantized transformer's weights are no floor under a bf16 run)
    flux = load_workloads().by_name("FLUX.1 dev")
    assert scaled_to_size(flux, "flux at 2048x2048") is flux


def test_the_scaled_figure_answers_a_larger_size(assistant):
    reply = assistant.ask("sdxl renders at 2048 x 2048, how much vram is that?")
    assert reply.memory_gb is not None and reply.memory_gb > 12
    assert "scaled to 2048x2048" in reply.text


def test_sdxl_on_a_6gb_card_is_only_with_the_web_uis_low_vram_offload(assistant):
    reply = assistant.ask("my laptop has a 6 gb rtx 3060 mobile, can it do sdxl 1024 images at all?")
    assert reply.text.startswith("**Yes**, but only with offloading")
    assert "--lowvram" in reply.text
