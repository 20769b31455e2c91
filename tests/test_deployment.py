"""compose.yaml runs the commands the README documents, with settings that exist (docs/deployment.md)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import typer.main
import yaml

from assistant import Settings
from assistant.frontends.cli import app

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
DEPLOYMENT = (ROOT / "docs" / "deployment.md").read_text(encoding="utf-8")
COMPOSE = yaml.safe_load((ROOT / "compose.yaml").read_text(encoding="utf-8"))
SERVICES = COMPOSE["services"]
SETTINGS = {field.validation_alias.choices[0] for field in Settings.model_fields.values()}


def _commands(program: str) -> list[tuple[str, list[str]]]:
    return [(name, s["command"]) for name, s in SERVICES.items() if s.get("command", [None])[0] == program]


def test_the_stack_has_chroma_redis_web_and_slack():
    assert {"chroma", "redis", "web", "slack"} <= set(SERVICES)


@pytest.mark.parametrize(("service", "command"), _commands("gpu-assistant"))
def test_each_gpu_assistant_command_is_documented_and_parses(service, command):
    subcommand, options = command[1], [word for word in command[2:] if word.startswith("--")]
    documented = [line for line in README.splitlines() if re.search(rf"gpu-assistant {subcommand}\b", line)]
    assert documented, f"{service}: `gpu-assistant {subcommand}` is not in the README's commands"
    for option in options:
        assert any(option in line for line in documented), f"{service}: {option} is not documented"
        assert option in DEPLOYMENT or subcommand in ("index", "doctor")
    click_command = typer.main.get_command(app)
    click_command.make_context("gpu-assistant", list(command[1:]))  # raises on an unknown option


def test_the_chroma_and_redis_commands_are_the_documented_ones():
    ((_, chroma),) = _commands("chroma")
    assert " ".join(chroma[:3]) == "chroma run --path" and "chroma run --path" in README
    assert " ".join(chroma) in DEPLOYMENT
    ((_, redis),) = _commands("redis-server")
    assert " ".join(redis) in DEPLOYMENT


def test_every_setting_the_stack_passes_is_a_real_setting():
    for name, service in SERVICES.items():
        for variable in service.get("environment") or {}:
            assert variable in SETTINGS, f"{name}: {variable} is not a setting"


def test_the_replicas_share_chroma_and_redis():
    for name in ("web", "slack"):
        env = SERVICES[name]["environment"]
        assert env["CHROMA_HOST"] == "chroma" and env["ASSISTANT_CONVERSATIONS_URL"].startswith(
            "redis://redis"
        )


def test_the_image_default_command_is_a_documented_one():
    dockerfile = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    (cmd,) = [line for line in dockerfile.splitlines() if line.startswith("CMD ")]
    command = json.loads(cmd.removeprefix("CMD "))
    assert command[0] == "gpu-assistant"
    assert any(f"gpu-assistant {command[1]}" in line for line in README.splitlines())
    typer.main.get_command(app).make_context("gpu-assistant", list(command[1:]))


def test_published_ports_are_the_ports_the_commands_listen_on():
    web = SERVICES["web"]
    ui_port = int(web["environment"].get("ASSISTANT_UI_PORT", Settings.model_fields["ui_port"].default))
    assert [int(p) for p in web["ports"]] == [ui_port]
    slack = SERVICES["slack"]
    assert [int(p) for p in slack["ports"]] == [int(slack["command"][slack["command"].index("--port") + 1])]
    chroma = SERVICES["chroma"]["command"]
    assert int(chroma[chroma.index("--port") + 1]) == int(SERVICES["web"]["environment"]["CHROMA_PORT"])
    assert (
        SERVICES["web"]["environment"]["ASSISTANT_UI_HOST"] == "0.0.0.0"
    )  # reachable from outside the container
    assert slack["command"][slack["command"].index("--host") + 1] == "0.0.0.0"


def test_the_replicas_keep_feedback_with_the_conversations():
    from assistant import load_settings, open_feedback_store
    from assistant._feedback import RedisFeedback

    env = SERVICES["web"]["environment"]
    assert "ASSISTANT_FEEDBACK_FILE" not in env
    settings = load_settings(conversations_url=env["ASSISTANT_CONVERSATIONS_URL"], data_dir=ROOT / "nowhere")
    assert isinstance(
        open_feedback_store(settings), RedisFeedback
    )  # a client object; nothing is connected yet
