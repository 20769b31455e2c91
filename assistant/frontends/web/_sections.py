"""Guide sections for the side panel: a source's ``corpus/guides/<file>.md#<anchor>`` shown as its text."""

from __future__ import annotations

import threading

import gradio as gr

from ._chat import as_plain_text, no_strikethrough

__all__ = ["GuideSections", "section_panel"]

_MAX_OVERLAP = 400  # the index splits long sections into parts that overlap by up to 150 characters


def _join(parts: list[str]) -> str:
    """Parts of one section joined back together, each overlap with the part before it dropped."""
    text = parts[0] if parts else ""
    for part in parts[1:]:
        overlap = next(
            (n for n in range(min(len(text), len(part), _MAX_OVERLAP), 20, -1) if text.endswith(part[:n])), 0
        )
        text = text + ("" if overlap else "\n\n") + part[overlap:]
    return text


class GuideSections:
    """The text of every guide section, by the path its sources carry, read once from the corpus documents
    the index is built from (so the panel shows exactly what the answer drew on)."""

    def __init__(self, assistant):
        self._assistant = assistant
        self._lock = threading.Lock()
        self._sections: dict[str, tuple[str, str]] | None = None

    def _load(self) -> dict[str, tuple[str, str]]:
        with self._lock:
            if self._sections is None:
                parts: dict[str, tuple[str, list[str]]] = {}
                for doc in self._assistant.services.knowledge.documents():
                    meta = doc.metadata
                    if meta.get("kind") != "guide":
                        continue
                    title = meta.get("title", "")
                    body = doc.page_content.removeprefix(title).lstrip("\n")
                    parts.setdefault(meta.get("path", ""), (title, []))[1].append(body)
                self._sections = {path: (title, _join(bodies)) for path, (title, bodies) in parts.items()}
            return self._sections

    def get(self, path: str) -> tuple[str, str] | None:
        """(title, Markdown text) of the section at ``path``, or None when no guide section has that path."""
        return self._load().get((path or "").strip())

    def panel_markdown(self, path: str) -> str:
        """What the side panel shows for ``path``: the section's title, where it lives, and its text."""
        found = self.get(path)
        if found is None:
            return f"⚠️ No guide section is called `{as_plain_text(path[:200])}`."
        title, text = found
        return f"### {title}\n\n`{path}`\n\n{no_strikethrough(text)}"


def section_panel(sections: GuideSections):
    """The side panel (hidden until a guide source is clicked) and the hidden controls the page's script
    uses to open it. Returns (panel, text, open_section) where ``open_section(path)`` gives their updates."""
    with gr.Column(visible=False, elem_id="section-panel") as panel:
        close = gr.Button("Close ✕", size="sm", elem_id="section-close")
        text = gr.Markdown(elem_id="section-text")
    with gr.Row(elem_classes=["offscreen"]):
        path = gr.Textbox(elem_id="section-path", show_label=False, container=False)
        open_button = gr.Button("Open section", elem_id="section-open")

    def open_section(chosen: str):
        if not (chosen or "").strip():
            return gr.Column(visible=False), ""
        return gr.Column(visible=True), sections.panel_markdown(chosen)

    open_button.click(open_section, path, [panel, text], api_visibility="private")
    close.click(lambda: (gr.Column(visible=False), ""), None, [panel, path], api_visibility="private")
    return panel, text, open_section
