"""A machine without an NVIDIA card and no other GPU said ("without a nvidia gpu", "I don't have a cuda card", "cpu
instead of cuda") is a CPU run for image and speech models, answered Yes with the RAM it needs; a video model's row
that puts only its text encoder on the CPU is no CPU run; "minimum requirements" for a model a CPU runtime runs says
no GPU is strictly needed (session 23). Phrasings in no evaluation set."""

from __future__ import annotations

from tests.support.checked_answers import checked_answer


def test_speech_recognition_without_nvidia_runs_on_the_cpu(assistant):
    answer = checked_answer(assistant, "is there any way to use whisper small without a nvidia gpu?")
    assert answer.first_line.startswith("**Yes**, on the CPU"), answer.first_line
    assert "RAM" in answer.first_line


def test_image_generation_on_a_machine_with_no_cuda_card(assistant):
    answer = checked_answer(
        assistant, "i dont have a cuda gpu at all, could stable diffusion 1.5 still work?"
    )
    assert answer.first_line.startswith("**Yes**, on the CPU"), answer.first_line
    assert "5.1 GB" in answer.first_line  # a plain run's figure, not the CPU-offload recipe's


def test_an_amd_card_without_nvidia_is_not_a_cpu_run(assistant):
    answer = checked_answer(assistant, "no nvidia here, only a radeon rx 6800 16gb: can sdxl run?")
    assert "on the CPU" not in answer.first_line, answer.first_line


def test_a_video_model_is_not_said_to_run_on_the_cpu(assistant):
    answer = checked_answer(assistant, "could wan2.2 ti2v 5b make videos on the cpu instead of cuda?")
    assert not answer.first_line.startswith("**Yes**, on the CPU"), answer.first_line


def test_minimum_requirements_name_the_cpu_run(assistant):
    answer = checked_answer(assistant, "bare minimum hardware for whisper medium transcription at home?")
    assert "No GPU is strictly needed" in answer.draft, answer.draft[:400]
