"""Labelled stand-in data for the front-end tests (see tests/frontends/conftest.py for why)."""

# Markdown shaped like the answering layer's details: a table, bullets and a tilde that must not strike
# anything through. The marker words appear nowhere in a real answer.
STAND_IN_DETAILS = (
    "**Memory breakdown (stand-in details)**\n\n"
    "| part | memory |\n| --- | --- |\n| weights | 16.1 GB |\n| KV cache | 1.1 GB |\n\n"
    "- Assumed context ~8k tokens, one sequence\n"
    "- Marker: ZEBRA-DETAILS-7"
)
DETAILS_MARKER = "ZEBRA-DETAILS-7"
