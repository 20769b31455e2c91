"""The classic convolutional networks asked about by their "-Net" name (SegNet, PointNet++, BiSeNet, MobileNet, VGG)
are vision models, never language models to fine-tune; words that only end like them (internet, subnet, Sonnet,
ControlNet) are not."""

from __future__ import annotations

import pytest

from assistant.knowledge._workloads import kind_in_text


@pytest.mark.parametrize(
    "text",
    [
        "training bisenet v2 on cityscapes with 8gb",
        "does densenet121 fit for training at batch 32 on a T4",
        "enet road segmentation on a jetson",
        "pointnet++ classification on 6gb",
        "vgg19 fine-tune on my 1660",
    ],
)
def test_a_classic_cnn_name_is_a_vision_model(text):
    assert kind_in_text(text) == "vision training"


@pytest.mark.parametrize(
    "text", ["is sonnet better than gpt-4", "my internet drops during the download", "subnet of the cluster"]
)
def test_words_that_only_end_in_net_are_not(text):
    assert kind_in_text(text) is None
