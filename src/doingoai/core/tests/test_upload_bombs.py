"""Every reader of an uploaded container bounds what it expands: each crafted bomb is refused
with a Vietnamese message, read in a process of its own whose peak memory is measured (the
process's address space is capped, so a reader without bounds fails fast, not the machine)."""

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from doingoai.core import spreadsheets
from doingoai.core.tests import bombs
from doingoai.lib.uploads import UploadRefused, check_zip_container

# The reader process (Django and every app imported) takes about 80 MB before a file is
# read, and at most about 110 MB after refusing a bomb; the bombs took 480 MB to 1.2 GB
# before their bounds.
PEAK_MB = 250
# What reading a refused bomb may add to the process after Django's setup.
GROWTH_MB = 120


def read_in_a_process(kind: str, path: Path, language: str = "vi") -> dict:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "doingoai.settings",
           "PYTHONPATH": os.pathsep.join(sys.path)}
    result = subprocess.run(
        [sys.executable, "-m", "doingoai.core.tests.bombs", kind, str(path), "1536", language],
        capture_output=True, text=True, env=env, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize(
    ("kind", "make", "vietnamese"),
    [
        ("docx", lambda path: bombs.docx_bomb(path, 200), "Khi giải nén, tệp sẽ chiếm"),
        ("docx", bombs.docx_of_many_members, "thành phần; chỉ nhận tối đa 1000"),
        ("pdf", bombs.pdf_of_many_pages, "Tệp có 2000 trang; chỉ đọc được tối đa 500"),
        ("xlsx", lambda path: bombs.xlsx_bomb(path, "rows"), "Trang tính trải trên 1048576 dòng"),
        ("xlsx", lambda path: bombs.xlsx_bomb(path, "dimension"),
         "Trang tính trải trên 1048576 dòng"),
        ("xlsx", lambda path: bombs.xlsx_bomb(path, "strings"), "Khi giải nén, tệp sẽ chiếm"),
        ("backup", bombs.zip_bomb, "bom zip"),
        ("iati", lambda path: bombs.iati_with_huge_text(path, 60),
         "Một hoạt động trong tệp lớn hơn 20 MB"),
    ],
    ids=["docx-bomb", "docx-many-parts", "pdf-many-pages", "xlsx-empty-rows",
         "xlsx-huge-dimension", "xlsx-huge-shared-strings", "backup-bomb", "iati-huge-text"],
)
def test_it_refuses_a_bomb_in_vietnamese_with_bounded_memory(tmp_path, kind, make, vietnamese):
    path = tmp_path / f"bomb.{kind}"
    make(path)
    outcome = read_in_a_process(kind, path)
    assert vietnamese in outcome["message"]
    assert outcome["peak_mb"] < PEAK_MB, outcome
    assert outcome["peak_mb"] - outcome["setup_mb"] < GROWTH_MB, outcome


def test_the_peak_it_measures_is_the_readers_own_not_the_test_runners(tmp_path):
    # Linux carries ru_maxrss over an exec from the forked parent: a runner of 500 MB made
    # every reader look 500 MB large on CI. The measure must not see the runner's size.
    ballast = bytearray(PEAK_MB * 1024 * 1024)
    for offset in range(0, len(ballast), 4096):
        ballast[offset] = 1
    path = tmp_path / "bomb.docx"
    bombs.docx_bomb(path, 60)
    outcome = read_in_a_process("docx", path)
    del ballast
    assert outcome["peak_mb"] < PEAK_MB, outcome


def test_it_gives_the_refusal_in_english_under_the_english_locale(tmp_path):
    path = tmp_path / "bomb.docx"
    bombs.docx_bomb(path, 60)
    outcome = read_in_a_process("docx", path, "en")
    assert "Unpacked, the file would take" in outcome["message"]


def test_it_checks_the_directory_without_moving_the_file(tmp_path):
    path = tmp_path / "small.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("a.txt", "Hà Giang " * 10)
    with open(path, "rb") as handle:
        check_zip_container(handle, max_total=1000, max_members=2, max_ratio=10)
        assert handle.tell() == 0
        with pytest.raises(UploadRefused):
            check_zip_container(handle, max_total=10, max_members=2, max_ratio=10)


def test_it_refuses_a_sheet_wider_than_an_import_can_hold(db):
    import io

    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.cell(row=1, column=1, value="Tên")
    workbook.active.cell(row=1, column=spreadsheets.MAX_COLUMNS + 1, value="x")
    buffer = io.BytesIO()
    workbook.save(buffer)
    upload = SimpleUploadedFile("wide.xlsx", buffer.getvalue())
    with translation.override("vi"), pytest.raises(spreadsheets.UploadError) as refused:
        spreadsheets.read_rows(upload, {})
    assert "cột; chỉ đọc được tối đa 200 cột" in str(refused.value)
