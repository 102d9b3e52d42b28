"""Log-in lock-out through django-axes: failures are counted per user name AND client address
together, so twenty wrong passwords from the internet never keep a colleague out, and a locked
pair waits a delay that doubles with every further failure (no hard lock of the right password).

Settings (with their defaults, see README "Settings"):

- DOINGOAI_LOGIN_MAX_FAILURES = 5: failures of one user name from one address within
  DOINGOAI_LOGIN_WINDOW_MINUTES = 15 before that pair waits;
- DOINGOAI_LOGIN_FIRST_DELAY_MINUTES = 1: the first wait, doubled with every further failure,
  up to DOINGOAI_LOGIN_MAX_DELAY_MINUTES = 60;
- DOINGOAI_TRUSTED_PROXIES = []: the addresses (or networks) of the reverse proxies whose
  X-Forwarded-For is believed. Any other client's X-Forwarded-For is ignored, since a client
  can write it. `doingoai serve` passes the same list to gunicorn's --forwarded-allow-ips.

An administrator unlocks a user in the admin (Axes › Access attempts: delete the row) or with
`doingoai unlock <user name> [--ip ADDRESS]`.
"""

import ipaddress
import math
from datetime import timedelta

from axes.backends import AxesStandaloneBackend
from django.conf import settings
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _


def max_failures() -> int:
    return getattr(settings, "DOINGOAI_LOGIN_MAX_FAILURES", 5)


def window() -> timedelta:
    return timedelta(minutes=getattr(settings, "DOINGOAI_LOGIN_WINDOW_MINUTES", 15))


def first_delay() -> timedelta:
    return timedelta(minutes=getattr(settings, "DOINGOAI_LOGIN_FIRST_DELAY_MINUTES", 1))


def max_delay() -> timedelta:
    return timedelta(minutes=getattr(settings, "DOINGOAI_LOGIN_MAX_DELAY_MINUTES", 60))


def normalise(username: str | None) -> str:
    return (username or "").strip().casefold()[:150]


def _trusted_networks():
    networks = []
    for entry in getattr(settings, "DOINGOAI_TRUSTED_PROXIES", []):
        try:
            networks.append(ipaddress.ip_network(entry.strip(), strict=False))
        except ValueError:
            continue  # a wrong entry trusts nobody rather than everybody
    return networks


def _parse(address: str):
    try:
        return ipaddress.ip_address(address.strip())
    except ValueError:
        return None


def _is_trusted(address, networks) -> bool:
    return any(address in network for network in networks)


def client_ip(request) -> str | None:
    """The client's address: REMOTE_ADDR, unless REMOTE_ADDR is a configured proxy; then the
    right-most address of X-Forwarded-For that is not itself a configured proxy (the left part
    of that header is written by the client and never believed)."""
    remote = _parse(request.META.get("REMOTE_ADDR") or "")
    if remote is None:
        return None
    networks = _trusted_networks()
    if not _is_trusted(remote, networks):
        return str(remote)
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    for hop in reversed(forwarded.split(",")):
        address = _parse(hop)
        if address is None:
            break  # a malformed hop: trust nothing beyond it
        if not _is_trusted(address, networks):
            return str(address)
    return str(remote)


def axes_username(request, credentials=None) -> str:
    """The user name Axes counts: compared without case, as the log-in compares it."""
    field = get_username_field()
    if credentials:
        return normalise(credentials.get(field))
    data = getattr(request, "data", None) or getattr(request, "POST", {})
    return normalise(data.get(field))


def get_username_field() -> str:
    from django.contrib.auth import get_user_model

    return get_user_model().USERNAME_FIELD


def _failures(request) -> int:
    from axes.models import AccessAttempt

    ip = getattr(request, "axes_ip_address", None) or client_ip(request)
    username = axes_username(request, getattr(request, "axes_credentials", None))
    row = (AccessAttempt.objects.filter(username=username, ip_address=ip)
           .values_list("failures_since_start", flat=True).first())
    return row or 0


def delay_for(failures: int) -> timedelta:
    """How long a pair with this many failures waits: nothing below the limit, then the first
    delay doubled with every failure beyond it, up to the ceiling."""
    if failures < max_failures():
        return timedelta(0)
    return min(first_delay() * (2 ** (failures - max_failures())), max_delay())


def cool_off(request) -> timedelta:
    """AXES_COOLOFF_TIME: below the limit, failures count for the window; at and beyond it,
    the pair waits the growing delay (and its record lives at least that long)."""
    failures = _failures(request) if request is not None else 0
    if failures < max_failures():
        return window()
    return delay_for(failures)


def lockout_response(request, original_response=None, credentials=None):
    """Axes' answer to a locked pair: the log-in page again, HTTP 429, saying how long to
    wait."""
    from axes.models import AccessAttempt
    from django.contrib.auth.forms import AuthenticationForm

    ip = getattr(request, "axes_ip_address", None) or client_ip(request)
    attempt = AccessAttempt.objects.filter(
        username=axes_username(request, credentials), ip_address=ip
    ).first()
    minutes = 1
    if attempt is not None:
        until = attempt.attempt_time + delay_for(attempt.failures_since_start)
        minutes = max(1, math.ceil((until - timezone.now()).total_seconds() / 60))
    message = _(
        "Too many wrong passwords for this user name from this address. Please wait "
        "%(minutes)d minutes and try again; an administrator can unlock it sooner."
    ) % {"minutes": minutes}
    return render(
        request, "accounts/login.html",
        {"form": AuthenticationForm(request), "locked_out": message,
         "next": request.POST.get("next", "") if request.method == "POST" else ""},
        status=429,
    )


class LockoutBackend(AxesStandaloneBackend):
    """Axes' check before the user-name-and-password backend. An authenticate() call without
    a request is an in-process call (a script, the test client's login()), not an attempt
    over HTTP: every HTTP log-in path (the log-in page, the admin's) passes its request."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
