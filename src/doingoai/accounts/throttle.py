"""Password-reset rate limiting: a few e-mails an hour per address and per client address.

The log-in lock-out is django-axes', configured in accounts/lockout.py.
"""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from doingoai.accounts.lockout import client_ip  # noqa: F401  (the one reading of the address)
from doingoai.accounts.models import PasswordResetRequest


# Password-reset e-mails: a few per address and per client address an hour, so the form can
# neither flood a colleague's mailbox nor be used to send mail in bulk.
def reset_max_per_email() -> int:
    return getattr(settings, "DOINGOAI_PASSWORD_RESET_MAX_PER_EMAIL", 3)


def reset_max_per_ip() -> int:
    return getattr(settings, "DOINGOAI_PASSWORD_RESET_MAX_PER_IP", 10)


RESET_WINDOW = timedelta(hours=1)


def reset_is_limited(email: str, ip: str | None) -> bool:
    since = timezone.now() - RESET_WINDOW
    recent = PasswordResetRequest.objects.filter(at__gte=since)
    if recent.filter(email=normalise_email(email)).count() >= reset_max_per_email():
        return True
    return bool(ip) and recent.filter(ip=ip).count() >= reset_max_per_ip()


def record_reset_request(email: str, ip: str | None) -> None:
    now = timezone.now()
    PasswordResetRequest.objects.create(email=normalise_email(email), ip=ip, at=now)
    PasswordResetRequest.objects.filter(at__lt=now - timedelta(days=1)).delete()


def normalise_email(email: str) -> str:
    return (email or "").strip().casefold()[:254]
