"""Specimen signatures and seals (mẫu chữ ký, con dấu) of the province's authorised
signatories, registered for consular legalisation. A specimen is never deleted when it is
replaced: the old one points to its successor (``superseded_by``) and stays on file, since
a document signed years ago is checked against the specimen valid then."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

from doingoai.core.models import AliveManager, OwnedQuerySet, OwnedRecord, bounded_text
from doingoai.core.validators import read_head

IMAGE_SIGNATURES = {"png": b"\x89PNG\r\n\x1a\n", "jpg": b"\xff\xd8\xff", "jpeg": b"\xff\xd8\xff"}


@deconstructible
class SpecimenImageValidator:
    """A PNG or JPEG scan, checked by its name and by its first bytes."""

    def __call__(self, value):
        name = getattr(value, "name", "") or ""
        extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
        if extension not in IMAGE_SIGNATURES:
            raise ValidationError(_("The specimen must be a PNG or JPEG image."),
                                  code="file_type")
        if getattr(value, "_committed", True) is False or hasattr(value, "content_type"):
            head = read_head(value)
            if head is not None and not head.startswith(IMAGE_SIGNATURES[extension]):
                raise ValidationError(_("The file's content is not a PNG or JPEG image."),
                                      code="file_content")

    def __eq__(self, other):
        return isinstance(other, SpecimenImageValidator)


validate_specimen_image = SpecimenImageValidator()


class SpecimenQuerySet(OwnedQuerySet):
    def valid_on(self, day: dt.date | None = None):
        day = day or timezone.localdate()
        return self.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=day)).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=day)
        )

    def current(self):
        return self.valid_on().filter(superseded_by__isnull=True)


class Specimen(OwnedRecord):
    class Kind(models.TextChoices):
        SIGNATURE = "signature", _("Signature")
        SEAL = "seal", _("Seal")

    SEARCH_FIELDS = ("person", "title", "agency")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    person = models.CharField(_("signatory"), max_length=150, blank=True,
                              help_text=_("Empty for a seal."))
    title = models.CharField(_("position"), max_length=200, blank=True)
    agency = models.CharField(_("agency"), max_length=200)
    specimen = models.FileField(_("specimen image"), upload_to="signatures/%Y/",
                                validators=[validate_specimen_image])
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid until"), null=True, blank=True)
    superseded_by = models.ForeignKey(
        "self", models.SET_NULL, null=True, blank=True, related_name="supersedes",
        verbose_name=_("superseded by"),
    )
    notes = bounded_text(_("notes"), blank=True)

    objects = AliveManager.from_queryset(SpecimenQuerySet)()

    class Meta:
        verbose_name = _("specimen signature or seal")
        verbose_name_plural = _("specimen signatures and seals")
        ordering = ["agency", "person", "-valid_from"]

    def __str__(self):
        who = self.person or self.agency
        return f"{self.get_kind_display()}: {who} ({self.valid_from:%d/%m/%Y})"

    def clean(self):
        errors = {}
        if self.kind == self.Kind.SIGNATURE and not self.person:
            errors["person"] = _("A specimen signature needs its signatory.")
        if self.valid_to and self.valid_from and self.valid_to < self.valid_from:
            errors["valid_to"] = _("A specimen cannot stop being valid before it starts.")
        if self.superseded_by_id and self.superseded_by_id == self.pk:
            errors["superseded_by"] = _("A specimen cannot supersede itself.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_current(self) -> bool:
        today = timezone.localdate()
        return self.superseded_by_id is None and (self.valid_to is None or self.valid_to >= today)
