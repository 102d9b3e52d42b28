"""The list of documents finds a word inside a document's file (PDF, DOCX, text) without its
diacritics; another province's file stays out of reach; a file that cannot be read saves with
no text and its page says so."""

import io

import docx
import weasyprint
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from pypdf import PdfWriter

from doingoai.core.tests.factories import vi
from doingoai.correspondence.filetext import MAX_KEPT_CHARS, decode_text
from doingoai.correspondence.models import Document
from doingoai.correspondence.pages import documents
from doingoai.correspondence.tests.test_documents import form_data, make_document
from doingoai.testing import client_for

UNREADABLE = "The text of the file could not be read (a damaged, encrypted or scanned file): " \
             "the search does not find the words inside it."


def docx_bytes() -> bytes:
    document = docx.Document()
    document.add_paragraph("Kính gửi Sở Ngoại vụ tỉnh Tuyên Quang.")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Nội dung"
    table.rows[0].cells[1].text = "Chương trình hợp tác giáo dục với tỉnh Vân Nam"
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()


def pdf_bytes() -> bytes:
    return weasyprint.HTML(
        string="<p>Biên bản ghi nhớ về phòng chống buôn lậu qua biên giới</p>").write_pdf()


def listed(client, query: str) -> str:
    return client.get(documents.reverse("list"), {"q": query}).content.decode()


def upload(client, name: str, data: bytes, summary: str):
    response = client.post(documents.reverse("create"), {
        **form_data(summary=summary), "file": SimpleUploadedFile(name, data)})
    assert response.status_code == 302
    return Document.objects.get(summary=summary)


def test_a_docx_is_found_by_a_word_of_its_table_without_diacritics(hg_client, media_root):
    document = upload(hg_client, "cong-van.docx", docx_bytes(), "Công văn của Sở Giáo dục")
    assert "hợp tác giáo dục" in document.file_text
    assert "Công văn của Sở Giáo dục" in listed(hg_client, "hop tac giao duc")
    assert "Công văn của Sở Giáo dục" not in listed(hg_client, "hop tac y te")


def test_a_pdf_is_found_by_a_word_of_its_body_without_diacritics(hg_client, media_root):
    upload(hg_client, "bien-ban.pdf", pdf_bytes(), "Biên bản với Cục Hải quan")
    assert "Biên bản với Cục Hải quan" in listed(hg_client, "buon lau")


def test_another_provinces_user_does_not_find_the_documents_file(client, hg_client,
                                                                bk_specialist, media_root):
    upload(hg_client, "bien-ban.pdf", pdf_bytes(), "Biên bản với Cục Hải quan")
    assert "Biên bản với Cục Hải quan" not in listed(client_for(client, bk_specialist),
                                                     "buon lau")


def test_a_corrupt_pdf_saves_with_no_text_and_its_page_says_so(hg_client, media_root):
    document = upload(hg_client, "hong.pdf", b"%PDF-1.7\n1 0 obj << /Broken", "Tệp bị hỏng")
    assert (bool(document.file), document.file_text) == (True, "")
    page = hg_client.get(documents.reverse("detail", document.pk))
    assert page.status_code == 200
    assert vi(UNREADABLE) in page.content.decode()


def test_a_pdf_locked_by_a_password_saves_with_no_text(hg_client, media_root):
    writer = PdfWriter(clone_from=io.BytesIO(pdf_bytes()))
    writer.encrypt("mat-khau")
    locked = io.BytesIO()
    writer.write(locked)
    document = upload(hg_client, "mat.pdf", locked.getvalue(), "Tài liệu có mật khẩu")
    assert document.file_text == ""
    assert "Tài liệu có mật khẩu" not in listed(hg_client, "buon lau")


def test_a_readable_files_page_does_not_say_it_is_unreadable(hg_client, media_root):
    document = upload(hg_client, "bien-ban.pdf", pdf_bytes(), "Biên bản với Cục Hải quan")
    page = hg_client.get(documents.reverse("detail", document.pk)).content.decode()
    assert vi(UNREADABLE) not in page


def test_a_new_file_replaces_the_text_and_an_edit_without_one_keeps_it(ha_giang, media_root):
    document = make_document(ha_giang, file=ContentFile(pdf_bytes(), name="a.pdf"))
    assert "buôn lậu" in document.file_text
    document = Document.objects.get(pk=document.pk)
    document.summary = "Biên bản đã sửa"
    document.save()
    assert "buôn lậu" in document.file_text
    document.file = ContentFile(docx_bytes(), name="b.docx")
    document.save()
    assert "buôn lậu" not in document.file_text and "Vân Nam" in document.file_text
    document.file = None
    document.save()
    assert document.file_text == ""


def test_the_text_kept_is_bounded(ha_giang, media_root):
    long = "hợp tác " * (MAX_KEPT_CHARS // 4)
    document = make_document(ha_giang, file=ContentFile(long.encode(), name="dai.txt"))
    assert len(Document.objects.get(pk=document.pk).file_text) == MAX_KEPT_CHARS


def test_plain_text_in_the_old_windows_code_page_is_read():
    assert decode_text(b"H\xf5\xf2p t\xe1c") == "Hợp tác"  # ơ and a combining dot below
    assert decode_text("\ufeffHợp tác".encode()) == "Hợp tác"


def test_reindex_documents_fills_the_text_of_older_documents(ha_giang, hg_client, media_root):
    document = make_document(ha_giang, summary="Văn bản cũ",
                             file=ContentFile(pdf_bytes(), name="cu.pdf"))
    Document.objects.filter(pk=document.pk).update(file_text="", search_text="van ban cu")
    assert "Văn bản cũ" not in listed(hg_client, "buon lau")
    call_command("reindex_documents", stdout=io.StringIO())
    assert "Văn bản cũ" in listed(hg_client, "buon lau")
    assert Document.objects.get(pk=document.pk).version == document.version


def test_the_list_and_its_export_leave_the_files_text_in_the_database(hg_client, hg_specialist,
                                                                      media_root):
    upload(hg_client, "bien-ban.pdf", pdf_bytes(), "Biên bản với Cục Hải quan")
    deferred, _ = documents.queryset_for(hg_specialist).query.deferred_loading
    assert {"file_text", "search_text"} <= set(deferred)
    export = hg_client.get(documents.reverse("list"), {"q": "buon lau", "export": "csv"})
    assert export.status_code == 200
    text = b"".join(export.streaming_content if export.streaming
                    else [export.content]).decode("utf-8-sig")
    assert "Biên bản với Cục Hải quan" in text and "buôn lậu" not in text
