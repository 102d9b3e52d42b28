from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import render

from doingoai.accounts.scope import is_leader
from doingoai.privacy.models import AccessLog


@login_required
def access_log(request):
    """Who saw or exported personal data: readable by the office's leader only, for the
    records of their own province."""
    if not is_leader(request.user):
        raise PermissionDenied
    entries = AccessLog.objects.visible_to(request.user).select_related("user", "province")
    page = Paginator(entries, 100).get_page(request.GET.get("page"))
    return render(request, "privacy/access_log.html", {"page": page})
