"""XLSX templates and uploads for every record type, with one mechanism.

The template has the fields' labels (in the active language) in its first row, the field
names in a hidden second row (so that the upload maps its columns whatever the headers say),
drop-down lists for choices, yes/no and foreign keys (their options on a hidden sheet), and
dd/mm/yyyy dates. A many-to-many field takes several values separated by ";". Child rows
edited inline on the record's form (delegation members, aid transactions...) and files are
not part of the template.

The upload checks every row with the record type's own form (the same one as the create page,
so the choices are narrowed to what the user may read) before writing anything; it writes
nothing unless every row is good or the user asked for the good rows only, and then writes in
one transaction.
"""

import datetime as dt
import io
import re
import zipfile
from types import SimpleNamespace

from django import forms
from django.contrib import messages
from django.db import transaction
from django.http import HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils.datastructures import MultiValueDict
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from doingoai.accounts.scope import home_province
from doingoai.core.access import require_writer
from doingoai.core.models import OwnedRecord

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_ROWS = 5000
MAX_OPTIONS = 5000
FORMATTED_ROWS = 500  # rows of the template given the date format in advance
FIRST_DATA_ROW = 3
LISTS_SHEET = "Lists"
SEPARATOR = ";"
_PK_IN_BRACKETS = re.compile(r"\[#(\d+)\]\s*$")


# --- the record type's form, reused ------------------------------------------------------
def _form(rt, user, data=None):
    """The create page's form (``RecordType.build_form``), bound to ``data`` when given."""
    if data is None:
        fake = SimpleNamespace(method="GET", GET=QueryDict(), POST=QueryDict(),
                               FILES=MultiValueDict(), user=user)
    else:
        fake = SimpleNamespace(method="POST", GET=QueryDict(), POST=data,
                               FILES=MultiValueDict(), user=user)
    return rt.build_form(fake)


def columns(rt, form) -> list[str]:
    """The fields a spreadsheet carries: the form's, files left out."""
    return [name for name, formfield in form.fields.items()
            if not isinstance(formfield, forms.FileField)]


def option_label(obj) -> str:
    """How a row of another table reads in a cell: ``JP — Nhật Bản`` for reference data
    (its code first), ``JICA — Cơ quan hợp tác quốc tế Nhật Bản [#12]`` for a record."""
    if isinstance(obj, OwnedRecord):
        return f"{obj} [#{obj.pk}]"
    text = str(obj)
    return text if text.startswith(str(obj.pk)) else f"{obj.pk} — {text}"


def options(formfield) -> list[tuple[str, str]]:
    """(label shown in the cell, value given to the form) for a field with a closed list."""
    if isinstance(formfield, forms.ModelChoiceField):
        return [(option_label(obj), str(obj.pk))
                for obj in formfield.queryset[:MAX_OPTIONS]]
    if isinstance(formfield, forms.BooleanField):
        return [(str(_("yes")), "on"), (str(_("no")), "")]
    if isinstance(formfield, forms.ChoiceField):
        return [(str(label), str(value)) for value, label in formfield.choices if value != ""]
    return []


def _is_multiple(formfield) -> bool:
    return isinstance(formfield, (forms.MultipleChoiceField, forms.ModelMultipleChoiceField))


def _is_date(formfield) -> bool:
    return isinstance(formfield, forms.DateField) and not isinstance(formfield, forms.DateTimeField)


# --- the template ----------------------------------------------------------------------
def template_workbook(rt, user) -> bytes:
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter, quote_sheetname
    from openpyxl.worksheet.datavalidation import DataValidation

    form = _form(rt, user)
    names = columns(rt, form)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = str(capfirst(rt.verbose_name_plural))[:31]
    lists = workbook.create_sheet(LISTS_SHEET)
    lists.sheet_state = "hidden"
    sheet.append([str(capfirst(form.fields[name].label or name)) for name in names])
    sheet.append(names)
    sheet.row_dimensions[2].hidden = True
    sheet.freeze_panes = "A3"
    last_row = FIRST_DATA_ROW + FORMATTED_ROWS - 1
    list_column = 0
    for index, name in enumerate(names, start=1):
        formfield = form.fields[name]
        letter = get_column_letter(index)
        header = sheet.cell(row=1, column=index)
        header.font = Font(bold=True)
        sheet.column_dimensions[letter].width = max(14, min(40, len(str(header.value)) + 4))
        cells = f"{letter}{FIRST_DATA_ROW}:{letter}{last_row}"
        if _is_date(formfield):
            for row in range(FIRST_DATA_ROW, last_row + 1):
                sheet.cell(row=row, column=index).number_format = "DD/MM/YYYY"
            header.comment = Comment(_("Date as dd/mm/yyyy."), "doingoai")
            continue
        choices = options(formfield)
        if not choices:
            continue
        list_column += 1
        list_letter = get_column_letter(list_column)
        lists.cell(row=1, column=list_column, value=name)
        for row, (label, _value) in enumerate(choices, start=2):
            lists.cell(row=row, column=list_column, value=label)
        source = (f"{quote_sheetname(LISTS_SHEET)}!${list_letter}$2:"
                  f"${list_letter}${len(choices) + 1}")
        if _is_multiple(formfield):
            # A list cannot hold several values: the options are on the Lists sheet.
            header.comment = Comment(
                _("Several values separated by “;” (codes, or the options on the sheet "
                  "“%(sheet)s”).") % {"sheet": LISTS_SHEET}, "doingoai")
            continue
        validation = DataValidation(type="list", formula1=f"={source}", allow_blank=True)
        validation.error = _("Choose a value from the list.")
        validation.errorTitle = _("Invalid value")
        validation.showErrorMessage = True
        sheet.add_data_validation(validation)
        validation.add(cells)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def template_response(rt, request):
    response = HttpResponse(template_workbook(rt, request.user), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{rt.slug}s-template.xlsx"'
    return response


# --- reading an upload -----------------------------------------------------------------
class UploadError(Exception):
    """The file as a whole cannot be read: nothing is imported."""


def read_rows(upload):
    """(line number, {field name: cell value}) for each non-empty row of the first sheet."""
    from openpyxl import load_workbook

    if upload.size > MAX_UPLOAD_BYTES:
        raise UploadError(_("The file is larger than %(size)d MB.")
                          % {"size": MAX_UPLOAD_BYTES // (1024 * 1024)})
    upload.seek(0)
    if not zipfile.is_zipfile(upload):
        raise UploadError(_("This is not an XLSX workbook. Download the template, fill it in "
                            "and upload it as .xlsx."))
    upload.seek(0)
    try:
        workbook = load_workbook(upload, read_only=True, data_only=True)
    except Exception as error:  # a damaged or mislabeled file: openpyxl raises many kinds
        # Never the exception's class name (BadZipFile, KeyError): it means nothing to the
        # reader. It stays chained for the log.
        raise UploadError(_("The workbook cannot be read: the file is damaged or is not an "
                            "XLSX workbook. Download the template, fill it in and upload it "
                            "as .xlsx.")) from error
    try:
        sheet = workbook.worksheets[0]
        rows = sheet.iter_rows(values_only=True)
        headers = next(rows, None)
        names = next(rows, None)
        if not headers or not names:
            raise UploadError(_("The workbook has no header rows: use the template."))
        names = [str(n).strip() if n is not None else "" for n in names]
        result = []
        for line, values in enumerate(rows, start=FIRST_DATA_ROW):
            if all(v is None or str(v).strip() == "" for v in values):
                continue
            if len(result) >= MAX_ROWS:
                raise UploadError(_("The workbook has more than %(rows)d rows.")
                                  % {"rows": MAX_ROWS})
            result.append((line, {n: v for n, v in zip(names, values, strict=False) if n}))
        return names, result
    finally:
        workbook.close()


def _lookup(choices):
    table = {}
    for label, value in choices:
        table.setdefault(label.casefold(), value)
        table.setdefault(value.casefold(), value)
        code = label.split(" — ", 1)[0].strip()
        table.setdefault(code.casefold(), value)
    return table


def _value_of(text, table):
    text = text.strip()
    if text.casefold() in table:
        return table[text.casefold()]
    match = _PK_IN_BRACKETS.search(text)
    if match:
        return match.group(1)  # the form says whether the user may choose it
    code = text.split(" — ", 1)[0].strip()
    return table.get(code.casefold(), text)


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "on" if value else ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _date_text(value) -> str:
    text = _cell_text(value)
    for pattern in ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(text, pattern).date().isoformat()
        except ValueError:
            continue
    return text


def row_data(form, names, cells) -> QueryDict:
    """The POST data the create form would receive for one spreadsheet row."""
    data = QueryDict(mutable=True)
    for name in names:
        formfield = form.fields[name]
        value = cells.get(name)
        if isinstance(formfield, forms.BooleanField):
            text = _cell_text(value).casefold()
            if text in {"on", "1", "x", "true", str(_("yes")).casefold(), "yes", "có"}:
                data[name] = "on"
            continue
        if _is_date(formfield):
            data[name] = _date_text(value)
            continue
        text = _cell_text(value)
        table = _lookup(options(formfield)) if isinstance(formfield, forms.ChoiceField) else None
        if _is_multiple(formfield):
            data.setlist(name, [_value_of(item, table) for item in text.split(SEPARATOR)
                                if item.strip()])
        elif table is not None and text:
            data[name] = _value_of(text, table)
        else:
            data[name] = text
    return data


def check_rows(rt, user, names, rows):
    """Validate every row. Returns (good forms, [(line, reason)])."""
    blank = _form(rt, user)
    known = [name for name in columns(rt, blank) if name in names]
    if not known:
        raise UploadError(_("The workbook's columns are not those of the template: "
                            "download the template again."))
    good, bad = [], []
    for line, cells in rows:
        form = _form(rt, user, row_data(blank, known, cells))
        if form.is_valid():
            good.append((line, form))
        else:
            bad.append((line, _reasons(form)))
    return good, bad


def _reasons(form) -> str:
    parts = []
    for name, errors in form.errors.items():
        label = capfirst(form.fields[name].label) if name in form.fields else ""
        text = " ".join(str(e) for e in errors)
        parts.append(f"{label}: {text}" if label else text)
    return "; ".join(parts)


def save_rows(rt, user, good):
    owner = home_province(user)
    reason = _("Imported from XLSX")[:100]
    created = []
    with transaction.atomic():
        for _line, form in good:
            record = form.save(commit=False)
            record.owner = owner
            record.created_by = user
            record._change_reason = reason
            record.save()
            form.save_m2m()
            created.append(record)
    return created


# --- the page ----------------------------------------------------------------------------
class ImportForm(forms.Form):
    file = forms.FileField(label=_("XLSX file"))
    good_rows_only = forms.BooleanField(
        label=_("Import the good rows only"), required=False,
        help_text=_("Otherwise nothing is imported when a row has an error."),
    )


def import_view(rt, request):
    require_writer(request)
    form = ImportForm(request.POST or None, request.FILES or None)
    ctx = rt.context(request, form=form, bad_rows=[], created=None, file_error=None,
                     nothing_written=False)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            names, rows = read_rows(form.cleaned_data["file"])
            if not rows:
                raise UploadError(_("The workbook has no rows to import."))
            good, bad = check_rows(rt, request.user, names, rows)
        except UploadError as error:
            ctx["file_error"] = str(error)
            status = 400
        else:
            ctx["bad_rows"] = bad
            if bad and not form.cleaned_data["good_rows_only"]:
                ctx["nothing_written"] = True
                status = 400
            else:
                created = save_rows(rt, request.user, good)
                messages.success(request, _("%(count)d records imported.")
                                 % {"count": len(created)})
                if not bad:
                    return redirect(rt.reverse("list"))
                ctx["created"] = len(created)
    elif request.method == "POST":
        status = 400
    return render(request, rt.templates("import"), ctx, status=status)

