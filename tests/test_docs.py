"""The README documents every setting and every command that `ties --help` lists."""

from __future__ import annotations

import re

from api.settings import Settings
from tests.conftest import ROOT, run_ties

README = (ROOT / "README.md").read_text()


def test_every_setting_is_in_the_readme() -> None:
    for name in Settings.model_fields:
        assert f"`TIES_{name.upper()}`" in README, f"TIES_{name.upper()} is not documented"


def test_readme_settings_are_real() -> None:
    documented = set(re.findall(r"^\| `TIES_([A-Z_]+)`", README, re.M))
    assert documented == {name.upper() for name in Settings.model_fields}


def test_every_command_in_help_is_in_the_readme() -> None:
    help_text = run_ties("--help").stdout
    section = help_text.split("Commands", 1)[1]
    commands = re.findall(r"^[│ ] ?(\w+)\s{2,}\S", section, re.M)
    assert commands, help_text
    for command in commands:
        assert f"`ties {command}" in README, f"ties {command} is not in the README"
