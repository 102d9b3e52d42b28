"""Log-in rate limiting: too many failed attempts for one user name, or from one IP address,
within a window lock further attempts out for the rest of the window.

The attempts live in the database (LoginAttempt), not in a process's memory, so the limit
holds across several app servers. Settings (with their defaults):

- DOINGOAI_LOGIN_MAX_FAILURES = 5: failures per user name within the window;
- DOINGOAI_LOGIN_MAX_FAILURES_PER_IP = 20: failures from one address (an office often sits
  behind one address, so this is higher);
- DOINGOAI_LOGIN_WINDOW_MINUTES = 15.
"""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from doingoai.accounts.models import LoginAttempt


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
