"""The command line: extract FILE... --format jsonl."""

from __future__ import annotations

import json

import pytest

from doingoai.figures.extraction.cli import main
from doingoai.figures.extraction.readers import DocumentError, read_document

ARTICLE = (
    "Hà Giang\n\n09:48, 01/02/2023\n\n"
    "BHG - Năm 2022, tỉnh ta đã ký mới được 12 thỏa thuận và tiếp tục triển khai 24 thỏa thuận "
    "hợp tác quốc tế.\n\nCùng chuyên mục\nCầu hữu nghị đã hoàn thành 60%, 111 điểm.\n"
)


def _lines(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines()]


def _minimal_pdf(text: str) -> bytes:
    """A one-page PDF showing ``text`` (ASCII) in Helvetica, with a correct xref table."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def test_it_prints_one_json_object_per_figure_and_line_without_ascii_escapes(tmp_path, capsys):
    path = tmp_path / "bao-ha-giang.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    assert main(["extract", str(path), "--format", "jsonl"]) == 0
    out = capsys.readouterr().out
    assert "thỏa thuận" in out
    figures = _lines(out)
    assert [(f["indicator"], f["value"], f["period"], f["place"], f["doc"]) for f in figures] == [
        ("agreements.signed", 12, "2022", "Hà Giang", "bao-ha-giang.txt"),
        ("agreements.implementing", 24, "2022", "Hà Giang", "bao-ha-giang.txt"),
    ]


def test_it_reads_html_and_skips_its_scripts_and_related_news(tmp_path, capsys):
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><title>Đối ngoại</title><script>var x = '5 đoàn';</script></head><body>"
        "<div>PublishingPortal - Block_BanTin_Toolbar</div><p>22/04/2021</p>"
        "<p>Trong 10 năm, tỉnh Bắc Kạn đã vận động thu hút được 25 tổ chức phi chính phủ nước "
        "ngoài, viện trợ 97 khoản với tổng giá trị 12,9 triệu USD.</p>"
        "<h3>Tin liên quan</h3><p>Năm 2020, tỉnh đã tổ chức 9 hội nghị quốc tế.</p></body></html>",
        encoding="utf-8",
    )
    assert main(["extract", str(path)]) == 0
    figures = _lines(capsys.readouterr().out)
    assert [(f["indicator"], f["value"], f["period"]) for f in figures] == [
        ("ngo.organisations", 25, "2011-2021"),
        ("ngo.projects", 97, "2011-2021"),
        ("ngo.amount_total", 12900000, "2011-2021"),
    ]


def test_it_reads_docx(tmp_path, capsys):
    import docx

    document = docx.Document()
    document.add_paragraph("Năm 2022, tỉnh Cao Bằng đã tổ chức 26 hội nghị, hội đàm trực tuyến.")
    path = tmp_path / "bao-cao.docx"
    document.save(str(path))
    assert main(["extract", str(path)]) == 0
    figures = _lines(capsys.readouterr().out)
    assert [(f["indicator"], f["value"], f["place"]) for f in figures] == [
        ("conferences.organised", 26, "Cao Bằng")
    ]


def test_it_reads_the_text_of_a_pdf(tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(_minimal_pdf("Report 2022: 26 conferences"))
    assert "26 conferences" in read_document(path)


def test_a_missing_file_is_reported_in_both_languages_and_the_others_still_run(tmp_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    status = main(["extract", str(tmp_path / "missing.txt"), str(good)])
    captured = capsys.readouterr()
    assert status == 1
    assert len(_lines(captured.out)) == 2
    error_lines = captured.err.strip().splitlines()
    assert len(error_lines) == 1
    assert "Lỗi" in error_lines[0] and "không tìm thấy" in error_lines[0]
    assert "Error" in error_lines[0] and "no such file" in error_lines[0]
    assert "missing.txt" in error_lines[0]


@pytest.mark.parametrize(
    ("name", "content", "english"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\n ", "empty"),
        ("latin1.txt", "Hà Giang đón 5 đoàn".encode("cp1258"), "not UTF-8"),
        ("broken.docx", b"not a zip file", "damaged"),
        ("broken.pdf", b"%PDF-1.4 garbage", "damaged"),
    ],
)
def test_an_empty_or_unreadable_file_fails_with_a_one_line_message(
    tmp_path, capsys, name, content, english
):
    path = tmp_path / name
    path.write_bytes(content)
    assert main(["extract", str(path)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert len(captured.err.strip().splitlines()) == 1
    assert english in captured.err and "Lỗi" in captured.err


def test_a_directory_is_not_a_document(tmp_path):
    with pytest.raises(DocumentError):
        read_document(tmp_path)


@pytest.mark.parametrize(
    "argv",
    [[], ["extract"], ["extract", "a.txt", "--format", "csv"], ["nonsense"],
     ["extract", "a.txt", "--date", "yesterday"]],
)  # fmt: skip
def test_a_usage_error_exits_with_status_2(argv, capsys):
    assert main(argv) == 2
    assert capsys.readouterr().err


def test_a_given_publication_date_resolves_relative_periods(tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text("Trong 5 năm, tỉnh Yên Bái đã ký kết 40 thỏa thuận.", encoding="utf-8")
    assert main(["extract", str(path), "--date", "2020-06-30"]) == 0
    assert _lines(capsys.readouterr().out)[0]["period"] == "2015-2020"
