from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

REPORT_EXTENSIONS = ("docx", "pdf", "txt")


def validate_report(upload):
    name = upload.name or ""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in REPORT_EXTENSIONS:
        raise ValidationError(_("Upload the unit's report as Word (.docx), PDF or text (.txt)."))
    limit = settings.DOINGOAI_MAX_ATTACHMENT_BYTES
    if upload.size > limit:
        raise ValidationError(_("The file is %(size)s; attachments may be at most %(limit)s.")
                              % {"size": filesizeformat(upload.size),
                                 "limit": filesizeformat(limit)})


class UploadForm(forms.Form):
    document = forms.FileField(label=_("The unit's report (DOCX, PDF or text)"),
                               validators=[validate_report])


class FiguresForm(forms.Form):
    """One value and one note per indicator asked, "none this period", and a note."""

    nothing_this_period = forms.BooleanField(
        label=_("None this period"), required=False,
        help_text=_("The unit had no foreign-affairs activity to report in the period."))
    note = forms.CharField(label=_("Note"), required=False, max_length=5000,
                           widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, indicators=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.indicators = list(indicators)
        for indicator in self.indicators:
            self.fields[f"value_{indicator.code}"] = forms.DecimalField(
                label=indicator.name_vi, required=False, min_value=0, max_digits=24,
                decimal_places=4, localize=True)
            self.fields[f"note_{indicator.code}"] = forms.CharField(
                label=_("note"), required=False, max_length=500)

    def rows(self):
        for indicator in self.indicators:
            yield indicator, self[f"value_{indicator.code}"], self[f"note_{indicator.code}"]

    def clean(self):
        cleaned = super().clean()
        values = [cleaned.get(f"value_{i.code}") for i in self.indicators]
        if cleaned.get("nothing_this_period") and any(v not in (None, 0) for v in values):
            raise ValidationError(_("“None this period” and figures other than zero cannot go "
                                    "together: untick it or clear the figures."))
        return cleaned
