"""The README documents every management command and every setting read from the
environment (datasette's tests/test_docs.py): a new one fails here until it is documented."""

import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2]
README = PACKAGE.parents[1] / "README.md"
ENV_READ = re.compile(r"""\benv_(?:str|bool|int|list)\(\s*["']([A-Z][A-Z0-9_]*)["']""")


def _commands():
    return sorted(
        path.stem for path in PACKAGE.glob("*/management/commands/*.py")
        if not path.stem.startswith("_")
    )


def _settings():
    return sorted(set(ENV_READ.findall((PACKAGE / "settings.py").read_text("utf-8"))))


def _mentioned(name: str) -> bool:
    pattern = rf"(?<![\w-]){re.escape(name)}(?![\w-])"
    return re.search(pattern, README.read_text("utf-8")) is not None


def test_the_commands_and_settings_are_found():
    # Guards the two lists below against a moved folder or a renamed helper.
    assert "serve" in _commands()
    assert {"DATABASE_URL", "SECRET_KEY", "DEBUG"} <= set(_settings())


@pytest.mark.parametrize("command", _commands())
def test_every_management_command_is_in_the_readme(command):
    assert _mentioned(command), f"README.md does not mention the command {command!r}"


@pytest.mark.parametrize("name", _settings())
def test_every_environment_setting_is_in_the_readme(name):
    assert _mentioned(name), f"README.md does not mention the setting {name!r}"
