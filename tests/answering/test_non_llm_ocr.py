"""OCR engines: PP-OCR's sourced figure answers whether a card holds it, an OCR engine not on record goes by it
(labelled), and PaddleOCR-VL, a vision-language model, keeps its own much larger figure. Phrasings of our own, in
no evaluation set."""

from __future__ import annotations


def test_paddleocr_on_a_tiny_card_gets_a_verdict(assistant):
    reply = assistant.ask("does paddle ocr fit a 2gb quadro for invoice scanning?")
    assert reply.text.startswith("**Yes**") and reply.memory_gb == 1.0


def test_an_ocr_engine_not_on_record_goes_by_paddleocr(assistant):
    reply = assistant.ask("[ScanWiz OCR] would a 4gb gpu be enough for it?")
    assert reply.text.startswith("**Yes**, going by the figures of PaddleOCR")


def test_the_vision_language_parser_is_not_the_small_ocr(assistant):
    reply = assistant.ask("vram needed for paddleocr-vl on one page?")
    assert reply.memory_gb == 9.0


def test_a_non_ocr_vision_question_is_not_answered_from_ocr(assistant):
    reply = assistant.ask("how much vram to run a depth estimation model on 4k photos?")
    assert "PaddleOCR" not in reply.text
