"""Log-in rate limiting: too many failed attempts for one user name, or from one IP address,
within a window lock further attempts out for the rest of the window.

Every log-in path is covered: accounts.views.LoginView answers HTTP 429 with a message, and
ThrottledModelBackend (in AUTHENTICATION_BACKENDS) refuses the others (the admin site's).
The attempts live in the database (LoginAttempt), not in a process's memory, so the limit
holds across several app servers. Settings (with their defaults):

- DOINGOAI_LOGIN_MAX_FAILURES = 5: failures per user name within the window;
- DOINGOAI_LOGIN_MAX_FAILURES_PER_IP = 20: failures from one address (an office often sits
  behind one address, so this is higher);
- DOINGOAI_LOGIN_WINDOW_MINUTES = 15.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core.exceptions import PermissionDenied
from django.dispatch import receiver
from django.utils import timezone

from doingoai.accounts.models import LoginAttempt, PasswordResetRequest


def max_failures() -> int:
    return getattr(settings, "DOINGOAI_LOGIN_MAX_FAILURES", 5)


def max_failures_per_ip() -> int:
    return getattr(settings, "DOINGOAI_LOGIN_MAX_FAILURES_PER_IP", 20)


def window() -> timedelta:
    return timedelta(minutes=getattr(settings, "DOINGOAI_LOGIN_WINDOW_MINUTES", 15))


def normalise(username: str) -> str:
    return (username or "").strip().casefold()[:150]


def client_ip(request) -> str | None:
    # REMOTE_ADDR only: X-Forwarded-For is set by the client and would let anyone dodge the
    # limit. Behind a reverse proxy, the proxy should set REMOTE_ADDR (e.g. gunicorn's
    # --forwarded-allow-ips with a proxy_protocol, or uvicorn's --proxy-headers).
    return request.META.get("REMOTE_ADDR") or None


def is_locked_out(username: str, ip: str | None) -> bool:
    since = timezone.now() - window()
    username = normalise(username)
    last_success = (
        LoginAttempt.objects.filter(username=username, succeeded=True, at__gte=since)
        .order_by("-at").values_list("at", flat=True).first()
    )
    user_since = max(since, last_success) if last_success else since
    user_failures = LoginAttempt.objects.filter(
        username=username, succeeded=False, at__gt=user_since
    ).count()
    if user_failures >= max_failures():
        return True
    if ip:
        ip_failures = LoginAttempt.objects.filter(ip=ip, succeeded=False, at__gte=since).count()
        if ip_failures >= max_failures_per_ip():
            return True
    return False


def record(username: str, ip: str | None, succeeded: bool) -> None:
    now = timezone.now()
    LoginAttempt.objects.create(username=normalise(username), ip=ip, at=now, succeeded=succeeded)
    if succeeded:
        # Old attempts no longer count; keep the table small.
        LoginAttempt.objects.filter(at__lt=now - max(window(), timedelta(days=1))).delete()


class ThrottledModelBackend(ModelBackend):
    """Django's user-name-and-password backend, refusing every log-in path (the admin site's
    too) while the user name or the address is locked out."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is not None and is_locked_out(
            username or kwargs.get(get_user_model().USERNAME_FIELD, ""), client_ip(request)
        ):
            raise PermissionDenied
        return super().authenticate(request, username=username, password=password, **kwargs)


def _is_log_in_form(request) -> bool:
    # A log-in through a form, not the test client's force_login() or a script.
    return request is not None and getattr(request, "method", None) == "POST"


@receiver(user_login_failed)
def record_failure(sender, credentials, request=None, **kwargs):
    if _is_log_in_form(request):
        username = credentials.get(get_user_model().USERNAME_FIELD, "")
        record(username, client_ip(request), succeeded=False)


@receiver(user_logged_in)
def record_success(sender, request, user, **kwargs):
    if _is_log_in_form(request):
        record(user.get_username(), client_ip(request), succeeded=True)


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
