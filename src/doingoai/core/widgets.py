"""How every form of the site draws its choices and its dates, whoever built the form (a
record type's page, a workflow step, a filter, the Django admin).

- A drop-down of more than ``SEARCHABLE_OVER`` options (249 countries, hundreds of communes
  or partners), and every multiple choice, is marked ``data-searchable``;
  ``doingoai/forms.js`` turns it into a Tom Select box in which "ha giang" finds "Hà Giang".
  A short single choice stays a plain ``<select>``.
- The empty option reads "— chọn —", not Django's "---------".
- Dates are typed and shown dd/mm/yyyy whatever the browser's locale: ``<input type=date>``
  would show the browser's own format (mm/dd/yyyy on an English Windows).

The first two are done by the form renderer (``FORM_RENDERER``), which every widget of every
form goes through, so that no form can be left out.
"""

from django import forms
from django.db.models.fields import BLANK_CHOICE_DASH
from django.forms.renderers import DjangoTemplates
from django.utils.translation import gettext, gettext_lazy

SEARCHABLE_OVER = 15
DATE_FORMAT = "%d/%m/%Y"
_DASHES = BLANK_CHOICE_DASH[0][1]  # the label of Django's (and django-filter's) empty option


def empty_label():
    return gettext("— choose —")


class FormRenderer(DjangoTemplates):
    def render(self, template_name, context, request=None):
        widget = context.get("widget") if isinstance(context, dict) else None
        if widget is not None and template_name == forms.Select.template_name:
            context = {**context, "widget": searchable(widget)}
        return super().render(template_name, context, request=request)


def searchable(widget: dict) -> dict:
    """The context of a select widget with its empty option labelled "— chọn —" and, for a
    long list, the mark that makes it a searchable box."""
    count = 0
    for _group, group_options, _index in widget.get("optgroups", ()):
        for option in group_options:
            if option["value"] in ("", None):
                if option["label"] == _DASHES:
                    option["label"] = empty_label()
            else:
                count += 1
    attrs = dict(widget.get("attrs") or {})
    # The admin's autocomplete boxes search on the server already.
    # A multiple choice is always a box to type in: a Ctrl-click list is hard to use at any
    # length.
    long_or_multiple = count > SEARCHABLE_OVER or widget.get("attrs", {}).get("multiple")
    if long_or_multiple and "data-ajax--url" not in attrs:
        attrs.setdefault("data-searchable", True)
    return {**widget, "attrs": attrs}


class DateInput(forms.DateInput):
    """A text box for a date, dd/mm/yyyy, with a calendar button added by forms.js."""

    input_type = "text"

    def __init__(self, attrs=None, format=None):
        defaults = {
            "placeholder": gettext_lazy("dd/mm/yyyy"),
            "inputmode": "numeric",
            "autocomplete": "off",
            "data-date": "",
        }
        super().__init__({**defaults, **(attrs or {})}, format=format or DATE_FORMAT)
