"""The Slack bot: Bolt app, Socket Mode or HTTP events, and Slack-flavoured formatting of replies.

Run it with ``gpu-assistant slack``; ``slack-manifest.yaml`` and docs/slack.md set it up.
"""

from ._bot import EVENTS_PATH, build_app, http_server, question_text, run

__all__ = ["EVENTS_PATH", "build_app", "http_server", "question_text", "run"]
