"""A damaged upload gets a message its reader understands, in Vietnamese, never the name of
the exception a library raised ("(BadZipFile)"; issue 10, item 10)."""

import io
import re
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from doingoai.figures.models import SourceDocument
from doingoai.partners.models import Partner
from doingoai.partners.pages import partners

# What an exception class's name looks like in a message: BadZipFile, PdfReadError, KeyError.
CLASS_NAME = re.compile(r"\b[A-Z][a-z]+(?:[A-Z][a-z]+)*(?:Error|Exception|File)\b|BadZip")


def _zip_that_is_not_a_workbook() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "not a workbook")
    return buffer.getvalue()


def _message(response) -> str:
    from doingoai.testing import visible_text

    text = visible_text(response.content.decode())
    return text[text.index("\n", text.find("<main") + 1):] if "<main" in text else text


@pytest.mark.parametrize("name, data", [
    ("bai-viet.docx", b"not a zip file"),
    ("bai-viet.pdf", b"%PDF-1.4 garbage"),
])
def test_a_damaged_document_is_refused_in_vietnamese_without_an_exception_name(
    hg_client, name, data
):
    response = hg_client.post(reverse("figures:document-new"),
                              {"title": "Bài viết", "file": SimpleUploadedFile(name, data)})
    assert response.status_code == 400
    text = _message(response)
    assert "tệp hỏng hoặc không phải tệp" in text
    assert CLASS_NAME.search(text) is None, CLASS_NAME.search(text)
    assert not SourceDocument.objects.exists()


def test_a_zip_that_is_not_a_workbook_is_refused_in_vietnamese_without_an_exception_name(
    hg_client
):
    file = SimpleUploadedFile("doi-tac.xlsx", _zip_that_is_not_a_workbook())
    response = hg_client.post(partners.reverse("import"), {"file": file})
    assert response.status_code == 400
    text = _message(response)
    assert "Không đọc được bảng tính" in text
    assert CLASS_NAME.search(text) is None, CLASS_NAME.search(text)
    assert not Partner.all_objects.exists()
