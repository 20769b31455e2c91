"""A time a job may take said in minutes or as 'in under an hour', and a card alone as a follow-up (phrasings of our own)."""


def test_minutes_are_a_deadline(read):
    assert abs(read("train a flux lora within 45 minutes").details.deadline_hours - 0.75) < 1e-9


def test_under_an_hour_is_a_deadline(read):
    assert read("fine-tune whisper small in under an hour").details.deadline_hours == 1


def test_an_hour_with_no_limit_word_is_no_deadline(read):
    assert read("what does an A100 cost in an hour?").details.deadline_hours is None


def test_a_card_alone_behind_on_asks_the_last_question_of_it(read):
    reply = read("flux schnell on a 4070 12gb?", "on a 4090?")
    assert reply.follow_up and reply.intent == "non_llm"
