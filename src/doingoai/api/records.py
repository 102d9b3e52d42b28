"""Read endpoints for every record type in ``core.records.REGISTRY``, generated from it: a list
(filters, search, limit/offset) and a detail, scoped, masked and logged exactly as the pages
are (the list through ``visible_to``, the detail through the type's access helper)."""

from datetime import date, datetime
from decimal import Decimal
from typing import Literal

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import translation
from ninja import Field, Path, Query, Router, Schema
from pydantic import create_model

from doingoai.accounts.scope import home_province
from doingoai.api.errors import BadRequest, ErrorOut, reject_nul
from doingoai.core.records import REGISTRY, RecordType, mask, personal_fields_of, scope_choices

MAX_LIMIT = 200
DEFAULT_LIMIT = 50
MAX_OFFSET = 10**9

FieldValue = bool | int | float | str | list[int | str] | None


class RecordOut(Schema):
    id: int
    type: str = Field(description="The record type: <namespace>.<slug>")
    owner: int = Field(description="The owning province (an administrative unit's id)")
    owner_name: str
    created_at: datetime
    updated_at: datetime
    version: int = Field(description="Send it back when changing the record")
    fields: dict[str, FieldValue] = Field(
        description="The record's fields: text, numbers, dates (ISO 8601), amounts (decimal "
        "strings), related records by id; a personal field the user may not see is masked."
    )


class RecordPage(Schema):
    count: int
    limit: int
    offset: int
    items: list[RecordOut]


ERRORS = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}


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
        return sorted(related.pk for related in getattr(obj, name).all())
    if model_field is not None and model_field.concrete and (
            model_field.many_to_one or model_field.one_to_one):
        return getattr(obj, model_field.attname)
    value = getattr(obj, name, None)
    if callable(value) and not isinstance(value, models.Manager):
        value = value()
    return plain(value)


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


def as_out(rt: RecordType, obj, names, hidden) -> dict:
    return {
        "id": obj.pk, "type": f"{rt.namespace}.{rt.slug}", "owner": obj.owner_id,
        "owner_name": str(obj.owner), "created_at": obj.created_at,
        "updated_at": obj.updated_at, "version": obj.version,
        "fields": {name: mask(getattr(obj, name, None)) if name in hidden
                   else value_of(obj, name) for name in names},
    }


def many_to_many_of(rt: RecordType, names) -> list[str]:
    found = []
    for name in names:
        try:
            if rt.model._meta.get_field(name).many_to_many:
                found.append(name)
        except FieldDoesNotExist:
            continue
    return found


def choice_codes(rt: RecordType, name: str) -> list[str]:
    """The codes a filter on a field with fixed choices accepts (none for other fields: a
    foreign key's choices are the user's own records, not fixed)."""
    try:
        field = rt.model._meta.get_field(name)
    except FieldDoesNotExist:
        return []
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
    personal = personal_fields_of(rt.model)
    label = str(rt.verbose_name_plural)
    tag = rt.namespace
    params_schema = query_schema(rt)

    def list_records(request, params: Query[params_schema]):
        values = params.dict()
        reject_nul(values)
        qs = rt.queryset_for(request.user).select_related("owner")
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
        offset, limit = values["offset"], values["limit"]
        rows = list(qs[offset:offset + limit])
        hidden = rt.hidden_fields(request.user)
        if personal and rows:
            rt.log_personal_data(request, "list", [obj.pk for obj in rows],
                                 rt.shown_fields(request.user, names),
                                 home_province(request.user))
        return {"count": qs.count(), "limit": limit, "offset": offset,
                "items": [as_out(rt, obj, names, hidden) for obj in rows]}

    def get_record(request, record_id: int = Path(..., ge=1, le=2**63 - 1)):
        record = rt.get_for_user(request, record_id)
        hidden = rt.hidden_fields(request.user)
        if personal:
            rt.log_personal_data(request, "view", [record.pk],
                                 rt.shown_fields(request.user, names), record.owner)
        return as_out(rt, record, names, hidden)

    base = f"/{rt.namespace}/{rt.slug}s"
    operation = f"{rt.namespace}_{rt.slug.replace('-', '_')}"
    router.get(base, response={200: RecordPage, **ERRORS}, tags=[tag],
               operation_id=f"list_{operation}s", summary=f"List {label}",
               url_name=f"{rt.slug}-list")(list_records)
    router.get(f"{base}/{{record_id}}", response={200: RecordOut, **ERRORS}, tags=[tag],
               operation_id=f"get_{operation}", summary=f"One of {label}",
               url_name=f"{rt.slug}-detail")(get_record)


def record_router() -> Router:
    router = Router()
    # The schema's summaries in English, whatever the language of the process.
    with translation.override("en"):
        for rt in REGISTRY:
            add_record_type(router, rt)
    return router
