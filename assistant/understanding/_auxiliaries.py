"""The auxiliary verbs a yes/no question is asked with (pure): one list that understanding and the answer's verdict
both build on ("can I…", "is 24 GB enough…", "does it fit…")."""

from __future__ import annotations

__all__ = ["AUXILIARIES", "MODALS"]

# the modal verbs a yes/no asks with, after its subject as well ("i can run it on two cards?", "any way it could fit?")
MODALS = r"can|could|will|would"
# the verbs a yes/no question opens with ("can…", "should…", "might…", "does…", "is…"): the modals and the rest;
# a reader that takes more (the past, the perfect: "did…", "has…") adds them beside these
AUXILIARIES = rf"{MODALS}|does|do|is|are|should|might|may"
