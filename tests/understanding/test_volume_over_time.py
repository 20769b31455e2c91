"""'1000 users per day' is a volume over time, not how many at once: it is not read as a concurrent batch (1000
sequences in the KV cache sized an 8x H200 bill), and the answer says what it sized instead. Phrasings in no
evaluation set."""

from __future__ import annotations

import pytest

from assistant.understanding._understand import understand


@pytest.mark.parametrize(
    "question",
    [
        "our support bot will get about 5,000 chats a day, what gpu for qwen2.5 14b?",
        "we expect 2k requests per hour on mistral 7b, how much would hosting cost?",
    ],
)
def test_a_volume_over_a_period_is_not_a_batch(catalog, models, question):
    details = understand(question, catalog, models).details
    assert details.batch is None
    assert details.per_period


def test_users_at_once_stay_a_batch(catalog, models):
    details = understand("serve llama 3.1 8b to 40 users at the same time", catalog, models).details
    assert details.batch == 40 and details.per_period is None


def test_the_answer_says_the_volume_is_not_concurrency(converse):
    reply = converse("what gpu do i need for mistral 7b with 800 requests a day?")
    assert "is a volume over time, not how many at once" in reply.text
