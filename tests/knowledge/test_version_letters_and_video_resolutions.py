"""Two names that differ only in the letter before a number are two releases, not a typo (SkyReels-V1 is not
SkyReels-A1), and a checkpoint named for the video resolution it makes ("-720P") is a video generator (session 23).
Names in no evaluation set."""

from __future__ import annotations

from assistant.knowledge._names import NameIndex
from assistant.knowledge._workloads import kind_in_text, load_workloads


def test_a_swapped_version_letter_is_another_release():
    index = NameIndex({"Foo-A1": ("foo-a1",), "Bar 2 Large": ("bar2-large",)})
    assert index.find_in_text("how much vram does Foo-V1 need?") == []
    assert index.find_in_text("how much vram does Foo-A1 need?") == ["Foo-A1"]
    assert index.find_in_text("bar2-lage on a 3090?") == ["Bar 2 Large"]  # a typo elsewhere is still forgiven


def test_a_video_release_with_another_version_letter_is_not_the_animation_model():
    assert load_workloads().find_in_text("SkyReels-V3 on a 24gb card?") == []


def test_a_resolution_suffix_marks_a_video_generator():
    assert kind_in_text("can I run NovaMotion-14B-720P on two 4090s?") == "video generation"
    assert kind_in_text("is vidforge_480p light enough for 12gb?") == "video generation"
    assert kind_in_text("I watch 1080p videos while llama 3 8b runs") is None


def test_a_resolution_suffixed_checkpoint_is_not_sized_as_an_llm(converse):
    reply = converse("will NovaMotion-5B-720P fit on a 24gb 4090?")
    assert reply.intent == "non_llm", reply.text[:200]
