from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.shortcuts import render

from doingoai.rules.models import LegalDocument, Rule


@login_required
def rule_list(request):
    """Every rule with its document: public law, readable by any logged-in user."""
    rules = Rule.objects.select_related("province")
    documents = LegalDocument.objects.select_related("province").prefetch_related(
        Prefetch("rules", queryset=rules)
    )
    return render(request, "rules/rule_list.html", {"documents": documents})
