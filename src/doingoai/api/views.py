"""The page where a user creates and revokes personal API tokens. A new token's key is shown
once, on the page that follows its creation, and never again."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from doingoai.api.models import ApiToken


@login_required
def tokens(request):
    new_key = None
    error = ""
    if request.method == "POST":
        name = request.POST.get("name", "").strip()[:100]
        if not name:
            error = _("Give the token a name, e.g. the program that will use it.")
        else:
            token, new_key = ApiToken.issue(request.user, name)
            messages.success(request, _("Token created. Copy its key now: it is not shown "
                                        "again."))
    ctx = {
        "tokens": ApiToken.objects.filter(user=request.user),
        "new_key": new_key, "error": error,
    }
    return render(request, "api/tokens.html", ctx, status=400 if error else 200)


@login_required
@require_POST
def revoke(request, pk):
    # Only one's own tokens: another user's token is "not found".
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)
    token.revoke()
    messages.success(request, _("Token revoked: programs using its key are refused from now on."))
    return redirect("api:tokens")
