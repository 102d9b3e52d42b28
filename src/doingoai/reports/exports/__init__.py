"""The report's exports: JSON and CSV of the figures (exports.data), DOCX in the layout of
Decree 30/2020/NĐ-CP (exports.word), XLSX (exports.excel) and PDF (exports.pdf).
Every export reads the same ``Report`` and the same rows (exports.tables)."""

CONTENT_TYPES = {
    "json": "application/json; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}
FORMATS = tuple(CONTENT_TYPES)


def render(report, fmt: str, lang: str = "vi", **options) -> bytes:
    """The report in ``fmt`` as bytes."""
    if fmt == "json":
        from doingoai.reports.exports.data import as_json

        return as_json(report, lang).encode("utf-8")
    if fmt == "csv":
        from doingoai.reports.exports.data import as_csv

        return as_csv(report, lang).encode("utf-8")
    if fmt == "docx":
        from doingoai.reports.exports.word import as_docx

        return as_docx(report, lang, **options)
    if fmt == "xlsx":
        from doingoai.reports.exports.excel import as_xlsx

        return as_xlsx(report, lang)
    if fmt == "pdf":
        from doingoai.reports.exports.pdf import as_pdf

        return as_pdf(report, lang, **options)
    raise ValueError(fmt)


def file_name(report, fmt: str) -> str:
    from doingoai.lib.text import fold

    place = "-".join(fold(p.name).replace(" ", "-") for p in report.places)
    period = report.period.label.replace("/", "_")
    return f"bao-cao-doi-ngoai-{place}-{period}.{fmt}"
