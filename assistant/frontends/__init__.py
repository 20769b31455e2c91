"""Front ends: thin translators between people and the Assistant (CLI, Gradio web app and JSON API, Slack)."""
