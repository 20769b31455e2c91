"""A follow-up to a fine-tuning question that gives only a number in thousands ('and 12k?') changes the sequence
length; thousands of examples or rows stay an amount of data. Phrasings in no evaluation set."""

from __future__ import annotations


def test_a_bare_thousands_follow_up_after_a_fine_tune_is_the_sequence_length(read):
    details = read("qlora of mistral 7b on my 4080, ok?", "and 12k?").details
    assert details.context == 12 * 1024


def test_a_thousands_of_examples_follow_up_is_not_a_sequence_length(read):
    details = read("qlora of mistral 7b on my 4080, ok?", "how long for 30k rows of data?").details
    assert details.context != 30 * 1024
