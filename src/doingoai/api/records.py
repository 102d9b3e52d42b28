"""Endpoints for every record type in ``core.records.REGISTRY``, generated from it: a list
(filters, search, limit/offset) and a detail, scoped, masked and logged exactly as the pages
are (the list through ``visible_to``, the detail through the type's access helper), and the
writes of ``api/writes.py``: create, change, trash, restore and the workflow's steps."""

import base64
import binascii
from datetime import date, datetime
from decimal import Decimal
from typing import Literal

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import translation
from django.utils.translation import gettext as _
from ninja import Field, Path, Query, Router, Schema
from pydantic import create_model

from doingoai.accounts.scope import can_see_personal_data, home_province
from doingoai.api.errors import BadRequest, ErrorOut, reject_nul
from doingoai.api.writes import (
    logged_write,
    record_write_schema,
    step_schema,
)
from doingoai.core.records import REGISTRY, RecordType, masked, personal_fields_of, scope_choices
from doingoai.rules.workflow import workflow_for

MAX_LIMIT = 200
DEFAULT_LIMIT = 50
MAX_OFFSET = 10**9



class Related(Schema):
    id: int | str
    name: str


FieldValue = bool | int | float | str | Related | list[Related] | list[int | str] | None
ChildRow = dict[str, bool | int | float | str | Related | list[Related] | None]


class RecordOut(Schema):
    id: int
    type: str = Field(description="The record type: <namespace>.<slug>")
    owner: int = Field(description="The owning province (an administrative unit's id)")
    owner_name: str
    created_at: datetime
    updated_at: datetime
    version: int = Field(description="Send it back when changing the record")
    deleted_at: datetime | None = Field(None, description="Set while the record is in the "
                                                          "trash")
    fields: dict[str, FieldValue] = Field(
        description="The record's fields: text, numbers, dates (ISO 8601), amounts (decimal "
        "strings), related records as {id, name}; a personal field the user may not see is "
        "masked."
    )
    children: dict[str, list[ChildRow]] = Field(
        default_factory=dict,
        description="The record's child rows by kind (a delegation's members, a programme's "
        "transactions), each with its id; on the detail only.")


class RecordPage(Schema):
    count: int
    limit: int
    offset: int
    next_cursor: str | None = Field(
        None, description="With cursor paging: send it as `cursor` for the next page; null "
        "on the last page")
    items: list[RecordOut]


FIRST_PAGE = "*"


def encode_cursor(pk: int) -> str:
    return base64.urlsafe_b64encode(f"pk:{pk}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> int | None:
    """The id a cursor continues after (None for the first page, ``*``); a cursor that is not
    one this API gave is a 400."""
    if cursor == FIRST_PAGE:
        return None
    try:
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        kind, _sep, value = text.partition(":")
        pk = int(value)
        if kind != "pk" or pk < 1:
            raise ValueError
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise BadRequest(_("cursor: this is not a cursor the API gave; start again with "
                           "cursor=* ."), code="invalid_cursor") from None
    return pk


ERRORS = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}
WRITE_ERRORS = {**ERRORS, 409: ErrorOut}


def field_names(rt: RecordType) -> list[str]:
    return list(rt.detail_fields or rt.fields)


def value_of(obj, name: str):
    """``name`` on ``obj`` as JSON: related records by id, dates in ISO 8601, Decimal as a
    string (amounts stay exact), choices by their code."""
    try:
        model_field = obj._meta.get_field(name)
    except FieldDoesNotExist:
        model_field = None
    if model_field is not None and model_field.many_to_many:
        return sorted((related_out(related) for related in getattr(obj, name).all()),
                      key=lambda item: str(item["id"]))
    if model_field is not None and model_field.concrete and (
            model_field.many_to_one or model_field.one_to_one):
        related = getattr(obj, name)
        return None if related is None else related_out(related)
    value = getattr(obj, name, None)
    if callable(value) and not isinstance(value, models.Manager):
        value = value()
    return plain(value)


def related_out(related) -> dict:
    # A user by their name, not their login, as the pages show them.
    name = related.get_full_name() or related.get_username() if hasattr(
        related, "get_username") else str(related)
    return {"id": related.pk, "name": name}


def plain(value):
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, models.fields.files.FieldFile):
        return value.name or None
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, models.Model):
        return value.pk
    return str(value)


def as_out(rt: RecordType, obj, names, hidden, user=None) -> dict:
    """The record as JSON; with ``user``, its child rows too (masked for that user)."""
    out = {
        "id": obj.pk, "type": f"{rt.namespace}.{rt.slug}", "owner": obj.owner_id,
        "owner_name": str(obj.owner), "created_at": obj.created_at,
        "updated_at": obj.updated_at, "version": obj.version, "deleted_at": obj.deleted_at,
        "fields": {name: out_value(obj, name, hidden) for name in names},
        "children": {},
    }
    if user is not None:
        for inline in rt.inlines:
            out["children"][inline_accessor(rt, inline)] = child_rows(
                rt, obj, inline, rt.hidden_fields(user, inline.model))
    return out


def detail_out(rt: RecordType, request, record, names) -> dict:
    """A record's detail, its personal data (the child rows' too) logged as the page logs
    it."""
    hidden = rt.hidden_fields(request.user)
    if rt.has_personal_data:
        shown = rt.shown_fields(request.user, names) + [
            f"{inline.model._meta.model_name}.{n}" for inline in rt.inlines
            for n in inline.fields
            if n in personal_fields_of(inline.model) and can_see_personal_data(request.user)]
        rt.log_personal_data(request, "view", [record.pk], shown, record.owner)
    return as_out(rt, record, names, hidden, request.user)


def inline_accessor(rt: RecordType, inline) -> str:
    """The name of a kind of child rows: the parent's accessor ("members"), which is also the
    prefix Django's formsets give them."""
    return inline.model._meta.get_field(inline.fk_name).remote_field.get_accessor_name()


def child_rows(rt: RecordType, record, inline, hidden) -> list[dict]:
    rows = inline.model.objects.filter(**{inline.fk_name: record}).order_by(
        *(inline.model._meta.ordering or []), "pk")
    return [{"id": row.pk, **{name: out_value(row, name, hidden) for name in inline.fields}}
            for row in rows]


def out_value(obj, name: str, hidden):
    """A field's value, masked when hidden; a link keeps its id, its name masked."""
    if name not in hidden:
        return value_of(obj, name)
    value = getattr(obj, name, None)
    if isinstance(value, models.Model):
        return {"id": value.pk, "name": masked(type(obj), name, value)}
    return masked(type(obj), name, value)


def many_to_many_of(rt: RecordType, names) -> list[str]:
    found = []
    for name in names:
        try:
            if rt.model._meta.get_field(name).many_to_many:
                found.append(name)
        except FieldDoesNotExist:
            continue
    return found


def foreign_keys_of(rt: RecordType, names) -> list[str]:
    found = []
    for name in names:
        try:
            model_field = rt.model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        if model_field.concrete and (model_field.many_to_one or model_field.one_to_one):
            found.append(name)
    return found


def choice_codes(rt: RecordType, name: str) -> list[str]:
    """The codes a filter on a field with fixed choices (or a yes/no field) accepts (none for
    other fields: a foreign key's choices are the user's own records, not fixed)."""
    try:
        field = rt.model._meta.get_field(name)
    except FieldDoesNotExist:
        return []
    if isinstance(field, models.BooleanField):
        return ["true", "false"]  # what the filter's yes/no select posts
    if field.is_relation or not field.choices:
        return []
    return [str(code) for code, _label in field.flatchoices if code not in ("", None)]


def query_schema(rt: RecordType):
    """The list's query parameters, declared so that the OpenAPI schema lists them."""
    fields = {
        "q": (str | None, Field(None, description="Words to search for, with or without "
                                                  "diacritics")),
        "limit": (int, Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT)),
        "offset": (int, Field(0, ge=0, le=MAX_OFFSET)),
        "cursor": (str | None, Field(
            None, max_length=100,
            description="Cursor paging, stable while records are added or changed: `*` for "
            "the first page, then the page's `next_cursor`. The records come newest first "
            "(by id); not with `offset`.")),
    }
    for name in rt.filters:
        codes = choice_codes(rt, name)
        kind = Literal[tuple(codes)] if codes else str  # a choice's codes: an enum in the schema
        fields[name] = (kind | None, Field(None, description=f"Filter on {name}"))
    name = "".join(part.title() for part in f"{rt.namespace} {rt.slug}".replace("-", " ").split())
    return create_model(f"{name}Query", __base__=Schema, **fields)


def add_record_type(router: Router, rt: RecordType):
    names = field_names(rt)
    m2m = many_to_many_of(rt, names)
    joins = foreign_keys_of(rt, names)
    personal = personal_fields_of(rt.model)
    label = str(rt.verbose_name_plural)
    tag = rt.namespace
    params_schema = query_schema(rt)

    def list_records(request, params: Query[params_schema]):
        values = params.dict()
        reject_nul(values)
        qs = rt.queryset_for(request.user).select_related("owner", *joins)
        if m2m:
            qs = qs.prefetch_related(*m2m)
        data = {name: values[name] for name in rt.filters if values.get(name) not in (None, "")}
        if data:
            filterset = rt.filterset_class()(data, queryset=qs)
            scope_choices(filterset.form, request.user)
            if not filterset.is_valid():
                raise BadRequest(
                    "; ".join(f"{field}: {' '.join(str(e) for e in errors)}"
                              for field, errors in filterset.errors.items()),
                    code="invalid_filter",
                )
            qs = filterset.qs
        if (values.get("q") or "").strip():
            qs = qs.search(values["q"].strip())
        offset, limit, cursor = values["offset"], values["limit"], values.get("cursor")
        next_cursor = None
        if cursor:
            if offset:
                raise BadRequest(_("offset: a page is chosen either by its offset or by a "
                                   "cursor, not both."), code="invalid")
            after = decode_cursor(cursor)
            total = qs.count()
            qs = qs.order_by("-pk")
            if after is not None:
                qs = qs.filter(pk__lt=after)
            rows = list(qs[:limit + 1])
            if len(rows) > limit:
                rows = rows[:limit]
                next_cursor = encode_cursor(rows[-1].pk)
        else:
            rows = list(qs[offset:offset + limit])
            total = None
        hidden = rt.hidden_fields(request.user)
        if personal and rows:
            rt.log_personal_data(request, "list", [obj.pk for obj in rows],
                                 rt.shown_fields(request.user, names),
                                 home_province(request.user))
        return {"count": qs.count() if total is None else total, "limit": limit,
                "offset": offset, "next_cursor": next_cursor,
                "items": [as_out(rt, obj, names, hidden) for obj in rows]}

    def get_record(request, record_id: int = Path(..., ge=1, le=2**63 - 1)):
        record = rt.get_for_user(request, record_id)
        return detail_out(rt, request, record, names)

    base = f"/{rt.namespace}/{rt.slug}s"
    operation = f"{rt.namespace}_{rt.slug.replace('-', '_')}"
    router.get(base, response={200: RecordPage, **ERRORS}, tags=[tag],
               operation_id=f"list_{operation}s", summary=f"List {label}",
               url_name=f"{rt.slug}-list")(list_records)
    router.get(f"{base}/{{record_id}}", response={200: RecordOut, **ERRORS}, tags=[tag],
               operation_id=f"get_{operation}", summary=f"One of {label}",
               url_name=f"{rt.slug}-detail")(get_record)
    add_writes(router, rt, base, operation, label, tag, names)


def add_writes(router: Router, rt: RecordType, base, operation, label, tag, names):
    from doingoai.api import writes

    def out(request, record):
        fresh = rt.model.all_objects.get(pk=record.pk)
        return detail_out(rt, request, fresh, names)

    def create_record(request):
        body, _files = writes.read_body(request)
        record = writes.create(rt, request, body)
        return 201, out(request, record)

    def change_record(request, record_id: int = Path(..., ge=1, le=2**63 - 1)):
        body, _files = writes.read_body(request)
        record, _reopened = writes.change(rt, request, record_id, body)
        return out(request, record)

    def trash_record(request, record_id: int = Path(..., ge=1, le=2**63 - 1),
                     version: int = Query(..., ge=1, le=2**31), reason: str = Query("")):
        reject_nul({"reason": reason})
        return out(request, writes.trash(rt, request, record_id, version, reason))

    def restore_record(request, record_id: int = Path(..., ge=1, le=2**63 - 1)):
        body, _files = writes.read_body(request)
        return out(request, writes.restore(rt, request, record_id, body))

    kind = f"{rt.namespace}.{rt.slug}"
    body = {"requestBody": {"required": True, "content": {
        "application/json": {"schema": record_write_schema(rt)}}}}
    router.post(base, response={201: RecordOut, **WRITE_ERRORS}, tags=[tag],
                operation_id=f"create_{operation}", summary=f"Create one of {label}",
                openapi_extra=body, url_name=f"{rt.slug}-create")(
        logged_write(kind, create_record))
    router.patch(f"{base}/{{record_id}}", response={200: RecordOut, **WRITE_ERRORS},
                 tags=[tag], operation_id=f"change_{operation}",
                 summary=f"Change one of {label} (send its version)", openapi_extra=body,
                 url_name=f"{rt.slug}-change")(logged_write(kind, change_record))
    router.delete(f"{base}/{{record_id}}", response={200: RecordOut, **WRITE_ERRORS},
                  tags=[tag], operation_id=f"trash_{operation}",
                  summary=f"Move one of {label} to the trash",
                  url_name=f"{rt.slug}-trash")(logged_write(kind, trash_record))
    version_body = {"requestBody": {"required": True, "content": {"application/json": {
        "schema": {"type": "object", "required": ["version"],
                   "properties": {"version": {"type": "integer", "minimum": 1}}}}}}}
    router.post(f"{base}/{{record_id}}/restore", response={200: RecordOut, **WRITE_ERRORS},
                tags=[tag], operation_id=f"restore_{operation}",
                summary=f"Restore one of {label} from the trash", openapi_extra=version_body,
                url_name=f"{rt.slug}-restore")(logged_write(kind, restore_record))
    workflow = workflow_for(rt.model)
    if workflow is None:
        return
    for step in workflow.steps:
        if step.automatic:
            continue
        router.post(f"{base}/{{record_id}}/steps/{step.name}",
                    response={200: RecordOut, **WRITE_ERRORS}, tags=[tag],
                    operation_id=f"{step.name}_{operation}",
                    summary=f"{step.label} (one of {label})",
                    openapi_extra={"requestBody": {"required": True,
                                                   "content": step_schema(step)}},
                    url_name=f"{rt.slug}-step-{step.name}")(
            logged_write(kind, step_endpoint(rt, step.name, out)))


def step_endpoint(rt: RecordType, name: str, out):
    from doingoai.api import writes

    def take_step(request, record_id: int = Path(..., ge=1, le=2**63 - 1)):
        body, files = writes.read_body(request)
        return out(request, writes.take_step(rt, request, record_id, name, body, files))

    return take_step


def record_router() -> Router:
    router = Router()
    # The schema's summaries in English, whatever the language of the process.
    with translation.override("en"):
        for rt in REGISTRY:
            add_record_type(router, rt)
    return router
