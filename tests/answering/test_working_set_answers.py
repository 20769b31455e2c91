"""llama.cpp's Metal warning about the "recommended max working set size" on a Mac: the answer explains it with the
share of unified memory macOS lets the GPU wire (the catalog's GPU-usable memory of that Mac) and the model's need.
Phrasings in no evaluation set."""

from __future__ import annotations


def test_the_warning_is_explained_with_the_macs_share(converse):
    reply = converse("M2 8GB, mistral 7b q4 in llama.cpp: 'recommended max working set size' warning, why?")
    first = reply.text.split("\n")[0]
    assert first.startswith("**It means the GPU was given more than macOS recommends**")
    assert "recommendedMaxWorkingSetSize" in first and "iogpu.wired_limit_mb" in first


def test_no_working_set_words_no_explanation(converse):
    reply = converse("can my M2 8GB run mistral 7b q4 in llama.cpp?")
    assert "recommendedMaxWorkingSetSize" not in reply.text.split("\n")[0]
