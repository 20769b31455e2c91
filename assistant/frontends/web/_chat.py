"""The Chat tab: streamed answers, a folded 'Details' part, linked sources, examples, new chat, share, votes."""

import html
import logging
import re
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import gradio as gr

from assistant import InvalidQuestion, Source, append_feedback

from .._markdown import is_guide_section, source_url
from ._links import chat_link

__all__ = [
    "ABSOLUTE_LINK_JS",
    "CONCURRENCY",
    "EXAMPLE_QUESTIONS",
    "ChatTab",
    "FeedbackLog",
    "answer_only",
    "answer_stream",
    "as_plain_text",
    "chat_tab",
    "details_block",
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
_DETAILS_MARK = '\n\n<details class="answer-details">'
_FOLDS = re.compile(r"\n\n<details class=\"(?:answer-details|sources)\">")
_SHOWN_QUESTION_CHARS = 600


def sources_block(sources: Sequence[Source]) -> str:
    """A collapsible 'Sources' block to append under an answer: datasheets as links, guide sections as links
    that open the section in the side panel (``?section=<path>`` also opens it when the page loads)."""
    if not sources:
        return ""
    lines = []
    for i, source in enumerate(sources, start=1):
        title = html.escape(source.title)
        if is_guide_section(source):
            href = "?section=" + quote(source.path, safe="/")
            title = f'<a class="guide-link" href="{html.escape(href)}">{title}</a>'
        line = f"{i}. **{title}** — `{source.path}`"
        url = source_url(source)
        if url:
            label = "datasheet" if source.path.startswith("corpus/gpus.yaml") else "source"
            line += f' — <a class="source-link" href="{html.escape(url)}" target="_blank" rel="noopener">{label}</a>'
        if source.snippet:
            line += f"<br><small>{html.escape(source.snippet)}</small>"
        lines.append(line)
    items = "\n".join(lines)
    return f"{_SOURCES_MARK}<summary>Sources ({len(sources)})</summary>\n\n{items}\n\n</details>"


def details_block(details: str) -> str:
    """The reply's details (breakdown, assumptions, alternatives) folded under a closed 'Details' summary;
    '' when there are none, so no empty fold is drawn."""
    details = (details or "").strip()
    if not details:
        return ""
    return f"{_DETAILS_MARK}<summary>Details</summary>\n\n{no_strikethrough(details)}\n\n</details>"


def answer_only(shown: str) -> str:
    """The answer text of a chat message, without its Details and Sources folds (what a vote records)."""
    return _FOLDS.split(shown, maxsplit=1)[0].strip()


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
    yield (
        no_strikethrough(text.rstrip()) + details_block(reply.details) + sources_block(reply.sources),
        "done",
    )


def answer_stream(assistant, question: str, conversation_id: str | None) -> Iterator[str]:
    """The growing answer Markdown: streamed text, then folded details and sources; errors as friendly text."""
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
        answer = answer_only(_text_of(history[index]))
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


@dataclass
class ChatTab:
    """The Chat tab's parts that the page wires to links: the session id, the chat, and how to ask."""

    conversation: gr.State
    chatbot: gr.Chatbot
    message: gr.Textbox
    given: gr.State
    respond: Callable


def chat_tab(assistant, feedback: FeedbackLog) -> ChatTab:
    """The Chat tab: streamed answers with details and sources, examples, new chat, share and feedback."""
    conversation = gr.State(None)
    chatbot = gr.Chatbot(
        label="gpu-assistant",
        height=560,
        elem_id="chatbot",
        buttons=["copy"],
        autoscroll=False,  # the page's script shows a new answer from its first line instead (_page.py)
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
        share = gr.Button("Share", scale=1, elem_id="share-chat")
    share_link = gr.Textbox(
        label="Share link: opens the app and asks this conversation's first question",
        visible=False,
        buttons=["copy"],
        interactive=False,
        elem_id="share-link",
    )
    examples = gr.Dataset(
        components=[message],
        samples=[[q] for q in EXAMPLE_QUESTIONS],
        label="Example questions (click to ask)",
        elem_id="examples",
    )

    given = gr.State(None)  # history index -> the answer this server gave there (only those get votes)
    votes = gr.State(None)  # history index -> the vote last recorded for it (one per answer, changeable)

    def respond(question, history, conversation_id, answers):
        # The session's conversation id is made with its first question, so a question asked before the
        # page has finished loading still starts the conversation its follow-ups continue.
        conversation_id = conversation_id or new_conversation_id()
        history = list(history or [])
        answers = dict(answers or {})
        question = question if isinstance(question, str) else ""
        if question.strip():
            shown = question.strip()
            if len(shown) > _SHOWN_QUESTION_CHARS:
                shown = shown[:_SHOWN_QUESTION_CHARS] + "…"
            history.append({"role": "user", "content": as_plain_text(shown)})
            yield history, "", answers, conversation_id
        answering = False
        for text, state in _answer_events(assistant, question, conversation_id):
            if not answering:
                history.append({"role": "assistant", "content": text})
                answering = True
            else:
                history[-1] = {"role": "assistant", "content": text}
            if state == "done":
                answer = answer_only(text)
                answers[len(history) - 1] = {"question": question.strip(), "answer": answer}
            # a refused question stays in the box, beside the reason, to be shortened or fixed
            yield history, question if state == "refused" else "", answers, conversation_id

    def ask_example(sample, history, conversation_id, answers):
        question = sample[0] if isinstance(sample, list | tuple) and sample else str(sample or "")
        yield from respond(question, history, conversation_id, answers)

    def start_over(conversation_id):
        if conversation_id:
            assistant.forget(conversation_id)
        return [], "", new_conversation_id(), {}, {}, gr.Textbox(value="", visible=False)

    def share_first_question(answers):
        answers = answers or {}
        if not answers:
            return gr.Textbox(value="Ask a question first; the link then asks it again.", visible=True)
        first = answers[min(answers)]["question"]
        return gr.Textbox(value=chat_link(first), visible=True)

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

    chat_io = {
        "inputs": [message, chatbot, conversation, given],
        "outputs": [chatbot, message, given, conversation],
    }
    message.submit(respond, **chat_io, api_visibility="private", concurrency_id="chat")
    send.click(respond, **chat_io, api_visibility="private", concurrency_id="chat")
    examples.click(
        ask_example,
        inputs=[examples, chatbot, conversation, given],
        outputs=[chatbot, message, given, conversation],
        api_visibility="private",
        concurrency_id="chat",
    )
    reset = [chatbot, message, conversation, given, votes, share_link]
    new_chat.click(start_over, [conversation], reset, api_visibility="private")
    chatbot.clear(start_over, [conversation], reset, api_visibility="private")
    chatbot.like(on_like, [given, votes, conversation], votes, api_visibility="private")
    share.click(share_first_question, given, share_link, api_visibility="private").then(
        None, share_link, share_link, js=ABSOLUTE_LINK_JS
    )
    return ChatTab(conversation, chatbot, message, given, respond)


# The server builds the query string; the browser knows the address the reader sees (proxies included).
ABSOLUTE_LINK_JS = (
    "(link) => link && link.startsWith('?') ? window.location.origin + window.location.pathname + link : link"
)
