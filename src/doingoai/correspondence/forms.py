from django import forms
from django.utils.translation import gettext_lazy as _

from doingoai.agreements.models import Agreement
from doingoai.aid.models import AidProgramme
from doingoai.core.records import scope_choices
from doingoai.correspondence.models import DocumentLink
from doingoai.delegations.models import Delegation


class LinkForm(forms.Form):
    """Link a document to one record: the choices are the records the user reads."""

    delegation = forms.ModelChoiceField(Delegation.objects.all(), required=False,
                                        label=_("delegation"))
    agreement = forms.ModelChoiceField(Agreement.objects.all(), required=False,
                                       label=_("agreement"))
    programme = forms.ModelChoiceField(AidProgramme.objects.all(), required=False,
                                       label=_("aid programme"))
    role = forms.ChoiceField(choices=DocumentLink.Role.choices, label=_("role"))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        scope_choices(self, user)

    def clean(self):
        data = super().clean()
        chosen = [data[n] for n in ("delegation", "agreement", "programme") if data.get(n)]
        if len(chosen) != 1:
            raise forms.ValidationError(_("Choose one record to link the document to."))
        data["record"] = chosen[0]
        return data
