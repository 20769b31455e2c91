"""The knowledge base as package data: installed as ``assistant.corpus`` and read with importlib.resources."""
