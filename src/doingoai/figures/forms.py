from django import forms
from django.utils.translation import gettext_lazy as _

from doingoai.core.widgets import DateInput
from doingoai.figures.models import Candidate


class DocumentForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    published_on = forms.DateField(
        label=_("Published on"), required=False,
        widget=DateInput(),
        help_text=_("Periods such as \"in 10 years\" are counted back from this date."),
    )
    url = forms.URLField(label=_("Web address"), required=False, assume_scheme="https")
    text = forms.CharField(label=_("Text"), required=False,
                           widget=forms.Textarea(attrs={"rows": 12}))
    file = forms.FileField(label=_("Or a file (.txt, .html, .docx, .pdf)"), required=False)

    ALLOWED = (".txt", ".html", ".htm", ".docx", ".pdf")
    MAX_BYTES = 10 * 1024 * 1024

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload is None:
            return None
        if not upload.name.lower().endswith(self.ALLOWED):
            raise forms.ValidationError(_("Only .txt, .html, .docx and .pdf files can be read."))
        if upload.size > self.MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 10 MB."))
        return upload

    def clean(self):
        data = super().clean()
        if not data.get("text", "").strip() and not data.get("file"):
            raise forms.ValidationError(_("Paste the text or choose a file."))
        return data


class CandidateForm(forms.ModelForm):
    class Meta:
        model = Candidate
        fields = ["indicator", "value", "unit", "of", "qualifier", "period", "place"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Show 13 rather than the column's 13.0000; a decimal part is kept when there is one.
        for name in ("value", "of"):
            amount = self.initial.get(name)
            if amount is not None:
                self.initial[name] = f"{amount.normalize():f}"
