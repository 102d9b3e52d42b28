"""Limits on attachments (decision scans, reports): size and type, checked by extension and
by the file's first bytes, so a renamed executable is not accepted as a PDF."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db.models import CheckConstraint, Q
from django.template.defaultfilters import filesizeformat
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy Word (.doc)
ZIP = b"PK\x03\x04"  # .docx and .xlsx are zip packages
SIGNATURES = {
    "pdf": (b"%PDF",),
    "docx": (ZIP,),
    "xlsx": (ZIP,),
    "doc": (OLE2,),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "png": (b"\x89PNG\r\n\x1a\n",),
}
ALLOWED_EXTENSIONS = ("pdf", "docx", "doc", "xlsx", "jpg", "jpeg", "png")


@deconstructible
class AttachmentValidator:
    def __call__(self, value):
        name = getattr(value, "name", "") or ""
        extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
        if extension not in ALLOWED_EXTENSIONS:
            raise ValidationError(
                _("Files of this type cannot be attached. Allowed: PDF, Word (.docx, .doc), "
                  "Excel (.xlsx), JPEG and PNG images."),
                code="file_type",
            )
        limit = settings.DOINGOAI_MAX_ATTACHMENT_BYTES
        size = getattr(value, "size", 0) or 0
        if size > limit:
            raise ValidationError(
                _("The file is %(size)s; attachments may be at most %(limit)s."),
                code="file_size",
                params={"size": filesizeformat(size), "limit": filesizeformat(limit)},
            )
        # Only a new upload is read; a file already stored was checked when it came in.
        if getattr(value, "_committed", True) is False or hasattr(value, "content_type"):
            head = read_head(value)
            if head is not None and not head.startswith(SIGNATURES[extension]):
                raise ValidationError(
                    _("The file's content does not match its name (.%(ext)s)."),
                    code="file_content", params={"ext": extension},
                )

    def __eq__(self, other):
        return isinstance(other, AttachmentValidator)


def read_head(value, size=8):
    handle = getattr(value, "file", value)
    try:
        position = handle.tell()
        handle.seek(0)
        head = handle.read(size)
        handle.seek(position)
    except (AttributeError, OSError, ValueError):
        return None
    return head if isinstance(head, bytes) else None


validate_attachment = AttachmentValidator()


# --- quantities --------------------------------------------------------------------------
# Counts and amounts of money that cannot be negative (an export of −5.000 USD, −7 ODA
# programmes): refused by ``full_clean`` (pages, admin, spreadsheet import) with this
# message, and by the database through ``non_negative_check`` for any other path.
validate_non_negative = MinValueValidator(
    0, message=_("This cannot be negative: enter 0 or more.")
)


@deconstructible
class PositiveValidator:
    """Strictly above zero: an exchange rate of 0 đồng per unit is no rate."""

    message = _("This must be greater than 0.")
    code = "min_value"
    limit_value = 0

    def __call__(self, value):
        if value is not None and value <= 0:
            raise ValidationError(self.message, code=self.code)

    def __eq__(self, other):
        return isinstance(other, PositiveValidator)


validate_positive = PositiveValidator()


def non_negative_check(field_name: str, *, strictly=False, unless=None) -> CheckConstraint:
    """The database's side of ``validate_non_negative`` on ``field_name`` (empty allowed);
    ``unless`` is a Q of the rows the rule does not bind (a growth rate in percent)."""
    value = Q(**{f"{field_name}__gt" if strictly else f"{field_name}__gte": 0})
    condition = value | Q(**{f"{field_name}__isnull": True})
    if unless is not None:
        condition |= unless
    return CheckConstraint(
        condition=condition,
        name=f"%(app_label)s_%(class)s_{field_name}_{'positive' if strictly else 'not_negative'}",
    )


# --- periods -----------------------------------------------------------------------------
def period_error_message():
    return _(
        "“%(value)s” is not a reporting period. Write one of: a year (2022), a quarter "
        "(2024-Q1 or quý I.2024), a half-year (2024-H1 or 6 tháng đầu năm 2024), a term "
        "(2015-2020), the QĐ 06/2020 reporting year (2024-QD06) or a date range "
        "(2024-01-01/2024-06-30)."
    )


def validate_period(value):
    """A period the report can place in time; "năm ngoái" or "gần đây" is not one."""
    from doingoai.lib.periods import PeriodError, parse_period

    try:
        parse_period(value)
    except PeriodError as exc:
        raise ValidationError(period_error_message(), code="period",
                              params={"value": value}) from exc
