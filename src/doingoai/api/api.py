"""The JSON API (django-ninja): every record type, the periodic report, an OpenAPI 3 schema
at /api/openapi.json and its documentation page at /api/docs, served from the package's own
static files (no CDN). A client authenticates with a personal token
(``Authorization: Bearer <key>``, see /api/tokens/) or, in a browser, with its session."""

import json
from importlib import import_module
from importlib.util import find_spec
from typing import Any

from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils import translation
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Query, Schema
from ninja.errors import AuthenticationError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.openapi.docs import Swagger
from ninja.security import HttpBearer, django_auth

from doingoai.accounts.scope import narrow_to_province
from doingoai.api.errors import BadRequest, reject_nul
from doingoai.api.models import ApiToken
from doingoai.api.records import ERRORS, record_router
from doingoai.api.writes import Conflict, Invalid
from doingoai.lib.periods import PeriodError, parse_period
from doingoai.reports.access import readable_provinces
from doingoai.reports.exports.data import as_json
from doingoai.reports.places import PlaceNotFound, find_province
from doingoai.reports.report import COMPUTED, REPORTED, build_report


class TokenAuth(HttpBearer):
    def authenticate(self, request, token):
        found = ApiToken.objects.for_key(token)
        if found is None or not found.user.is_active:
            return None
        found.touch()
        # The pages' scoping, masking and logging all read request.user.
        request.user = found.user
        request.api_token = found
        # A token narrower than its user: what it reads is all the request reads.
        if found.province_id is not None:
            narrow_to_province(found.user, found.province)
        if found.organisation_id is not None:
            found.user._doingoai_unit_id = found.organisation_id
        return found.user


def _load_record_types():
    # Every app's pages module registers its record types in REGISTRY when imported.
    for config in apps.get_app_configs():
        if config.name.startswith("doingoai.") and find_spec(f"{config.name}.pages"):
            import_module(f"{config.name}.pages")


_load_record_types()


def login_or_token_required(view):
    """The schema and its documentation page, like the rest of the API, only for a logged-in
    user or a valid token: a browser without a session is sent to the log-in page, a program
    gets 401."""
    from functools import wraps

    from django.contrib.auth.views import redirect_to_login
    from django.http import JsonResponse

    @wraps(view)
    def guarded(request, *args, **kwargs):
        if request.user.is_authenticated:
            return view(request, *args, **kwargs)
        header = request.headers.get("Authorization", "")
        scheme, _, key = header.partition(" ")
        if scheme.lower() == "bearer" and TokenAuth().authenticate(request, key.strip()):
            return view(request, *args, **kwargs)
        if request.path.endswith(".json") or header:
            return JsonResponse({"detail": not_authenticated_message(),
                                 "code": "not_authenticated"}, status=401)
        return redirect_to_login(request.get_full_path())

    return guarded

api = NinjaAPI(
    title="doingoai API",
    version="1",
    description="The records of the provinces the user may read, and the periodic report; "
                "with a read-write token, the same changes as on the pages (create, change "
                "with the record's `version`, trash, restore, the workflow's steps), under "
                "the same rules. Authenticate with `Authorization: Bearer <key>`; create a "
                "key at /api/tokens/. Errors come in the language of `Accept-Language` "
                "(Vietnamese by default).",
    auth=[TokenAuth(), django_auth],
    # Swagger UI would otherwise send the schema to validator.swagger.io for a badge.
    docs=Swagger(settings={"validatorUrl": None}),
    docs_url="/docs",
    docs_decorator=login_or_token_required,
    urls_namespace="api:json",
)


def _error(request, status: int, detail: str, code: str, errors=None):
    body = {"detail": detail, "code": code}
    if errors is not None:
        body["errors"] = errors
    return api.create_response(request, body, status=status)


def not_authenticated_message():
    return _("Authentication required: send a valid API token (Authorization: Bearer <key>) "
             "or log in.")


@api.exception_handler(AuthenticationError)
def not_authenticated(request, exc):
    return _error(request, 401, not_authenticated_message(), "not_authenticated")


@api.exception_handler(Http404)
def not_found(request, exc):
    return _error(request, 404, _("Not found."), "not_found")


@api.exception_handler(PermissionDenied)
def forbidden(request, exc):
    return _error(request, 403, str(exc) or _("You may not do this."), "permission_denied")


@api.exception_handler(Invalid)
def refused(request, exc):
    return _error(request, 422, str(exc), "invalid", exc.errors)


@api.exception_handler(Conflict)
def conflict(request, exc):
    return _error(request, 409, str(exc), "conflict")


@api.exception_handler(BadRequest)
def bad_request(request, exc):
    return _error(request, exc.status, exc.detail, exc.code)


def validation_message(error: dict) -> str:
    """Pydantic's message for a query or path value, in the language asked for: the kinds
    of error a parameter of this API can have, pydantic's own English for any other."""
    context = error.get("ctx") or {}
    kind = error.get("type", "")
    if kind == "missing":
        return _("this value is required")
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return _("send a whole number")
    if kind in ("literal_error", "enum"):
        return _("send one of the codes %(codes)s") % {"codes": context.get("expected", "")}
    if kind in ("greater_than_equal", "greater_than"):
        return _("send a number not below %(limit)s") % {
            "limit": context.get("ge", context.get("gt", ""))}
    if kind in ("less_than_equal", "less_than"):
        return _("send a number not above %(limit)s") % {
            "limit": context.get("le", context.get("lt", ""))}
    if kind == "string_too_long":
        return _("send at most %(count)s characters") % {"count": context.get("max_length")}
    return str(error.get("msg", "invalid"))


@api.exception_handler(NinjaValidationError)
def invalid(request, exc):
    messages = []
    for error in exc.errors:
        where = ".".join(str(part) for part in error.get("loc", ()) if part != "query")
        message = validation_message(error)
        messages.append(f"{where}: {message}" if where else message)
    errors = [{"loc": [str(p) for p in e.get("loc", ())], "msg": validation_message(e)}
              for e in exc.errors]
    return _error(request, 422, _("Invalid request: %(errors)s") % {"errors": "; ".join(messages)},
                  "invalid", errors)


api.add_router("/records", record_router())


class ReportQuery(Schema):
    place: list[str]
    period: str
    lang: str = "vi"
    prefer: str | None = None


@api.get("/reports", response={200: dict[str, Any], **ERRORS}, tags=["reports"],
         operation_id="get_report", summary="The periodic report of a province",
         url_name="report")
def report(request, params: Query[ReportQuery]):
    """The same JSON as ``doingoai report --format json``: ``place`` is a province's name
    (with or without diacritics) or official code, repeatable; ``period`` is 2022, 2024-Q1,
    2015-2020, 2024-01-01/2024-06-30..."""
    values = params.dict()
    reject_nul({"period": values["period"], "lang": values["lang"],
                "prefer": values["prefer"], **{"place": " ".join(values["place"])}})
    if values["lang"] not in ("vi", "en"):
        raise BadRequest(_("lang: the language of the report must be vi or en."),
                         code="invalid")
    if values["prefer"] not in (None, "", COMPUTED, REPORTED):
        raise BadRequest(_("prefer: the figures to prefer must be %(computed)s or "
                           "%(reported)s.") % {"computed": COMPUTED, "reported": REPORTED},
                         code="invalid")
    try:
        period = parse_period(values["period"])
    except PeriodError as exc:
        raise BadRequest(_("period: not a valid period (%(reason)s).") % {"reason": exc},
                         code="invalid_period") from exc
    readable = set(readable_provinces(request.user).values_list("pk", flat=True))
    places = []
    for text in values["place"]:
        try:
            place = find_province(text, period)
        except PlaceNotFound as exc:
            raise Http404 from exc
        if place.pk not in readable:
            raise Http404  # another province's report: as if it did not exist
        places.append(place)
    if not places:
        raise BadRequest(_("place: name at least one province of the report."),
                         code="invalid")
    with translation.override(values["lang"]):
        built = build_report(places, period, user=request.user, prefer=values["prefer"] or None,
                             details=False)
        return json.loads(as_json(built, values["lang"]))
