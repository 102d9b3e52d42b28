"""Write endpoints for every record type: create, change (with the record's ``version``),
trash, restore and the workflow's steps, each through the very path the pages take
(``RecordType.build_form``/``build_inlines`` for the validation and the status locks,
``save_new``/``save_changes``/``move_to_trash``/``restore_from_trash``, ``Workflow.apply``
for the steps and their four-eyes rule). The JSON a client sends is turned into the form data
a page would post, so there is no second copy of a rule here: only the translation of JSON to
a form and of a form's errors to JSON."""

import base64
import binascii
import datetime as dt
import json
from decimal import Decimal

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import Http404, QueryDict
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext as _

from doingoai.accounts.scope import can_create
from doingoai.api.errors import BadRequest
from doingoai.core.models import RecordChanged
from doingoai.core.records import RecordType, all_valid, stale_message
from doingoai.rules.workflow import refusal_messages, step_stale_message, workflow_for

CHANNEL = "API"


class Invalid(Exception):
    """A write refused on its content: 422 with the message of each field."""

    def __init__(self, errors: list[dict]):
        super().__init__("; ".join(e["msg"] for e in errors))
        self.errors = errors


class Conflict(Exception):
    """The record changed since the client read it, or is not in a status the step starts
    from: 409."""


class FormRequest:
    """The request as a page's POST would be: the JSON turned into form data, the rest
    (user, headers, the history's request) the API request's own."""

    def __init__(self, request, data: QueryDict | None, files: MultiValueDict | None = None):
        self._request = request
        self.method = "POST" if data is not None else "GET"
        self.POST = data if data is not None else QueryDict()
        self.FILES = files if files is not None else MultiValueDict()
        self.GET = QueryDict()

    def __getattr__(self, name):
        return getattr(self._request, name)


def require_write_access(request) -> None:
    """A read-only token gets 403 before anything is looked at. Whether its user may write
    is asked as the pages ask it: the record through its access helper (404 for another
    province's or unit's, 403 for a viewer), a new record through ``require_writer``."""
    token = getattr(request, "api_token", None)
    if token is not None and not token.can_write:
        raise PermissionDenied(_("This API token may only read."))


def read_body(request) -> tuple[dict, MultiValueDict]:
    """The body as a dict and the files: JSON, or a multipart form (a step with a file)."""
    if request.content_type == "multipart/form-data":
        data = {}
        for key, values in request.POST.lists():
            data[key] = values if len(values) > 1 else values[0]
        return data, request.FILES
    if not request.body:
        return {}, MultiValueDict()
    try:
        data = json.loads(request.body)
    except (ValueError, UnicodeDecodeError) as exc:
        raise BadRequest(_("The body is not valid JSON."), code="invalid_json") from exc
    if not isinstance(data, dict):
        raise BadRequest(_("The body must be a JSON object."), code="invalid_json")
    return data, MultiValueDict()


def _version_of(data: dict):
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, int | str) or not str(
            version).isdigit():
        raise Invalid([error("version", _("Send the record's version, as read from it."))])
    return int(version)


def error(field, message) -> dict:
    loc = [part for part in str(field).replace("]", "").replace("[", ".").split(".") if part]
    return {"field": field, "loc": loc or ["body"], "msg": str(message)}


def form_value(formfield, value):
    """A JSON value as the text a page's form would post for ``formfield``."""
    if value is None:
        return None
    if isinstance(formfield.widget, forms.CheckboxInput):
        return "on" if value else None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict) and "id" in value:  # a related record as {id, name}
        value = value["id"]
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):  # "14:30", as the time inputs post it
        return value.strftime("%H:%M" if not value.second else "%H:%M:%S")
    if isinstance(value, Decimal | int | float):
        return str(value)
    return value if isinstance(value, str) else json.dumps(value)


def current_value(bound_field):
    """The value an unbound form field shows, as the text its form would post."""
    value = bound_field.value()
    if isinstance(value, list | tuple):
        return [str(getattr(v, "pk", v)) for v in value]
    if isinstance(bound_field.field, forms.FileField):
        return None
    return form_value(bound_field.field, value)


def uploaded(name: str, value):
    """A file sent in JSON as ``{"filename": ..., "base64": ...}``."""
    if not isinstance(value, dict) or not {"filename", "base64"} <= set(value):
        raise Invalid([error(name, _("Send a file as {\"filename\": ..., \"base64\": ...}, or "
                                     "the request as a multipart form."))])
    try:
        content = base64.b64decode(str(value["base64"]), validate=True)
    except (binascii.Error, ValueError) as exc:
        raise Invalid([error(name, _("The file's content is not valid base64."))]) from exc
    return SimpleUploadedFile(str(value["filename"])[:200] or "file", content)


def fill(form, values: dict, data: QueryDict, files: MultiValueDict, where: str = "",
         start=True) -> None:
    """Put into ``data`` (``files``) what a page would post for ``form``: the values it shows
    when ``start`` (the record's, or a new record's defaults: an edit changes only what the
    client names), then ``values``."""
    prefix = form.add_prefix
    if start:
        for name in form.fields:
            current = current_value(form[name])
            if isinstance(current, list):
                data.setlist(prefix(name), current)
            elif current is not None:
                data[prefix(name)] = current
    for name, value in values.items():
        formfield = form.fields[name]
        if isinstance(formfield, forms.FileField):
            if value is not None:
                files[prefix(name)] = value if hasattr(value, "read") else uploaded(
                    where + name, value)
            continue
        data.pop(prefix(name), None)
        if isinstance(value, list):
            data.setlist(prefix(name), [form_value(formfield, v) for v in value])
            continue
        posted = form_value(formfield, value)
        if posted is not None:
            data[prefix(name)] = posted


def unknown_fields(form, values: dict, where: str = "") -> list[dict]:
    return [error(where + name, _("No such field, or it cannot be changed here."))
            for name in values if name not in form.fields]


def accessor_of(formset) -> str:
    return type(formset).get_default_prefix()


def fill_rows(formset, rows, data: QueryDict, files: MultiValueDict) -> list[dict]:
    """The formset's data: ``rows`` (a list, or None to keep the child rows as they are)
    replace the record's rows: a row with an ``id`` changes that row, one without is added,
    a row not listed is deleted."""
    accessor = accessor_of(formset)
    existing = list(formset.forms[:formset.initial_form_count()])
    by_id = {sub.instance.pk: index for index, sub in enumerate(existing)}
    problems = []
    if rows is not None and not isinstance(rows, list):
        return [error(accessor, _("Send the rows as a list."))]
    listed = {}
    new = []
    for index, row in enumerate(rows or []):
        where = f"{accessor}[{index}]."
        if not isinstance(row, dict):
            problems.append(error(where.rstrip("."), _("Send each row as an object.")))
            continue
        row = dict(row)
        row_id = row.pop("id", None)
        if row_id is None:
            new.append((where, row))
        elif row_id in by_id:
            listed[row_id] = (where, row)
        else:
            problems.append(error(where + "id", _("No such row in this record.")))
    template = formset.empty_form
    for where, row in [*listed.values(), *new]:
        problems += unknown_fields(template, {k: v for k, v in row.items()
                                              if k != "DELETE"}, where)
    if problems:
        return problems
    for sub in existing:
        fill(sub, {}, data, files)
        if sub.instance.pk in listed:
            where, row = listed[sub.instance.pk]
            fill(sub, row, data, files, where, start=False)
        elif rows is not None:
            data[sub.add_prefix("DELETE")] = "on"
    total = len(existing)
    for where, row in new:
        sub = formset._construct_form(total)  # the same prefix as the page's next row
        fill(sub, row, data, files, where)
        total += 1
    management = formset.management_form
    data[management.add_prefix("TOTAL_FORMS")] = str(total)
    data[management.add_prefix("INITIAL_FORMS")] = str(len(existing))
    data[management.add_prefix("MIN_NUM_FORMS")] = "0"
    data[management.add_prefix("MAX_NUM_FORMS")] = "1000"
    return []


def bound_forms(rt: RecordType, request, record, body: dict):
    """The page's form and child-row formsets, bound to what the page would post for
    ``body`` (``{"fields": {...}, "children": {"members": [...]}}``) over ``record`` (None:
    a new record)."""
    values = body.get("fields") or {}
    children = body.get("children") or {}
    if not isinstance(values, dict) or not isinstance(children, dict):
        raise Invalid([error("fields", _("Send the fields and the child rows as objects."))])
    blank = FormRequest(request, None)
    form = rt.build_form(blank, instance=record)
    formsets = rt.build_inlines(blank, record if record is not None else form.instance)
    problems = unknown_fields(form, values, "fields.")
    accessors = {accessor_of(fs) for fs in formsets}
    problems += [error(f"children.{name}", _("No such child rows."))
                 for name in children if name not in accessors]
    data, files = QueryDict(mutable=True), MultiValueDict()
    if not problems:
        fill(form, values, data, files, "fields.")
        for formset in formsets:
            problems += fill_rows(formset, children.get(accessor_of(formset)), data, files)
    if problems:
        raise Invalid(problems)
    data["version"] = str(record.version) if record is not None else ""
    posted = FormRequest(request, data, files)
    form = rt.build_form(posted, instance=record)
    formsets = rt.build_inlines(posted, record if record is not None else form.instance)
    if not all_valid(form, formsets):
        raise Invalid(form_errors(form, formsets))
    within_the_tokens_unit(rt, request, form)
    return form, formsets


def within_the_tokens_unit(rt: RecordType, request, form) -> None:
    """A token limited to one body writes only that body's records (or those of a body
    under it), as it reads only them."""
    token = getattr(request, "api_token", None)
    if token is None or token.organisation_id is None:
        return
    name = getattr(rt.model, "UNIT_FIELD", None)
    field = rt.model._meta.get_field(name) if name else None
    if field is None or field.many_to_many:
        raise PermissionDenied(_("This API token is limited to one body: it cannot write "
                                 "this kind of record."))
    unit = form.cleaned_data.get(name, getattr(form.instance, name, None))
    if unit is None or token.organisation_id not in (unit.pk, unit.parent_id):
        raise Invalid([error(f"fields.{name}", _("This API token writes only the records "
                                                 "of its own body."))])


def form_errors(form, formsets=()) -> list[dict]:
    found = []
    for name, messages in form.errors.items():
        where = "fields" if name == "__all__" else f"fields.{name}"
        found += [error(where, message) for message in messages]
    for formset in formsets:
        accessor = accessor_of(formset)
        for index, errors in enumerate(formset.errors):
            for name, messages in errors.items():
                where = f"children.{accessor}[{index}]" + ("" if name == "__all__"
                                                           else f".{name}")
                found += [error(where, message) for message in messages]
        found += [error(f"children.{accessor}", m) for m in formset.non_form_errors()]
    return found


# --- the changes ------------------------------------------------------------------------

def create(rt: RecordType, request, body: dict):
    require_write_access(request)
    if not can_create(request.user, rt.model):  # the create page's own check
        raise PermissionDenied
    form, formsets = bound_forms(rt, request, None, body)
    return rt.save_new(request, form, formsets)


def change(rt: RecordType, request, pk: int, body: dict):
    require_write_access(request)
    record = rt.get_for_user(request, pk, write=True)
    version = _version_of(body)
    if version != record.version:
        raise Conflict(stale_message())
    form, formsets = bound_forms(rt, request, record, body)
    try:
        reopened = rt.save_changes(request, record, form, formsets, version)
    except RecordChanged as exc:
        raise Conflict(stale_message()) from exc
    return record, reopened


def trash(rt: RecordType, request, pk: int, version: int, reason: str):
    require_write_access(request)
    record = rt.get_for_user(request, pk, write=True)
    if version != record.version:
        raise Conflict(stale_message())
    try:
        rt.move_to_trash(request, record, reason)
    except ValidationError as exc:
        raise Invalid([error("reason", m) for m in refusal_messages(exc)]) from exc
    except RecordChanged as exc:
        raise Conflict(stale_message()) from exc
    return record


def restore(rt: RecordType, request, pk: int, body: dict):
    require_write_access(request)
    version = _version_of(body)
    record = rt.get_for_user(request, pk, deleted=True)
    if version != record.version:
        raise Conflict(stale_message())
    try:
        return rt.restore_from_trash(request, pk)
    except RecordChanged as exc:
        raise Conflict(stale_message()) from exc


def take_step(rt: RecordType, request, pk: int, name: str, body: dict, files):
    """A workflow step, as its page's form takes it (``rules.workflow.transition_view``)."""
    require_write_access(request)
    workflow = workflow_for(rt.model)
    if workflow is None:
        raise Http404
    record = rt.get_for_user(request, pk)
    step = workflow.step(name)
    if step.automatic:
        raise Http404
    if not workflow.may(step, record, request.user):
        raise PermissionDenied
    version = _version_of(body)
    if version != record.version:
        raise Conflict(step_stale_message())
    if record.status not in step.sources:
        raise Conflict(_("This step is not possible in the record's current status."))
    form = step.form_class(None, auto_id=False)
    values = {k: v for k, v in body.items() if k != "version"}
    problems = unknown_fields(form, values)
    if problems:
        raise Invalid(problems)
    data, uploads = QueryDict(mutable=True), MultiValueDict()
    fill(form, {k: v for k, v in values.items()
                if not isinstance(form.fields[k], forms.FileField)}, data, uploads)
    for key in files or {}:
        if key in form.fields:
            uploads[key] = files[key]
    for key, value in values.items():
        if isinstance(form.fields[key], forms.FileField) and not hasattr(value, "read"):
            uploads[key] = uploaded(key, value)
    form = step.form_class(data, uploads, auto_id=False)
    if not form.is_valid():
        raise Invalid([error("body" if n == "__all__" else n, m)
                       for n, ms in form.errors.items() for m in ms])
    try:
        workflow.apply(record, name, request.user, form.cleaned_data)
    except ValidationError as exc:
        raise Invalid([error("body", m) for m in refusal_messages(exc)]) from exc
    except (RecordChanged, ValueError) as exc:
        raise Conflict(step_stale_message()) from exc
    return record


# --- the log of writes, the history's channel ----------------------------------------------

def logged_write(kind: str, handler):
    """``handler`` with every call kept as an ``ApiWrite`` (token, user, answer) and the
    record's history marked as done through the API."""
    from functools import wraps

    from doingoai.api.models import ApiWrite

    @wraps(handler)
    def write(request, *args, **kwargs):
        request.doingoai_channel = CHANNEL
        status = 500
        try:
            answer = handler(request, *args, **kwargs)
            status = answer[0] if isinstance(answer, tuple) else 200
            return answer
        except Http404:
            status = 404
            raise
        except PermissionDenied:
            status = 403
            raise
        except Invalid:
            status = 422
            raise
        except Conflict:
            status = 409
            raise
        except BadRequest as exc:
            status = exc.status
            raise
        finally:
            token = getattr(request, "api_token", None)
            ApiWrite.objects.create(
                token=token, user=request.user if request.user.is_authenticated else None,
                method=request.method[:10], path=request.path[:300], record_type=kind,
                record_id=kwargs.get("record_id"), status=status)

    return write


def mark_api_history(sender, history_instance, **kwargs):
    """A change made through the API says so in the record's history: "API · Submit"."""
    from simple_history.models import HistoricalRecords

    request = getattr(HistoricalRecords.context, "request", None)
    if getattr(request, "doingoai_channel", None) != CHANNEL:
        return
    reason = history_instance.history_change_reason or ""
    history_instance.history_change_reason = (f"{CHANNEL} · {reason}" if reason
                                              else CHANNEL)[:100]


# --- the request bodies in the OpenAPI schema ----------------------------------------------

FILE_SCHEMA = {"type": "object", "required": ["filename", "base64"],
               "properties": {"filename": {"type": "string"}, "base64": {"type": "string"}}}


def value_schema(model, name: str) -> dict:
    from django.core.exceptions import FieldDoesNotExist
    from django.db import models

    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return {}
    if field.many_to_many:
        return {"type": "array", "items": {"type": "integer"}}
    if field.is_relation:
        return {"type": ["integer", "null"]}
    if field.choices:
        codes = [code for code, _label in field.flatchoices if code not in ("", None)]
        return {"enum": [*codes, *([None, ""] if field.blank else [])]}
    if isinstance(field, models.BooleanField):
        return {"type": "boolean"}
    if isinstance(field, models.FileField):
        return {"anyOf": [FILE_SCHEMA, {"type": "null"}]}
    if isinstance(field, models.DateTimeField):
        return {"type": ["string", "null"], "format": "date-time"}
    if isinstance(field, models.DateField):
        return {"type": ["string", "null"], "format": "date"}
    if isinstance(field, models.DecimalField):
        return {"type": ["string", "null"], "pattern": r"^-?\d+(\.\d+)?$"}
    if isinstance(field, models.IntegerField):
        return {"type": ["integer", "null"]}
    return {"type": ["string", "null"]}


def record_write_schema(rt: RecordType) -> dict:
    children = {}
    for inline in rt.inlines:
        accessor = inline.model._meta.get_field(inline.fk_name).remote_field.get_accessor_name()
        children[accessor] = {"type": "array", "items": {
            "type": "object",
            "properties": {"id": {"type": "integer"},
                           **{n: value_schema(inline.model, n) for n in inline.fields}}}}
    return {
        "type": "object",
        "properties": {
            "version": {"type": "integer", "description": "The record's version, as read "
                                                          "(a change only)"},
            "fields": {"type": "object",
                       "properties": {n: value_schema(rt.model, n) for n in rt.fields}},
            "children": {"type": "object", "properties": children,
                         "description": "Child rows: the list replaces the rows; a row with "
                                        "its id changes that row, one without is added"},
        },
    }


def step_schema(step) -> dict:
    form = step.form_class(auto_id=False)
    properties = {"version": {"type": "integer", "minimum": 1}}
    has_file = False
    for name, formfield in form.fields.items():
        if isinstance(formfield, forms.FileField):
            properties[name] = FILE_SCHEMA
            has_file = True
        elif isinstance(formfield, forms.DateField):
            properties[name] = {"type": "string", "format": "date"}
        else:
            properties[name] = {"type": "string"}
    required = ["version", *[n for n, f in form.fields.items() if f.required]]
    schema = {"type": "object", "required": required, "properties": properties}
    content = {"application/json": {"schema": schema}}
    if has_file:
        multipart = {**schema, "properties": {**properties, **{
            n: {"type": "string", "format": "binary"} for n, f in form.fields.items()
            if isinstance(f, forms.FileField)}}}
        content["multipart/form-data"] = {"schema": multipart}
    return content
