"""Settings: typed, documented, read from the environment in a function (never at import)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from assistant import Settings, load_settings

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def test_every_setting_has_a_description_and_is_in_the_readme():
    for name, field in Settings.model_fields.items():
        assert field.description, name
        env = field.validation_alias.choices[0]
        assert f"`{env}`" in README or f"{env}`" in README or env in README, f"{env} missing from README"


def test_settings_come_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("CHROMA_HOST", "chroma.local")
    settings = load_settings()
    assert settings.data_dir == tmp_path and settings.chroma_host == "chroma.local"
    assert settings.feedback_path == tmp_path / "feedback.jsonl"


def test_bad_llm_setting_is_a_clear_error(monkeypatch):
    monkeypatch.setenv("ASSISTANT_LLM", "gpt4")
    with pytest.raises(ValidationError, match="openai:<model>"):
        load_settings()


def test_default_data_dir_is_the_users_data_directory_not_the_cwd(monkeypatch, tmp_path):
    monkeypatch.delenv("ASSISTANT_DATA_DIR", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.chdir(tmp_path)
    settings = load_settings()
    assert settings.data_dir.is_absolute()
    assert settings.data_dir == tmp_path / "xdg" / "gpu-assistant"
    monkeypatch.chdir(tmp_path / "..")
    assert load_settings().data_dir == settings.data_dir  # the same wherever you stand
