"""Read replicas: each request reads from one replica, every write goes to the primary.

A streaming replica lags a little behind the primary, so a user who has just saved something
would not see it on the page the redirect leads to. ``PinToPrimaryMiddleware`` prevents that:
a request that writes answers with a short-lived cookie (``doingoai_primary``, for
DOINGOAI_PIN_PRIMARY_SECONDS), and while it lasts that user's reads go to the primary. A
request that is not a GET or HEAD reads from the primary all along, and so does a request
after its first write, so a view never compares what it read with what it wrote on another
server.

Outside a request (management commands: imports, reminders, backups) every read goes to the
primary. Sessions and the log-in lock-out's counters are read by whichever server takes the
next request, right after another one wrote them: they always stay on the primary too.

A replica that cannot be reached (stopped, restarted, its network down) is left out for
DOINGOAI_REPLICA_RETRY_SECONDS: the request reads from another replica, or from the primary
when none answers, so a replica going down slows the pages a little but breaks none. Each
server keeps this in its own memory; it is a cache of what it saw, not state to share."""

import logging
import random
import time
from contextvars import ContextVar

from django.conf import settings
from django.db import DatabaseError, connections

logger = logging.getLogger(__name__)

PRIMARY = "default"
PIN_COOKIE = "doingoai_primary"
PRIMARY_ONLY_APPS = frozenset({"sessions", "axes"})
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})

_reads_from: ContextVar[str] = ContextVar("doingoai_reads_from", default=PRIMARY)
_wrote: ContextVar[bool] = ContextVar("doingoai_wrote", default=False)
# alias -> time.monotonic() until which this server does not try the replica again
_down_until: dict[str, float] = {}


def replica_aliases() -> list[str]:
    """The aliases settings.py gives the replicas: replica, replica_2, replica_3..."""
    return [alias for alias in settings.DATABASES if alias.startswith("replica")]


def reachable(alias: str) -> bool:
    """Whether the database answers. A persistent connection (CONN_MAX_AGE) held from an
    earlier request is checked first (PostgreSQL: ``SELECT 1``), since a replica that went
    down since then leaves it open but dead; then the connection is opened if need be."""
    connection = connections[alias]
    try:
        if connection.connection is not None and not connection.is_usable():
            connection.close()
        connection.ensure_connection()
    except DatabaseError as error:
        logger.warning("Replica %s cannot be reached, reading from another database: %s",
                       alias, error)
        return False
    return True


def choose_replica(replicas: list[str]) -> str:
    """A replica that answers, chosen at random; the primary when none does."""
    now = time.monotonic()
    candidates = [alias for alias in replicas if _down_until.get(alias, 0) <= now]
    random.shuffle(candidates)
    for alias in candidates:
        if reachable(alias):
            _down_until.pop(alias, None)
            return alias
        _down_until[alias] = now + settings.DOINGOAI_REPLICA_RETRY_SECONDS
    return PRIMARY


class PrimaryReplicaRouter:
    def db_for_read(self, model, **hints):
        if model._meta.app_label in PRIMARY_ONLY_APPS:
            return PRIMARY
        return _reads_from.get()

    def db_for_write(self, model, **hints):
        if model._meta.app_label not in PRIMARY_ONLY_APPS:
            # The rest of this request reads what it has just written, and so does this
            # user's next requests, on whichever server they land (the cookie).
            _reads_from.set(PRIMARY)
            _wrote.set(True)
        return PRIMARY

    def allow_relation(self, obj1, obj2, **hints):
        # The replicas hold the same rows as the primary.
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == PRIMARY


class PinToPrimaryMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        replicas = replica_aliases()
        pinned = (not replicas or request.method not in SAFE_METHODS
                  or PIN_COOKIE in request.COOKIES)
        _reads_from.set(PRIMARY if pinned else choose_replica(replicas))
        _wrote.set(False)
        try:
            response = self.get_response(request)
            if _wrote.get():
                response.set_cookie(
                    PIN_COOKIE, "1", max_age=settings.DOINGOAI_PIN_PRIMARY_SECONDS,
                    httponly=True, samesite="Lax", secure=settings.SESSION_COOKIE_SECURE)
        except BaseException:
            _reads_from.set(PRIMARY)
            raise
        if response.streaming:
            # A streamed export runs its queries while the server sends it, after this
            # returns: the replica stays chosen until the response is closed.
            response._resource_closers.append(lambda: _reads_from.set(PRIMARY))
        else:
            _reads_from.set(PRIMARY)
        return response
