"""The README's quick start on a fresh clone: nothing exists yet but the code."""

import os
import subprocess
import sys

OPEN_THE_DATABASE = (
    "from django.db import connection; connection.ensure_connection(); print('opened')"
)


def test_the_first_command_opens_the_embedded_database_when_its_folder_does_not_exist(tmp_path):
    var_dir = tmp_path / "fresh-clone" / "var"  # git-ignored, so absent on a fresh clone
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    env["DOINGOAI_VAR_DIR"] = str(var_dir)
    result = subprocess.run(
        [sys.executable, "-m", "doingoai.cli", "shell", "-c", OPEN_THE_DATABASE],
        env=env, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "opened" in result.stdout
    assert (var_dir / "doingoai.sqlite3").exists()
