"""The log of who saw or exported personal data, and when (Law 91/2025/QH15 on personal data
protection, in force from 1 January 2026; Decree 13/2023/NĐ-CP, Art. 27:
the controller keeps a record of the processing of personal data)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from doingoai.core.models import AdminUnit


class AccessLogQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The entries of the provinces ``user`` reads (a leader reads their own province's,
        including the provinces merged into it)."""
        from doingoai.accounts.scope import readable_unit_ids

        unit_ids = readable_unit_ids(user)
        return self if unit_ids is None else self.filter(province_id__in=unit_ids)


class AccessLog(models.Model):
    class Action(models.TextChoices):
        VIEW = "view", _("Viewed the record")
        LIST = "list", _("Viewed a list")
        EXPORT = "export", _("Exported")
        ERASE = "erase", _("Erased past its retention period")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True,
                             related_name="+", verbose_name=_("user"))
    # Kept beside the key so that the entry still says who after the account is removed.
    username = models.CharField(_("user name"), max_length=150)
    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    province = models.ForeignKey(AdminUnit, models.PROTECT, null=True, related_name="+",
                                 verbose_name=_("province"))
    record_type = models.CharField(_("record type"), max_length=80)
    record_id = models.PositiveBigIntegerField(_("record"), null=True, blank=True)
    # A list page or an export shows several records at once.
    record_ids = models.JSONField(_("records"), default=list, blank=True)
    action = models.CharField(_("action"), max_length=8, choices=Action.choices)
    fields = models.JSONField(
        _("personal fields shown in full"), default=list, blank=True,
        help_text=_("Empty when the user saw the personal data masked."),
    )
    path = models.CharField(_("address"), max_length=500, blank=True)

    objects = AccessLogQuerySet.as_manager()

    class Meta:
        verbose_name = _("personal data access")
        verbose_name_plural = _("personal data access log")
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["province", "-at"]),
                   models.Index(fields=["record_type", "record_id"])]

    def __str__(self):
        return f"{self.username} {self.action} {self.record_type} {self.record_id or ''}"

    @property
    def masked(self) -> bool:
        return not self.fields

    @property
    def record_count(self) -> int:
        return 1 if self.record_id else len(self.record_ids)

    def record_url(self):
        from doingoai.core.records import REGISTRY

        if not self.record_id:
            return ""
        for rt in REGISTRY:
            meta = rt.model._meta
            if f"{meta.app_label}.{meta.model_name}" == self.record_type:
                return rt.reverse("detail", self.record_id)
        return ""

    def field_names(self) -> list[str]:
        """The shown fields' verbose names, for people: ``passport_number`` → "passport
        number" (translated); ``member.passport_number`` names a child row's field."""
        from django.apps import apps
        from django.core.exceptions import FieldDoesNotExist

        try:
            model = apps.get_model(self.record_type)
        except LookupError:
            return list(self.fields)
        children = {rel.related_model._meta.model_name: rel.related_model
                    for rel in model._meta.related_objects}
        names = []
        for name in self.fields:
            child, _dot, field_name = name.rpartition(".")
            owner = children.get(child) if child else model
            try:
                names.append(str(owner._meta.get_field(field_name).verbose_name))
            except (AttributeError, FieldDoesNotExist):
                names.append(name)
        return names

    def record_type_name(self):
        from django.apps import apps

        try:
            return apps.get_model(self.record_type)._meta.verbose_name
        except LookupError:
            return self.record_type


def log_personal_data_shown(sender, request, action, records, fields, province, **kwargs):
    meta = sender._meta
    single = action == AccessLog.Action.VIEW and len(records) == 1
    AccessLog.objects.create(
        user=request.user, username=request.user.get_username(),
        province=province, record_type=f"{meta.app_label}.{meta.model_name}",
        record_id=records[0] if single else None, record_ids=[] if single else records,
        action=action, fields=fields, path=request.get_full_path()[:500],
    )
