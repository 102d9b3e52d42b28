"""XLSX templates and uploads for every record type, with one mechanism.

The template has the fields' Vietnamese labels in its first row (the upload maps its columns
by label, Vietnamese or English, or by field name, so the templates of earlier versions, with
the field names in a hidden second row, still read), drop-down lists for choices, yes/no and
foreign keys (their options on a hidden sheet), and dd/mm/yyyy dates. A many-to-many field
takes several values separated by ";". Child rows edited inline on the record's form
(delegation members, aid transactions...) have a sheet each, every row keyed by the row of
its record on the first sheet ("Dòng của bản ghi"); files are not part of the template. The
list's "XLSX to re-import" export is the template filled with the records and their child
rows, so that it imports again to the same records.

Wherever a choice is asked, a cell may give any name the option goes by, with or without
diacritics: a country by its Vietnamese or English name or its ISO code ("Nhật Bản",
"nhat ban", "Japan", "JP"), a partner by its name, acronym or an alias, a choice by its label
or its code. A name that fits two options is refused with both named, never guessed.

The upload checks every row with the record type's own form (the same one as the create page,
so the choices are narrowed to what the user may read) before writing anything; it writes
nothing unless every row is good or the user asked for the good rows only, and then writes in
one transaction.
"""

import datetime as dt
import io
import re
import uuid
import zipfile
from collections import Counter, defaultdict
from dataclasses import dataclass
from decimal import Decimal
from types import SimpleNamespace

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.http import HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.datastructures import MultiValueDict
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from doingoai.accounts.scope import home_province
from doingoai.core.access import require_writer
from doingoai.core.models import OwnedRecord
from doingoai.lib.cells import safe_cell, safe_row, unquote_cell
from doingoai.lib.text import fold
from doingoai.lib.uploads import UploadRefused, check_zip_container
from doingoai.privacy.masking import personal_fields_of
from doingoai.rules.workflow import workflow_for

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_ROWS = 5000
# What a workbook may expand to (its upload is at most 5 MB compressed): a 1.8 MB sheet of
# empty rows once grew a worker by 2 GB, a huge shared-strings table held 1.1 GB.
MAX_COLUMNS = 200
MAX_UNPACKED_BYTES = 50 * 1024 * 1024
MAX_SHARED_STRINGS_BYTES = 10 * 1024 * 1024
MAX_PARTS = 500
MAX_RATIO = 200
MAX_OPTIONS = 5000
FORMATTED_ROWS = 500  # rows of the template given the date format in advance
FIRST_DATA_ROW = 2
OLD_FIRST_DATA_ROW = 3  # templates with the field names in a hidden second row
TEMPLATE_LANGUAGE = "vi"
LISTS_SHEET = "Danh sách"
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


def _row_forms(rt, user, blank):
    """A maker of the create page's form bound to one row's data, for every row of an import:
    the same form as ``_form``, but its fields are built, narrowed to what ``user`` may read
    (``scope_choices``) and their records looked up once per import, not once per row."""
    form_class = type(f"Import{type(blank).__name__}", (type(blank),), {})
    form_class.base_fields = {name: _preloaded(field) for name, field in blank.fields.items()}
    initial = dict(blank.initial)  # a unit's user: the unit fixed by ``fix_unit``
    owner = home_province(user)  # as ``build_form``: a new record's rules may need it

    def make(data):
        form = form_class(data, MultiValueDict(), initial=dict(initial))
        if owner is not None:
            form.instance.owner = owner
        return form

    return make


class _PreloadedChoiceField(forms.ModelChoiceField):
    """A ``ModelChoiceField`` whose records were read once: a row's value is looked up in
    them, not in one query per row. What is not among them is refused as Django refuses it."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        self.validate_no_null_characters(value)
        found = self._preloaded.get(str(value))
        if found is None:
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice",
                                  params={"value": value})
        return found


def _preloaded(field):
    if type(field) is not forms.ModelChoiceField or field.disabled:
        return field
    key = field.to_field_name or "pk"
    records = list(field.queryset[:MAX_OPTIONS + 1])
    if len(records) > MAX_OPTIONS:
        return field  # too many to hold: looked up one by one
    field.__class__ = _PreloadedChoiceField
    field._preloaded = {str(getattr(record, key)): record for record in records}
    return field


def columns(rt, form) -> list[str]:
    """The fields a spreadsheet carries: the form's, files left out."""
    return [name for name, formfield in form.fields.items()
            if not isinstance(formfield, forms.FileField)]


def option_label(obj) -> str:
    """How a row of another table reads in a cell when its name alone is not enough (two
    options of the list share it): ``JP — Nhật Bản`` for reference data (its code first),
    ``JICA — Cơ quan hợp tác quốc tế Nhật Bản [#12]`` for a record."""
    if isinstance(obj, OwnedRecord):
        return f"{obj} [#{obj.pk}]"
    text = str(obj)
    return text if text.startswith(str(obj.pk)) else f"{obj.pk} — {text}"


def _names_of(obj) -> list[str]:
    """Every name ``obj`` goes by: its own ``names()`` (a country's codes and names in both
    languages, a partner's names, acronym and aliases) when it has one."""
    names = getattr(type(obj), "names", None)
    return [str(name) for name in names(obj)] if callable(names) else []


class Choices:
    """The options of a field with a closed list: (label shown in the cell, value given to
    the form) for the template's list, and every name of each option, folded, for reading
    a cell."""

    def __init__(self, formfield):
        self.labels: list[tuple[str, str]] = []
        self._table: dict[str, set[str]] = {}
        self._label_of: dict[str, str] = {}
        if isinstance(formfield, forms.ModelChoiceField):
            objects = list(formfield.queryset[:MAX_OPTIONS])
            shown = Counter(str(obj) for obj in objects)
            for obj in objects:
                value = str(obj.pk)
                label = str(obj) if shown[str(obj)] == 1 else option_label(obj)
                self._add(value, label, [value, str(obj), option_label(obj), *_names_of(obj)])
        elif isinstance(formfield, forms.BooleanField):
            self.labels = [(str(_("yes")), "on"), (str(_("no")), "")]
        elif isinstance(formfield, forms.ChoiceField):
            for value, label in formfield.choices:
                if value in ("", None) or isinstance(label, (list, tuple)):
                    continue
                value = str(value)
                names = [value, str(label)]
                for language in ("vi", "en"):
                    with translation.override(language):
                        names.append(str(label))
                self._add(value, str(label), names)

    def _add(self, value, label, names):
        self.labels.append((label, value))
        self._label_of[value] = label
        for name in names:
            key = fold(name)
            if key:
                self._table.setdefault(key, set()).add(value)

    def __bool__(self):
        return bool(self.labels)

    def label_of(self, value: str) -> str:
        """The label of the option ``value`` (what a cell shows); the value itself if the
        list does not hold it."""
        return self._label_of.get(value, value)

    def find(self, text: str) -> tuple[str | None, str | None]:
        """(the form's value, None) for a cell's text, or (None, why it cannot be read)."""
        text = text.strip()
        candidates = [text]
        match = _PK_IN_BRACKETS.search(text)
        if match:
            return match.group(1), None  # the form says whether the user may choose it
        candidates.append(text.split(" — ", 1)[0])  # "JP — Nhật Bản" in an older template
        for candidate in candidates:
            values = self._table.get(fold(candidate))
            if values and len(values) == 1:
                return next(iter(values)), None
            if values:
                labels = "; ".join(sorted(self._label_of[v] for v in values))
                return None, _("“%(text)s” fits several options (%(labels)s): write the one "
                               "meant as it is in the list.") % {"text": text, "labels": labels}
        return None, _("“%(text)s” is not in the list: write a name, a code or an alias as "
                       "the list has it.") % {"text": text}


def options(formfield) -> list[tuple[str, str]]:
    """(label shown in the cell, value given to the form) for a field with a closed list."""
    return Choices(formfield).labels


def _is_multiple(formfield) -> bool:
    return isinstance(formfield, (forms.MultipleChoiceField, forms.ModelMultipleChoiceField))


def _is_date(formfield) -> bool:
    return isinstance(formfield, forms.DateField) and not isinstance(formfield, forms.DateTimeField)


# --- child rows: a sheet each ------------------------------------------------------------
PARENT = "__parent__"  # the column naming the row of a child's record on the first sheet


def parent_header() -> str:
    return str(_("Row of the record"))


@dataclass
class ChildSheet:
    """One kind of child rows (``RecordType.inlines[index]``) as a sheet: its title, the
    create page's form of one row, its columns."""

    index: int
    title: str
    form: forms.Form
    names: list[str]
    prefix: str

    def known(self) -> dict[str, str]:
        """{folded header: field name}, the parent's column included."""
        found = {}
        for language in (TEMPLATE_LANGUAGE, "en"):
            with translation.override(language):
                found.setdefault(fold(parent_header()), PARENT)
                for name in self.names:
                    found.setdefault(fold(header_of(self.form.fields[name], name)), name)
        for name in self.names:
            found.setdefault(fold(name), name)
        return found


def child_sheets(rt, user) -> list[ChildSheet]:
    """The record type's kinds of child rows, with the create page's own row forms."""
    fake = SimpleNamespace(method="GET", GET=QueryDict(), POST=QueryDict(),
                           FILES=MultiValueDict(), user=user)
    sheets, used = [], {str(capfirst(rt.verbose_name_plural))[:31], LISTS_SHEET}
    for index, formset in enumerate(rt.build_inlines(fake, rt.model())):
        blank = formset.empty_form
        names = [name for name, field in blank.fields.items()
                 if name not in ("id", "DELETE", formset.fk.name)
                 and not isinstance(field, forms.FileField)]
        title = str(capfirst(formset.title))[:31]
        if title in used:
            title = f"{title[:27]} ({index + 1})"
        used.add(title)
        sheets.append(ChildSheet(index, title, blank, names, formset.prefix))
    return sheets


def _titles(child: ChildSheet, rt) -> set[str]:
    """The folded titles a child sheet is known by (Vietnamese, or English)."""
    titles = {fold(child.title)}
    with translation.override("en"):
        inline = rt.inlines[child.index]
        titles.add(fold(str(capfirst(inline.title or inline.model._meta.verbose_name_plural))[:31]))
    return titles


def child_data(children: list[ChildSheet], rows_by_kind, choices) -> tuple[QueryDict, list]:
    """The formsets' POST data for one record's child rows, as the page would post it, and
    the cells that match no option: [(sheet title, line, reason)]."""
    data = QueryDict(mutable=True)
    problems = []
    for child in children:
        rows = rows_by_kind.get(child.index, [])
        data[f"{child.prefix}-TOTAL_FORMS"] = str(len(rows))
        data[f"{child.prefix}-INITIAL_FORMS"] = "0"
        for k, (line, cells) in enumerate(rows):
            values, unmatched = row_data(child.form, child.names, cells,
                                         choices.get(child.index))
            for name, items in values.lists():
                data.setlist(f"{child.prefix}-{k}-{name}", items)
            for name, reasons in unmatched.items():
                label = capfirst(child.form.fields[name].label)
                problems.append((child.title, line, f"{label}: {' '.join(reasons)}"))
    return data, problems


# --- the template ----------------------------------------------------------------------
def header_of(formfield, name) -> str:
    return str(capfirst(formfield.label or name))


def template_workbook(rt, user) -> bytes:
    """The record type's template, in Vietnamese whatever the user's language: the office
    passes one template around, and its headers are those the import reads first."""
    with translation.override(TEMPLATE_LANGUAGE):
        return _template_workbook(rt, user)


def _template_workbook(rt, user, records=None) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    form = _form(rt, user)
    names = columns(rt, form)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = str(capfirst(rt.verbose_name_plural))[:31]
    lists = workbook.create_sheet(LISTS_SHEET)
    lists.sheet_state = "hidden"
    sheet.append(safe_row(header_of(form.fields[name], name) for name in names))
    list_column = _format_columns(sheet, lists, form.fields, names, 0)
    children = child_sheets(rt, user)
    for child in children:
        child_sheet = workbook.create_sheet(child.title)
        child_sheet.append(safe_row([parent_header()] + [
            header_of(child.form.fields[name], name) for name in child.names]))
        child_sheet.cell(row=1, column=1).font = Font(bold=True)
        child_sheet.column_dimensions["A"].width = 18
        list_column = _format_columns(child_sheet, lists, child.form.fields, child.names,
                                      list_column, first_column=2)
    if records is not None:
        _fill(workbook, sheet, form, names, children, rt, user, records)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _format_columns(sheet, lists, fields, names, list_column, first_column=1) -> int:
    """Bold headers, date formats, drop-down lists (their options on the Lists sheet, from
    column ``list_column`` on) for the columns of ``names``; the last list column used."""
    from openpyxl.comments import Comment
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter, quote_sheetname
    from openpyxl.worksheet.datavalidation import DataValidation

    sheet.freeze_panes = f"A{FIRST_DATA_ROW}"
    last_row = FIRST_DATA_ROW + FORMATTED_ROWS - 1
    for index, name in enumerate(names, start=first_column):
        formfield = fields[name]
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
        lists.cell(row=1, column=list_column, value=header.value)
        for row, (label, _value) in enumerate(choices, start=2):
            lists.cell(row=row, column=list_column, value=safe_cell(label))
        source = (f"{quote_sheetname(LISTS_SHEET)}!${list_letter}$2:"
                  f"${list_letter}${len(choices) + 1}")
        if _is_multiple(formfield):
            # A list cannot hold several values: the options are on the Lists sheet.
            header.comment = Comment(
                _("Several values separated by “;” (names or codes, as on the sheet "
                  "“%(sheet)s”).") % {"sheet": LISTS_SHEET}, "doingoai")
            continue
        validation = DataValidation(type="list", formula1=f"={source}", allow_blank=True)
        # A warning, not a stop: "nhat ban" or "JP" is not in the list but reads as Nhật Bản;
        # the import says which cells it cannot match.
        validation.errorStyle = "warning"
        validation.error = _("This value is not in the list. A name, a code or an alias is "
                             "accepted too; the import names the cells it cannot match.")
        validation.errorTitle = _("Not in the list")
        validation.showErrorMessage = True
        sheet.add_data_validation(validation)
        validation.add(cells)
    return list_column


def _fill(workbook, sheet, form, names, children, rt, user, records):
    """The records on the first sheet and their child rows on theirs, each cell as the
    import reads it back (an option by its label, several by "; ", a date as a date); a
    field the user may not see is left blank."""
    tables = _tables(form.fields, names)
    hidden = rt.hidden_fields(user)
    kinds = [(child, rt.inlines[child.index], workbook[child.title],
              _tables(child.form.fields, child.names),
              rt.hidden_fields(user, child.form._meta.model))
             for child in children]
    next_row = {child.index: FIRST_DATA_ROW for child in children}
    for row_number, record in enumerate(records.iterator(chunk_size=500), start=FIRST_DATA_ROW):
        _put(sheet, row_number, [
            None if name in hidden else
            _cell_of(form.fields[name], _form_value(record, name), tables.get(name))
            for name in names])
        for child, inline, child_sheet, child_tables, child_hidden in kinds:
            rows = inline.model.objects.filter(**{inline.fk_name: record}).order_by(
                *(inline.model._meta.ordering or []), "pk")
            for row in rows:
                _put(child_sheet, next_row[child.index], [row_number] + [
                    None if name in child_hidden else _cell_of(
                        child.form.fields[name], _form_value(row, name), child_tables.get(name))
                    for name in child.names])
                next_row[child.index] += 1


def _put(sheet, row, values):
    # By row number: the template's date formats reach down FORMATTED_ROWS rows already, so
    # ``append`` would write below them.
    for column, value in enumerate(values, start=1):
        if value is not None:
            sheet.cell(row=row, column=column, value=value)


def _tables(fields, names) -> dict:
    return {name: Choices(fields[name]) for name in names
            if isinstance(fields[name], forms.ChoiceField)}


def _form_value(obj, name):
    """What the form would show for ``name`` on ``obj``: a related record's key, a list of
    related records, or the value."""
    from django.forms.models import model_to_dict

    return model_to_dict(obj, fields=[name]).get(name)


def _cell_of(formfield, value, table):
    if value is None or value == "" or value == []:
        return None
    if isinstance(formfield, forms.BooleanField):
        return str(_("yes")) if value else str(_("no"))
    if table is not None:
        values = value if isinstance(value, (list, tuple)) else [value]
        labels = [table.label_of(str(getattr(item, "pk", item))) for item in values]
        return safe_cell(f"{SEPARATOR} ".join(labels))
    if isinstance(value, (dt.date, Decimal, int, float)):
        return value
    return safe_cell(str(value))


def records_workbook(rt, user, records) -> bytes:
    """The template filled with ``records`` and their child rows: it imports again to the
    same records."""
    with translation.override(TEMPLATE_LANGUAGE):
        return _template_workbook(rt, user, records=records)


def records_response(rt, request, qs):
    if personal_fields_of(rt.model) or any(personal_fields_of(i.model) for i in rt.inlines):
        names = columns(rt, _form(rt, request.user))
        rt.log_personal_data(request, "export", qs.values_list("pk", flat=True),
                             rt.shown_fields(request.user, names), home_province(request.user))
    response = HttpResponse(records_workbook(rt, request.user, qs), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{rt.slug}s-records.xlsx"'
    return response


def template_response(rt, request):
    response = HttpResponse(template_workbook(rt, request.user), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{rt.slug}s-template.xlsx"'
    return response


# --- reading an upload -----------------------------------------------------------------
class UploadError(Exception):
    """The file as a whole cannot be read: nothing is imported."""


def column_names(rt, form) -> dict[str, str]:
    """{folded header: field name}: a column is known by the field's label in Vietnamese or
    in English, or by the field's name (the hidden second row of older templates)."""
    found = {}
    for name in columns(rt, form):
        formfield = form.fields[name]
        found.setdefault(fold(name), name)
        found.setdefault(fold(name.replace("_", " ")), name)
        for language in (TEMPLATE_LANGUAGE, "en"):
            with translation.override(language):
                found.setdefault(fold(header_of(formfield, name)), name)
    # A column giving a status or a decision is not in the template, but it is recognised,
    # so that the workflow refuses it by name (check_rows) instead of dropping it unseen.
    workflow = workflow_for(rt.model)
    for name in (workflow.step_fields if workflow else ()):
        try:
            field = rt.model._meta.get_field(name)
        except Exception:  # a step field that is not a model field (a formset, say)
            continue
        found.setdefault(fold(name), name)
        for language in (TEMPLATE_LANGUAGE, "en"):
            with translation.override(language):
                found.setdefault(fold(str(field.verbose_name)), name)
    return found


def _header_key(value) -> str:
    return fold(str(value)).rstrip(" *") if value is not None else ""


def read_rows(upload, known: dict[str, str]):
    """(field name of each column, [(line number, {field name: cell value})] for each
    non-empty row of the first sheet), the columns named by ``known`` (``column_names``)."""
    names, rows, _children = read_workbook(upload, known)
    return names, rows


def read_workbook(upload, known: dict[str, str], rt=None, children=()):
    """``read_rows``, and the rows of each child sheet found (``children``, of ``rt``):
    {kind's index: [(line, {field name or PARENT: cell value})]}."""
    workbook = _open_workbook(upload)
    try:
        names, rows = _read_sheet(workbook.worksheets[0], known, old_templates=True)
        by_title = {fold(title): title for title in workbook.sheetnames[1:]}
        found = {}
        for child in children:
            title = next((by_title[t] for t in _titles(child, rt) if t in by_title), None)
            if title is None:
                continue
            _child_names, child_rows = _read_sheet(workbook[title], child.known())
            if child_rows:
                found[child.index] = child_rows
        return names, rows, found
    finally:
        workbook.close()


def _open_workbook(upload):
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
        check_zip_container(upload, max_total=MAX_UNPACKED_BYTES, max_members=MAX_PARTS,
                            max_ratio=MAX_RATIO,
                            max_member={"xl/sharedStrings.xml": MAX_SHARED_STRINGS_BYTES})
    except UploadRefused as error:
        raise UploadError(str(error)) from error
    try:
        return load_workbook(upload, read_only=True, data_only=True)
    except Exception as error:  # a damaged or mislabeled file: openpyxl raises many kinds
        # Never the exception's class name (BadZipFile, KeyError): it means nothing to the
        # reader. It stays chained for the log.
        raise UploadError(_("The workbook cannot be read: the file is damaged or is not an "
                            "XLSX workbook. Download the template, fill it in and upload it "
                            "as .xlsx.")) from error


def _read_sheet(sheet, known: dict[str, str], old_templates=False):
    _check_dimension(sheet)
    # Bounded while reading too: the declared dimension may be missing or lie, and a
    # read-only sheet pads every row to its widest.
    rows = list(sheet.iter_rows(values_only=True, max_row=MAX_ROWS + OLD_FIRST_DATA_ROW + 1,
                                max_col=MAX_COLUMNS))
    if not rows or all(v is None for v in rows[0]):
        raise UploadError(_("The workbook has no header rows: use the template."))
    first_line = FIRST_DATA_ROW
    names = [known.get(_header_key(v), "") for v in rows[0]]
    field_names = set(known.values())
    if old_templates and len(rows) > 1:
        second = [str(v).strip() if v is not None else "" for v in rows[1]]
        filled = [v for v in second if v]
        # A template of an earlier version: field names in a hidden second row.
        if filled and all(v in field_names for v in filled):
            names, first_line = second, OLD_FIRST_DATA_ROW
    result = []
    for line, values in enumerate(rows[first_line - 1:], start=first_line):
        if all(v is None or str(v).strip() == "" for v in values):
            continue
        if len(result) >= MAX_ROWS:
            raise UploadError(_("The workbook has more than %(rows)d rows.")
                              % {"rows": MAX_ROWS})
        # A list label the template quoted (``safe_cell``) reads as the label itself.
        result.append((line, {n: unquote_cell(v)
                              for n, v in zip(names, values, strict=False) if n}))
    return names, result


def _check_dimension(sheet) -> None:
    """Refuse a sheet that declares more rows or columns than an import can hold, before a
    row of it is read (a sheet of 1,048,576 formatted empty rows)."""
    try:
        rows, columns = sheet.max_row, sheet.max_column
    except Exception:  # noqa: BLE001 - an unreadable dimension: the bounded read still holds
        return
    if rows and rows > MAX_ROWS + OLD_FIRST_DATA_ROW:
        raise UploadError(_(
            "The sheet spans %(count)d rows; at most %(limit)d rows can be imported. Delete "
            "the empty rows below your data (or split the file) and upload it again.")
            % {"count": rows, "limit": MAX_ROWS})
    if columns and columns > MAX_COLUMNS:
        raise UploadError(_(
            "The sheet spans %(count)d columns; at most %(limit)d can be read. Delete the "
            "empty columns right of your data and upload it again.")
            % {"count": columns, "limit": MAX_COLUMNS})


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


def row_data(form, names, cells, choices=None) -> tuple[QueryDict, dict[str, list[str]]]:
    """The POST data the create form would receive for one spreadsheet row, and the cells
    whose text matches no option (or several), by field name. ``choices``: a ``Choices``
    by field name, built once for all the rows."""
    choices = choices if choices is not None else {}
    data = QueryDict(mutable=True)
    problems: dict[str, list[str]] = {}
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
        if not isinstance(formfield, forms.ChoiceField):
            data[name] = text
            continue
        table = choices.get(name) or Choices(formfield)
        items = [item for item in text.split(SEPARATOR) if item.strip()] if _is_multiple(
            formfield) else ([text] if text else [])
        values = []
        for item in items:
            found, problem = table.find(item)
            if problem:
                problems.setdefault(name, []).append(problem)
            else:
                values.append(found)
        data.setlist(name, values)
    return data, problems


PROGRESS_EVERY = 100  # rows between two progress reports of an import job


def check_rows(rt, user, names, rows, progress=None, children=None):
    """Validate every row, with its child rows (``read_workbook``'s) by the page's own
    formsets. Returns (good forms, [(line, reason)]). ``progress(done, total)`` is called
    every ``PROGRESS_EVERY`` rows when given (an import job's page)."""
    blank = _form(rt, user)
    known = [name for name in columns(rt, blank) if name in names]
    if not known:
        raise UploadError(_("The workbook's columns are not those of the template: "
                            "download the template again."))
    workflow = workflow_for(rt.model)
    choices = _tables(blank.fields, known)
    row_form = _row_forms(rt, user, blank)
    good, bad = [], []
    sheets, by_parent = _children_by_parent(rt, user, rows, children, bad)
    child_choices = {child.index: _tables(child.form.fields, child.names) for child in sheets}
    for index, (line, cells) in enumerate(rows):
        if progress and index % PROGRESS_EVERY == 0:
            progress(index, len(rows))
        # A record with a workflow starts in its first status: a column giving its status
        # or decision is refused by the same rule as an edit, not silently dropped.
        given = [name for name in (workflow.step_fields if workflow else ())
                 if _cell_text(cells.get(name))]
        refused = workflow.refusals(rt.model(), given) if given else {}
        if refused:
            bad.append((line, "; ".join(refused.values())))
            continue
        data, problems = row_data(blank, known, cells, choices)
        form = row_form(data)
        if form.is_valid() and not problems:
            refused = _attach_children(rt, user, form, sheets, by_parent.get(line),
                                       child_choices)
            if refused:
                bad.append((line, refused))
            else:
                good.append((line, form))
        else:
            bad.append((line, _reasons(form, problems)))
    return good, bad


def _children_by_parent(rt, user, rows, children, bad):
    """The child sheets and their rows by the line of their record: {line: {kind: rows}};
    a child row naming no record's row is refused (in ``bad``)."""
    if not children:
        return [], {}
    sheets = child_sheets(rt, user)
    lines = {line for line, _cells in rows}
    by_parent = defaultdict(lambda: defaultdict(list))
    for child in sheets:
        for line, cells in children.get(child.index, []):
            cells = dict(cells)
            parent = _cell_text(cells.pop(PARENT, None))
            if parent.isdigit() and int(parent) in lines:
                by_parent[int(parent)][child.index].append((line, cells))
            else:
                bad.append((f"{child.title} {line}", _(
                    "“%(row)s” in the column “%(column)s” is not the row of a record on the "
                    "first sheet.") % {"row": parent, "column": parent_header()}))
    return sheets, by_parent


def _attach_children(rt, user, form, sheets, kinds, choices) -> str:
    """Bind the page's formsets to a record's child rows and keep them on ``form`` for
    ``save_rows``; why they are refused, or ""."""
    if not kinds:
        return ""
    data, problems = child_data(sheets, kinds, choices)
    fake = SimpleNamespace(method="POST", GET=QueryDict(), POST=data, FILES=MultiValueDict(),
                           user=user)
    formsets = rt.build_inlines(fake, form.instance)
    reasons = [_("%(sheet)s, row %(line)s: %(reason)s") % {
        "sheet": title, "line": line, "reason": reason} for title, line, reason in problems]
    for child, formset in zip(sheets, formsets, strict=True):
        lines = [line for line, _cells in kinds.get(child.index, [])]
        formset.is_valid()
        for k, errors in enumerate(formset.errors):
            if errors and k < len(lines):
                reasons.append(_("%(sheet)s, row %(line)s: %(reason)s") % {
                    "sheet": child.title, "line": lines[k],
                    "reason": _reasons(formset.forms[k])})
        reasons += [f"{child.title}: {message}" for message in formset.non_form_errors()]
    if not reasons:
        form.import_formsets = formsets
    return "; ".join(reasons)


def _reasons(form, problems=None) -> str:
    problems = problems or {}
    parts = []
    for name in problems:
        parts.append(f"{capfirst(form.fields[name].label)}: {' '.join(problems[name])}")
    for name, errors in form.errors.items():
        if name in problems:
            continue  # the cell that matched nothing says more than "this field is required"
        label = capfirst(form.fields[name].label) if name in form.fields else ""
        text = " ".join(str(e) for e in errors)
        parts.append(f"{label}: {text}" if label else text)
    return "; ".join(parts)


class RowRefused(Exception):
    """A row that was good alone but clashes with a row saved before it (the same figure
    twice in one workbook): nothing is written and the row is named."""

    def __init__(self, line, reason):
        super().__init__(reason)
        self.line, self.reason = line, reason


def save_rows(rt, user, good):
    owner = home_province(user)
    reason = _("Imported from XLSX")[:100]
    created = []
    with transaction.atomic():
        for line, form in good:
            record = form.save(commit=False)
            record.owner = owner
            record.created_by = user
            record._change_reason = reason
            try:
                # Again, now that the rows above this one are in the database.
                record.clean()
            except ValidationError as error:
                raise RowRefused(line, " ".join(error.messages)) from error
            record.save()
            form.save_m2m()
            for formset in getattr(form, "import_formsets", ()):
                formset.instance = record
                formset.save()
            created.append(record)
    return created


def read_upload(rt, user, upload):
    """The upload's records and child rows, for the page and the job alike."""
    names, rows, children = read_workbook(upload, column_names(rt, _form(rt, user)), rt,
                                          child_sheets(rt, user) if rt.inlines else ())
    if not rows:
        raise UploadError(_("The workbook has no rows to import."))
    return names, rows, children


# --- the page ----------------------------------------------------------------------------
class ImportForm(forms.Form):
    file = forms.FileField(label=_("XLSX file"))
    good_rows_only = forms.BooleanField(
        label=_("Import the good rows only"), required=False,
        help_text=_("Otherwise nothing is imported when a row has an error."),
    )


def import_view(rt, request):
    """Checks and imports in the request; a workbook of more than DOINGOAI_IMPORT_JOB_ROWS
    rows is stored and imported by a background job, the user sent to its progress page."""
    require_writer(request)
    form = ImportForm(request.POST or None, request.FILES or None)
    ctx = rt.context(request, form=form, bad_rows=[], created=None, file_error=None,
                     nothing_written=False)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            names, rows, children = read_upload(rt, request.user, form.cleaned_data["file"])
            if len(rows) > settings.DOINGOAI_IMPORT_JOB_ROWS:
                job = enqueue_import(rt, request.user, form.cleaned_data["file"],
                                     form.cleaned_data["good_rows_only"])
                return redirect("jobs:job-detail", pk=job.pk)
            good, bad = check_rows(rt, request.user, names, rows, children=children)
        except UploadError as error:
            ctx["file_error"] = str(error)
            status = 400
        else:
            ctx["bad_rows"] = bad
            if bad and not form.cleaned_data["good_rows_only"]:
                ctx["nothing_written"] = True
                status = 400
            else:
                try:
                    created = save_rows(rt, request.user, good)
                except RowRefused as refused:
                    ctx["bad_rows"] = [*bad, (refused.line, refused.reason)]
                    ctx["nothing_written"] = True
                    return render(request, rt.templates("import"), ctx, status=400)
                messages.success(request, _("%(count)d records imported.")
                                 % {"count": len(created)})
                if not bad:
                    return redirect(rt.reverse("list"))
                ctx["created"] = len(created)
    elif request.method == "POST":
        status = 400
    return render(request, rt.templates("import"), ctx, status=status)



# --- the import as a background job ------------------------------------------------------
JOB_KIND = "spreadsheet-import"
UPLOAD_FOLDER = "imports"


def enqueue_import(rt, user, upload, good_rows_only: bool):
    """Keep the workbook through the storage API (any app server's worker may run the job,
    so never a local path) and queue its import as the user."""
    from doingoai.jobs.models import Job

    upload.seek(0)
    path = default_storage.save(f"{UPLOAD_FOLDER}/{uuid.uuid4().hex}.xlsx", upload)
    return Job.objects.enqueue(JOB_KIND, {
        "record_type": f"{rt.namespace}:{rt.slug}", "path": path,
        "good_rows_only": bool(good_rows_only), "name": upload.name[:200],
    }, owner=user, province=home_province(user))


def record_type_named(name: str):
    import importlib

    from doingoai.core.records import REGISTRY

    importlib.import_module(settings.ROOT_URLCONF)  # the apps' pages fill the registry
    return next(rt for rt in REGISTRY if f"{rt.namespace}:{rt.slug}" == name)


def run_import_job(job):
    """The import page's work, as its owner, with the same all-or-nothing transaction; the
    stored workbook is deleted whatever the outcome."""
    from doingoai.jobs.runner import JobRefused

    rt = record_type_named(job.args["record_type"])
    user, path = job.owner, job.args["path"]
    base = {"next_url": rt.reverse("list")}
    try:
        job.report(0, _("Reading the workbook"))
        with default_storage.open(path, "rb") as stored:
            upload = ContentFile(stored.read(), name=job.args.get("name") or "import.xlsx")
        names, rows, children = read_upload(rt, user, upload)

        def progress(done, total):
            job.report(5 + 85 * done // total,
                       _("Checking row %(done)d of %(total)d") % {"done": done, "total": total})

        good, bad = check_rows(rt, user, names, rows, progress=progress, children=children)
        bad = [list(item) for item in bad]
        if bad and not job.args.get("good_rows_only"):
            raise JobRefused(_("Some rows have errors: nothing was imported."),
                             {**base, "bad_rows": bad, "nothing_written": True, "created": 0})
        job.report(90, _("Saving %(count)d records") % {"count": len(good)})
        try:
            created = save_rows(rt, user, good)
        except RowRefused as refused:
            raise JobRefused(_("Some rows have errors: nothing was imported."), {
                **base, "bad_rows": [*bad, [refused.line, refused.reason]],
                "nothing_written": True, "created": 0}) from refused
    except UploadError as error:
        raise JobRefused(str(error), base) from error
    finally:
        default_storage.delete(path)
    return (_("%(count)d records imported.") % {"count": len(created)},
            {**base, "created": len(created), "bad_rows": bad})
