"""The one place where province scoping is enforced for records.

Each app defines one helper per object type (``get_partner_for_user`` ...) that calls
``get_record_for_user``; every view and endpoint fetches records through those helpers.
"""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from doingoai.accounts.scope import can_write, can_write_record


def get_record_for_user(request, model, pk, *, write: bool = False, deleted: bool = False):
    """The record ``pk`` of ``model`` if ``request.user`` may read it (and change it when
    ``write``); 404 when it belongs to a province the user cannot read, 403 when the user
    may read but not change it."""
    manager = model.all_objects if deleted else model.objects
    queryset = manager.visible_to(request.user)
    if deleted:
        queryset = queryset.deleted()
    record = get_object_or_404(queryset, pk=pk)
    if write and not can_write_record(request.user, record):
        raise PermissionDenied
    return record


def require_writer(request):
    if not can_write(request.user):
        raise PermissionDenied


def allowed_if(check):
    """Let a user into the view only if ``check(user)``, else 403.

    The check is kept on the view (``access_check``): the menu (``core/context_processors``)
    asks the view behind each link the same question, so a link is shown to exactly the users
    the page lets in."""

    def decorator(view):
        @wraps(view)
        def guarded(request, *args, **kwargs):
            if not check(request.user):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        guarded.access_check = check
        return guarded

    return decorator
