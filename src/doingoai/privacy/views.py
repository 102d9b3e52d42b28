from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render

from doingoai.accounts.scope import is_leader
from doingoai.core.access import allowed_if
from doingoai.privacy.models import AccessLog


@login_required
@allowed_if(is_leader)
def access_log(request):
    """Who saw or exported personal data: readable by the office's leader only, for the
    records of their own province."""
    entries = AccessLog.objects.visible_to(request.user).select_related("user", "province")
    page = Paginator(entries, 100).get_page(request.GET.get("page"))
    return render(request, "privacy/access_log.html", {"page": page})
