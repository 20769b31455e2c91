"""Answering: the intent handlers, the facts they gather, the offline composer, the optional LLM writer,
the number check and the sources of a reply."""
