"""Error bodies of the API: always ``{"detail": "...", "code": "..."}``, so that a client
can show the message and branch on the code."""

from typing import Any

from django.utils.translation import gettext as _
from ninja import Schema


class ErrorOut(Schema):
    detail: str
    code: str
    errors: list[dict[str, Any]] | None = None


class BadRequest(Exception):
    def __init__(self, detail: str, code: str = "bad_request", status: int = 400):
        super().__init__(detail)
        self.detail, self.code, self.status = detail, code, status


def reject_nul(values: dict):
    # A NUL character is never meaningful in a query and PostgreSQL refuses it outright.
    for name, value in values.items():
        if isinstance(value, str) and "\x00" in value:
            raise BadRequest(_("%(name)s: the value contains a NUL character.") % {
                "name": name}, code="invalid")
