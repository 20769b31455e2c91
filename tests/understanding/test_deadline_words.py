"""A time a job may take said in minutes or as 'in under an hour' (phrasings of our own)."""


def test_minutes_are_a_deadline(read):
    assert abs(read("train a flux lora within 45 minutes").details.deadline_hours - 0.75) < 1e-9


def test_under_an_hour_is_a_deadline(read):
    assert read("fine-tune whisper small in under an hour").details.deadline_hours == 1


def test_an_hour_with_no_limit_word_is_no_deadline(read):
    assert read("what does an A100 cost in an hour?").details.deadline_hours is None
