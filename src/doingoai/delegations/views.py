from django.contrib.auth.decorators import login_required
from django.urls import reverse

from doingoai.delegations.access import get_delegation_for_user
from doingoai.delegations.workflow import workflow
from doingoai.rules.workflow import transition_view


@login_required
def transition(request, pk, step):
    """Submit, approve, return, refuse, mark under way or back, upload the report, cancel."""
    delegation = get_delegation_for_user(request, pk)
    detail = reverse("delegations:delegation-detail", args=[pk])
    return transition_view(request, delegation, workflow, step, detail)
