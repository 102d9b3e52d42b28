"""Limits on attachments (decision scans, reports): size and type, checked by extension and
by the file's first bytes, so a renamed executable is not accepted as a PDF."""

from django.conf import settings
from django.core.exceptions import ValidationError
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
