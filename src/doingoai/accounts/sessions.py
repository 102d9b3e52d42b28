"""The idle timeout of sessions kept in the database (issue 13 item 8), at one write a minute.

A session ends SESSION_COOKIE_AGE after its last request. Saving the session on every request
(SESSION_SAVE_EVERY_REQUEST) made each page a write to the database, which on SQLite takes
the one write lock (issue 15). Instead a request pushes the end back when the session was
last pushed REFRESH_SECONDS ago or more: the end comes at most that much earlier than after
the very last request, and a page read twice within a minute writes nothing.
"""

import time

REFRESH_SECONDS = 60
PUSHED_AT = "_doingoai_pushed_at"  # in the session's data: when its end was last pushed back


class IdleSessionMiddleware:
    """After SessionMiddleware, which saves the session this marks as changed."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = getattr(request, "session", None)
        # A visitor without a session gets none; a session just flushed (log-out) stays empty.
        if session is not None and not session.is_empty():
            now = int(time.time())
            if now - session.get(PUSHED_AT, 0) >= REFRESH_SECONDS:
                session[PUSHED_AT] = now
        return response
