"""In-app notifications, the log that keeps ``doingoai remind`` from sending the same item
twice on one day, and the secret tokens of the calendar feeds."""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class NotificationQuerySet(models.QuerySet):
    def unread(self):
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE,
                             related_name="notifications", verbose_name=_("user"))
    # The agenda item it is about, e.g. "delegations.delegation:12:report-overdue".
    key = models.CharField(_("item"), max_length=120)
    title = models.CharField(_("title"), max_length=400)
    url = models.CharField(_("link"), max_length=300, blank=True)
    due_on = models.DateField(_("due on"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["user", "key"], name="one_notification_per_item")
        ]

    def __str__(self):
        return self.title


class ReminderLog(models.Model):
    """One row per item e-mailed to a user on a day: a second run the same day skips it."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="+")
    key = models.CharField(max_length=120)
    sent_on = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "key", "sent_on"],
                                    name="one_reminder_per_item_and_day")
        ]

    def __str__(self):
        return f"{self.key} ({self.sent_on})"


def new_token() -> str:
    return secrets.token_urlsafe(24)


class CalendarToken(models.Model):
    """The secret in a user's .ics feed address: a calendar client has no session."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, models.CASCADE,
                                related_name="calendar_token")
    token = models.CharField(max_length=64, unique=True, default=new_token)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"{self.user}"

    @classmethod
    def for_user(cls, user) -> "CalendarToken":
        return cls.objects.get_or_create(user=user)[0]

    def reset(self):
        self.token = new_token()
        self.created_at = timezone.now()
        self.save()
