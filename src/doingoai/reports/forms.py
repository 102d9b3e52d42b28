from django import forms
from django.utils.translation import gettext_lazy as _

from doingoai.reports.models import FigureChoice, register_names


class CoverageForm(forms.Form):
    register = forms.ChoiceField(label=_("register"))
    complete_from = forms.DateField(label=_("records complete from"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["register"].choices = list(register_names().items())


class ChoiceForm(forms.Form):
    indicator = forms.CharField()
    period = forms.CharField()
    basis = forms.ChoiceField(choices=FigureChoice.Basis.choices)
