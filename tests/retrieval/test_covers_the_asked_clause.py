"""``covers_question`` on long posts: when the whole post's words are mostly background, the question clause it
ends with ("... - can it really serve 10 users at once?") is what the passages must cover. Short or off-topic
questions are still refused. Phrasings in no evaluation set."""

from __future__ import annotations

from langchain_core.documents import Document

from assistant.retrieval._hybrid import covers_question

_BATCHING = Document(
    page_content=(
        "Yes — a serving engine answers many requests at once: it batches concurrent requests from several users "
        "simultaneously (continuous batching), so total throughput grows with the number of requests."
    )
)


def test_a_long_post_is_judged_by_the_question_it_ends_with():
    post = (
        "We built a little chatbot for the office last month, a prototype, nothing fancy, deployed on a box in "
        "the basement with an old ups and some cooling trouble. Anyway, looking at our dashboard graph - can it "
        "serve several users simultaneously?"
    )
    assert covers_question(post, [_BATCHING])


def test_an_off_topic_question_clause_is_still_refused():
    post = (
        "We built a little chatbot for the office last month, a prototype. Anyway - which noise cancelling "
        "headphones suit an open office?"
    )
    assert not covers_question(post, [_BATCHING])


def test_a_one_sentence_question_is_judged_as_before():
    assert not covers_question("which headphones suit an office with users?", [_BATCHING])
