"""Test support: stand-ins for services that cannot run here (hosted LLMs, Slack's servers), labelled as such."""
