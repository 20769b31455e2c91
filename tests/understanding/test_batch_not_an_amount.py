"""Images generated together are a batch, not an amount of work; a speed asked with words between 'seconds per' and
'image', or in pairs or queries a second, is a speed (phrasings of our own)."""

from assistant.understanding import asks_rate, work_amount


def test_images_at_once_are_no_amount_of_work():
    assert work_amount("is 3 renders at once too much for a 4060?") is None
    assert work_amount("2 pictures in one batch with flux") is None
    assert work_amount("I need 300 renders for a catalogue").quantity == 300


def test_speed_words_with_a_model_name_between():
    assert asks_rate("how many seconds per flux dev image on a 4090?")
    assert asks_rate("queries per second a cross-encoder handles on a T4")
    assert not asks_rate("how much memory for one image with flux?")
