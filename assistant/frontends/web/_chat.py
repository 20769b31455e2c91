"""The Chat tab: streamed answers, collapsible sources, examples, new chat, thumbs up/down."""

import html
import logging
import re
import uuid
from collections.abc import Iterator, Sequence
from pathlib import Path

import gradio as gr

from assistant import InvalidQuestion, Source, append_feedback

__all__ = [
    "CONCURRENCY",
    "EXAMPLE_QUESTIONS",
    "FeedbackLog",
    "answer_stream",
    "as_plain_text",
    "chat_tab",
    "new_conversation_id",
    "no_strikethrough",
    "sources_block",
]

log = logging.getLogger(__name__)

EXAMPLE_QUESTIONS = (
    "How much memory do I need to serve Llama 3.1 70B in int4 for 8 users?",
    "Compare the H100 SXM and the A100 80GB",
    "What is the cheapest GPU that can run a 13B model for inference?",
    "Can I QLoRA fine-tune a 70B model on one 48 GB GPU?",
    "What is the difference between LoRA and QLoRA?",
)
CONCURRENCY = 4
_SOURCES_MARK = '\n\n<details class="sources">'
_SHOWN_QUESTION_CHARS = 600


def sources_block(sources: Sequence[Source]) -> str:
    """A collapsible HTML/Markdown 'Sources' block to append under an answer."""
    if not sources:
        return ""
    lines = []
    for i, source in enumerate(sources, start=1):
        line = f"{i}. **{html.escape(source.title)}** — `{source.path}`"
        if source.snippet:
            line += f"<br><small>{html.escape(source.snippet)}</small>"
        lines.append(line)
    items = "\n".join(lines)
    return f"{_SOURCES_MARK}<summary>Sources ({len(sources)})</summary>\n\n{items}\n\n</details>"


_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>])")
_CODE_SPAN = re.compile(r"(`[^`]*`)")


def as_plain_text(text: str) -> str:
    """User text shown as typed: no HTML (``<img>``, ``<form>``, ``<script>``), no Markdown (images, links)
    and no autolinks (``:`` and ``@`` as character references, so no URL or address is recognised)."""
    escaped = _MARKDOWN_SPECIALS.sub(r"\\\1", html.escape(text, quote=False))
    return escaped.replace(":", "&#58;").replace("@", "&#64;")


def no_strikethrough(markdown: str) -> str:
    """Our Markdown with every tilde outside code spans escaped, so '~0.35 … ~2' never strikes prices through."""
    parts = _CODE_SPAN.split(markdown)
    return "".join(part if i % 2 else part.replace("~", "\\~") for i, part in enumerate(parts))


def _answer_events(assistant, question: str, conversation_id: str | None) -> Iterator[tuple[str, str]]:
    """(Markdown so far, state) with state 'streaming', 'done', 'refused' or 'error'."""
    try:
        reply, chunks = assistant.ask_streaming(question, conversation_id)
    except InvalidQuestion as exc:
        yield f"⚠️ {exc}", "refused"
        return
    except Exception:
        log.exception("could not answer a question of %d characters", len(question))
        yield "⚠️ Sorry, something went wrong while preparing the answer. Please try again.", "error"
        return
    text = ""
    try:
        for chunk in chunks:
            text += chunk
            yield no_strikethrough(text), "streaming"
    except Exception:
        log.exception("answer stream failed for a question of %d characters", len(question))
        yield (
            no_strikethrough(text) + "\n\n⚠️ Sorry, the answer was cut short by an error. Please try again.",
            "error",
        )
        return
    yield no_strikethrough(text.rstrip()) + sources_block(reply.sources), "done"


def answer_stream(assistant, question: str, conversation_id: str | None) -> Iterator[str]:
    """The growing answer Markdown: streamed text, then a collapsible sources block; errors as friendly text."""
    for text, _ in _answer_events(assistant, question, conversation_id):
        yield text


def _text_of(content) -> str:
    """The plain text of a chatbot message's content, whatever shape Gradio hands it in."""
    if isinstance(content, dict):
        if "content" in content:
            return _text_of(content["content"])
        return str(content.get("text", ""))
    if isinstance(content, list | tuple):
        return "".join(_text_of(part) for part in content)
    return "" if content is None else str(content)


class FeedbackLog:
    """Thumbs up/down recorded in the feedback store (a path: JSON lines in that file, one writer at a time)."""

    def __init__(self, where):
        self.store = where if hasattr(where, "append") else None
        self.path = Path(where) if self.store is None else getattr(where, "path", None)

    def record(self, question: str, answer: str, vote: str, conversation_id: str | None = None) -> dict:
        """Append one vote and return the record written."""
        if self.store is not None:
            return self.store.append(
                question=question, answer=answer, vote=vote, source="web", conversation_id=conversation_id
            )
        return append_feedback(
            self.path,
            question=question,
            answer=answer,
            vote=vote,
            source="web",
            conversation_id=conversation_id,
        )

    def record_like(self, history: list, index, liked, conversation_id: str | None = None) -> dict | None:
        """Record a Chatbot like/dislike on message ``index`` of ``history`` with the question before it."""
        if isinstance(index, list | tuple):
            index = index[0]
        if not isinstance(index, int) or not 0 <= index < len(history):
            return None
        answer = _text_of(history[index]).split(_SOURCES_MARK, 1)[0].strip()
        question = next(
            (
                _text_of(m)
                for m in reversed(history[:index])
                if isinstance(m, dict) and m.get("role") == "user"
            ),
            "",
        )
        vote = "up" if liked is True else "down" if liked is False else str(liked)
        return self.record(question, answer, vote, conversation_id)


def new_conversation_id() -> str:
    return uuid.uuid4().hex


def chat_tab(assistant, feedback: FeedbackLog) -> gr.State:
    """The Chat tab: streamed answers with sources, examples, new chat and feedback; returns the session id state."""
    conversation = gr.State(None)
    chatbot = gr.Chatbot(
        label="gpu-assistant",
        height=560,
        elem_id="chatbot",
        buttons=["copy"],
        placeholder="Ask which GPU or accelerator to use for training, fine-tuning or serving a model.",
    )
    with gr.Row():
        message = gr.Textbox(
            placeholder="e.g. Which GPU should I use to fine-tune a 7B model?",
            show_label=False,
            scale=6,
            max_lines=6,
            elem_id="question",
            autofocus=True,
        )
        send = gr.Button("Send", variant="primary", scale=1, elem_id="send")
        new_chat = gr.Button("New chat", scale=1, elem_id="new-chat")
    examples = gr.Dataset(
        components=[message],
        samples=[[q] for q in EXAMPLE_QUESTIONS],
        label="Example questions (click to ask)",
        elem_id="examples",
    )

    given = gr.State(None)  # history index -> the answer this server gave there (only those get votes)
    votes = gr.State(None)  # history index -> the vote last recorded for it (one per answer, changeable)

    def respond(question, history, conversation_id, answers):
        history = list(history or [])
        answers = dict(answers or {})
        question = question if isinstance(question, str) else ""
        if question.strip():
            shown = question.strip()
            if len(shown) > _SHOWN_QUESTION_CHARS:
                shown = shown[:_SHOWN_QUESTION_CHARS] + "…"
            history.append({"role": "user", "content": as_plain_text(shown)})
            yield history, "", answers
        answering = False
        for text, state in _answer_events(assistant, question, conversation_id):
            if not answering:
                history.append({"role": "assistant", "content": text})
                answering = True
            else:
                history[-1] = {"role": "assistant", "content": text}
            if state == "done":
                answer = text.split(_SOURCES_MARK, 1)[0].strip()
                answers[len(history) - 1] = {"question": question.strip(), "answer": answer}
            # a refused question stays in the box, beside the reason, to be shortened or fixed
            yield history, question if state == "refused" else "", answers

    def ask_example(sample, history, conversation_id, answers):
        question = sample[0] if isinstance(sample, list | tuple) and sample else str(sample or "")
        yield from respond(question, history, conversation_id, answers)

    def start_over(conversation_id):
        if conversation_id:
            assistant.forget(conversation_id)
        return [], "", new_conversation_id(), {}, {}

    def on_like(answers, recorded, conversation_id, data: gr.LikeData):
        recorded = dict(recorded or {})
        index = data.index[0] if isinstance(data.index, list | tuple) else data.index
        entry = (answers or {}).get(index)
        if entry is None:  # an error message, or an answer this session was never given: no vote
            return recorded
        vote = "up" if data.liked is True else "down" if data.liked is False else "none"
        if recorded.get(index) != vote:
            feedback.record(entry["question"], entry["answer"], vote, conversation_id)
            recorded[index] = vote
        return recorded

    chat_io = {"inputs": [message, chatbot, conversation, given], "outputs": [chatbot, message, given]}
    message.submit(respond, **chat_io, api_visibility="private", concurrency_id="chat")
    send.click(respond, **chat_io, api_visibility="private", concurrency_id="chat")
    examples.click(
        ask_example,
        inputs=[examples, chatbot, conversation, given],
        outputs=[chatbot, message, given],
        api_visibility="private",
        concurrency_id="chat",
    )
    reset = [chatbot, message, conversation, given, votes]
    new_chat.click(start_over, [conversation], reset, api_visibility="private")
    chatbot.clear(start_over, [conversation], reset, api_visibility="private")
    chatbot.like(on_like, [given, votes, conversation], votes, api_visibility="private")
    return conversation
