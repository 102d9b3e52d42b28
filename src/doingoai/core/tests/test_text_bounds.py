"""The class of item 8 of issue 10: no text without a length. Every CharField and TextField
of every model is bounded, and every record type's create form refuses, with a message, a
value one character over each text field's length (a 10,000-character title once made every
list 3,876 px wide)."""

import importlib

from django.apps import apps
from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models

from doingoai.core.records import REGISTRY
from doingoai.core.tests.factories import create_form_data

importlib.import_module(settings.ROOT_URLCONF)  # fills REGISTRY

# Filled by code from fields that are bounded themselves, never typed by anybody.
DERIVED = {
    "search_text": "OwnedRecord.save folds the record's bounded SEARCH_FIELDS into it",
    "file_text": "Document.save reads it from the file, cut at filetext.MAX_KEPT_CHARS",
}


def text_fields():
    for model in apps.get_models():
        if not model.__module__.startswith("doingoai.") or model.__name__.startswith(
                "Historical"):
            continue
        for field in model._meta.concrete_fields:
            if isinstance(field, (models.CharField, models.TextField)):
                yield model, field


def test_every_text_field_of_every_model_has_a_length_the_model_checks():
    unbounded = []
    for model, field in text_fields():
        if field.name in DERIVED and not field.editable:
            continue
        has_validator = any(isinstance(v, MaxLengthValidator) for v in field.validators)
        if field.max_length is None or not has_validator:
            unbounded.append(f"{model._meta.label}.{field.name}")
    assert unbounded == [], "give these a max_length (TextField: core.models.bounded_text)"


def over_long(field) -> str:
    """A value one character longer than ``field`` allows, of the field's own kind."""
    if isinstance(field, models.URLField):
        start = "https://example.org/"
    elif isinstance(field, models.EmailField):
        start = "a@example.org"
        return "a" * (field.max_length + 1 - len(start)) + start
    else:
        start = ""
    return start + "a" * (field.max_length + 1 - len(start))


def test_every_create_form_refuses_a_value_one_character_over_each_text_fields_length(
    client, hg_specialist, ha_giang
):
    client.force_login(hg_specialist)
    missed, inline_checked = [], 0
    for rt in REGISTRY:
        data = create_form_data(rt, ha_giang, hg_specialist)
        names = []
        for name in rt.fields:
            field = rt.model._meta.get_field(name)
            if isinstance(field, (models.CharField, models.TextField)) and not field.choices:
                if field.max_length is None:
                    missed.append(f"{rt.slug}.{name} (no max_length)")
                    continue
                data[name] = over_long(field)
                names.append(name)
        # And one child row (a delegation's member...) with every text field too long.
        inline_names = {}
        for index, inline in enumerate(rt.inlines):
            prefix = f"inline{index}"
            inline_names[index] = []
            for name in inline.fields:
                field = inline.model._meta.get_field(name)
                if isinstance(field, (models.CharField, models.TextField)) and not field.choices:
                    data[f"{prefix}-0-{name}"] = over_long(field)
                    inline_names[index].append(name)
            if inline_names[index]:
                data[f"{prefix}-TOTAL_FORMS"], data[f"{prefix}-INITIAL_FORMS"] = "1", "0"
        if not names and not any(inline_names.values()):
            continue
        response = client.post(rt.reverse("create"), data)
        assert response.status_code == 400, rt.slug
        errors = response.context["form"].errors.as_data()
        for name in names:
            codes = [error.code for error in errors.get(name, [])]
            if "max_length" not in codes:
                missed.append(f"{rt.slug}.{name}")
        for index, inline_fields in inline_names.items():
            if not inline_fields:
                continue
            row_errors = response.context["formsets"][index].forms[0].errors.as_data()
            for name in inline_fields:
                inline_checked += 1
                if "max_length" not in [error.code for error in row_errors.get(name, [])]:
                    missed.append(f"{rt.slug}.inline{index}.{name}")
        if names:
            message = next(str(e.messages[0]) for e in errors[names[0]]
                           if e.code == "max_length")
            assert "tối đa" in message, message  # Vietnamese, naming the limit
        assert not rt.model.all_objects.filter(created_by=hg_specialist).exists(), rt.slug
    assert missed == []
    assert inline_checked > 0  # the child rows were checked too
