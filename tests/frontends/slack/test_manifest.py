"""The Slack app manifest and docs/slack.md agree with what the bot listens to and needs."""

from __future__ import annotations

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[3]


def test_manifest_declares_what_the_bot_uses():
    manifest = yaml.safe_load((ROOT / "slack-manifest.yaml").read_text())
    features, settings = manifest["features"], manifest["settings"]
    assert features["bot_user"]["display_name"]
    assert [c["command"] for c in features["slash_commands"]] == ["/gpu"]
    assert (
        features["app_home"]["messages_tab_enabled"]
        and not features["app_home"]["messages_tab_read_only_enabled"]
    )
    assert set(manifest["oauth_config"]["scopes"]["bot"]) == {
        "app_mentions:read",
        "chat:write",
        "commands",
        "im:history",
        "im:read",
    }
    assert set(settings["event_subscriptions"]["bot_events"]) == {"app_mention", "message.im"}
    assert settings["interactivity"]["is_enabled"] is True
    assert settings["socket_mode_enabled"] is True


def test_docs_name_every_slack_setting_and_both_modes():
    docs = (ROOT / "docs" / "slack.md").read_text()
    for name in ("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_API_URL"):
        assert f"`{name}`" in docs
    for text in ("slack-manifest.yaml", "gpu-assistant slack", "--http --port 3000", "/slack/events", "/gpu"):
        assert text in docs
