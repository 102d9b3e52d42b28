"""The page where a user creates and revokes personal API tokens, and where the office's
leader sees and revokes those of the province's users. A new token's key is shown once, on
the page that follows its creation, and never again."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from doingoai.accounts.scope import can_write, home_province, is_leader
from doingoai.api.models import ApiToken
from doingoai.core.models import AdminUnit
from doingoai.core.records import formfield_with_widgets, scope_choices


class TokenForm(forms.ModelForm):
    """A token never reaches further than its user: the provinces and bodies offered are the
    user's own (``scope_choices``), and only a user who may write gets a read-write key."""

    class Meta:
        model = ApiToken
        fields = ["name", "can_write", "province", "organisation", "expires_at"]
        formfield_callback = formfield_with_widgets
        widgets = {"expires_at": forms.DateTimeInput(attrs={"placeholder": "dd/mm/yyyy hh:mm"})}
        help_texts = {
            "name": gettext_lazy("E.g. the program that will use it."),
            "province": gettext_lazy("Leave empty for every province you read."),
            "organisation": gettext_lazy("Leave empty for every body you read."),
            "expires_at": gettext_lazy("Leave empty for a token that does not expire."),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        scope_choices(self, user)
        self.fields["province"].queryset = self.fields["province"].queryset.filter(
            level=AdminUnit.Level.PROVINCE)

    def clean_can_write(self):
        value = self.cleaned_data["can_write"]
        if value and not can_write(self.user):
            raise forms.ValidationError(_("You may only read: your tokens may only read too."))
        return value

    def clean_expires_at(self):
        value = self.cleaned_data["expires_at"]
        if value is not None and value <= timezone.now():
            raise forms.ValidationError(_("Choose a moment in the future."))
        return value


def managed_tokens(user):
    """The tokens ``user`` may revoke: their own and, for a leader, those of the users of
    their province."""
    province = home_province(user)
    if is_leader(user) and province is not None:
        return ApiToken.objects.filter(
            Q(user__membership__province=province) | Q(user=user)).distinct()
    return ApiToken.objects.filter(user=user)


@login_required
def tokens(request):
    new_key = None
    form = TokenForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        scope = {name: form.cleaned_data[name] for name in form.Meta.fields if name != "name"}
        token, new_key = ApiToken.issue(request.user, form.cleaned_data["name"].strip(), **scope)
        messages.success(request, _("Token created. Copy its key now: it is not shown "
                                    "again."))
        form = TokenForm(user=request.user)
    others = []
    if is_leader(request.user):
        others = managed_tokens(request.user).exclude(user=request.user).select_related(
            "user", "province", "organisation")
    ctx = {
        "tokens": ApiToken.objects.filter(user=request.user).select_related(
            "province", "organisation"),
        "others": others, "form": form, "new_key": new_key,
    }
    return render(request, "api/tokens.html", ctx, status=400 if form.errors else 200)


@login_required
@require_POST
def revoke(request, pk):
    # One's own tokens, or a leader's province's: any other token is "not found".
    token = get_object_or_404(managed_tokens(request.user), pk=pk)
    if token.user_id != request.user.pk and not is_leader(request.user):
        raise Http404
    token.revoke()
    messages.success(request, _("Token revoked: programs using its key are refused from now on."))
    return redirect("api:tokens")
