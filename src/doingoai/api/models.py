"""Personal API tokens: a user creates one per program that reads doingoai for them, sees its
key once, and revokes it when the program no longer needs it. Only a SHA-256 of the key is
stored, so a copy of the database gives nobody a working key."""

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

KEY_PREFIX = "dng_"


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


class ApiTokenQuerySet(models.QuerySet):
    def active(self):
        now = timezone.now()
        return self.filter(revoked_at__isnull=True).filter(
            models.Q(expires_at__isnull=True) | models.Q(expires_at__gt=now))

    def for_key(self, key: str):
        """The active token whose key is ``key``, or None."""
        return self.active().select_related("user").filter(key_hash=hash_key(key)).first()


class ApiToken(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="api_tokens", verbose_name=_("user"))
    name = models.CharField(_("name"), max_length=100)
    key_hash = models.CharField(_("key hash"), max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    # What the key may do: read only, or read and write as its user may on the pages.
    can_write = models.BooleanField(_("may write"), default=False)
    # Narrower than its user, never wider: one of the provinces the user reads, one body.
    province = models.ForeignKey("core.AdminUnit", models.PROTECT, null=True, blank=True,
                                 related_name="+", verbose_name=_("only the province"))
    organisation = models.ForeignKey("organisations.Organisation", models.PROTECT, null=True,
                                     blank=True, related_name="+",
                                     verbose_name=_("only the body"))
    expires_at = models.DateTimeField(_("expires at"), null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self):
        return self.name

    @classmethod
    def issue(cls, user, name: str, **scope) -> tuple["ApiToken", str]:
        """A new token for ``user`` and its key, which is shown once and never stored;
        ``scope``: can_write, province, organisation, expires_at."""
        key = KEY_PREFIX + secrets.token_urlsafe(32)
        token = cls.objects.create(user=user, name=name, key_hash=hash_key(key), **scope)
        return token, key

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None and (
            self.expires_at is None or self.expires_at > timezone.now())

    def revoke(self):
        if self.revoked_at is None:
            self.revoked_at = timezone.now()
            self.save(update_fields=["revoked_at"])

    def touch(self):
        # At most once a minute: a busy client should not write a row per request.
        now = timezone.now()
        if self.last_used_at is None or (now - self.last_used_at).total_seconds() > 60:
            ApiToken.objects.filter(pk=self.pk).update(last_used_at=now)
            self.last_used_at = now


class ApiWrite(models.Model):
    """One write asked through the API, kept whatever its answer: which token, whose, what
    and how it ended. The record's own history says what changed."""

    token = models.ForeignKey(ApiToken, models.SET_NULL, null=True, blank=True,
                              related_name="writes", verbose_name=_("API token"))
    user = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True,
                             related_name="+", verbose_name=_("user"))
    at = models.DateTimeField(_("at"), default=timezone.now)
    method = models.CharField(_("method"), max_length=10)
    path = models.CharField(_("path"), max_length=300)
    record_type = models.CharField(_("record type"), max_length=100)
    record_id = models.PositiveBigIntegerField(_("record"), null=True, blank=True)
    status = models.PositiveSmallIntegerField(_("answer"))

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("API write")
        verbose_name_plural = _("API writes")

    def __str__(self):
        return f"{self.method} {self.path} → {self.status}"
