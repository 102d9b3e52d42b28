"""Who a user is in the office: their province and role."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from doingoai.core.models import AdminUnit


class Membership(models.Model):
    class Role(models.TextChoices):
        SPECIALIST = "specialist", _("Specialist (enters and edits)")
        LEADER = "leader", _("Leader (approves)")
        VIEWER = "viewer", _("Viewer (reads)")
        MINISTRY = "ministry", _("Ministry-level viewer (reads every province)")
        # Users of one of the province's bodies (a department, a commune): they read and change
        # only their unit's records and submissions.
        REPORTER = "reporter", _("Reporter of a unit (enters and submits its figures)")
        UNIT_LEADER = "unit_leader", _("Leader of a unit (approves its submissions)")

    UNIT_ROLES = (Role.REPORTER, Role.UNIT_LEADER)

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, models.CASCADE, related_name="membership", verbose_name=_("user")
    )
    province = models.ForeignKey(
        AdminUnit, models.PROTECT, null=True, blank=True, related_name="+",
        limit_choices_to={"level": AdminUnit.Level.PROVINCE}, verbose_name=_("province"),
    )
    role = models.CharField(_("role"), max_length=12, choices=Role.choices)
    organisation = models.ForeignKey(
        "organisations.Organisation", models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("unit"),
        help_text=_("For a reporter or a unit leader: the body of the province they work in."),
    )
    title = models.CharField(_("job title"), max_length=120, blank=True)
    # Decree 13/2023/NĐ-CP: passport numbers, addresses and the circumstances of a citizen
    # in trouble are shown only to those whose work needs them; others see them masked.
    can_see_personal_data = models.BooleanField(
        _("may see personal data"), default=False,
        help_text=_("Passport numbers, addresses and other personal data are shown in full "
                    "and can be exported; every view is logged."),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")

    def __str__(self):
        return f"{self.user} — {self.get_role_display()} — {self.province or _('all provinces')}"

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.role != self.Role.MINISTRY and self.province_id is None:
            raise ValidationError(
                {"province": _("Every user except a ministry-level viewer belongs to a province.")}
            )
        if self.role in self.UNIT_ROLES and self.organisation_id is None:
            raise ValidationError({"organisation": _(
                "A reporter or a unit leader belongs to one of the province's bodies: choose it.")})
        if self.role not in self.UNIT_ROLES and self.organisation_id is not None:
            raise ValidationError({"organisation": _(
                "Only a reporter or a unit leader belongs to a unit; the office's users read "
                "every unit of their province.")})
        if self.organisation_id and self.province_id and not AdminUnit.objects.rolling_up_to(
                self.province).filter(pk=self.organisation.owner_id).exists():
            raise ValidationError({"organisation": _(
                "This body belongs to another province.")})


class LoginAttempt(models.Model):
    """Retired: the attempts of the hand-written throttle, replaced by django-axes
    (accounts/lockout.py). Kept until a migration drops the table, so that this branch adds
    no migration beside another branch's in accounts/."""

    username = models.CharField(_("user name"), max_length=150, db_index=True)
    ip = models.GenericIPAddressField(_("IP address"), null=True, blank=True, db_index=True)
    at = models.DateTimeField(_("at"), db_index=True)
    succeeded = models.BooleanField(_("succeeded"), default=False)

    class Meta:
        verbose_name = _("log-in attempt")
        verbose_name_plural = _("log-in attempts")
        ordering = ["-at"]

    def __str__(self):
        return f"{self.username} {self.ip} {self.at:%Y-%m-%d %H:%M} {self.succeeded}"


class PasswordResetRequest(models.Model):
    """One request for a password-reset e-mail, kept in the database so that every app server
    counts the same requests (see accounts/throttle.py)."""

    email = models.CharField(_("e-mail address"), max_length=254, db_index=True)
    ip = models.GenericIPAddressField(_("IP address"), null=True, blank=True, db_index=True)
    at = models.DateTimeField(_("at"), db_index=True)

    class Meta:
        verbose_name = _("password-reset request")
        verbose_name_plural = _("password-reset requests")
        ordering = ["-at"]

    def __str__(self):
        return f"{self.email} {self.ip} {self.at:%Y-%m-%d %H:%M}"
