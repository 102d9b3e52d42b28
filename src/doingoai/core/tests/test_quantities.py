"""The class of item 7 of issue 10: every number field of the project is a count or an amount
that cannot be negative, checked by the model (pages, admin, import) and by the database,
unless it is declared signed here with the reason. A new number field fails this test until
it says which it is."""

from django.apps import apps
from django.db import models
from django.db.models.fields import AutoFieldMixin

# "app.Model.field": why it may be below zero, and what checks it instead.
SIGNED = {
    "figures.ReportedFigure.value": "a growth rate in percent may be negative; "
                                    "figures.models.check_sign refuses any other negative",
    "figures.Candidate.value": "as ReportedFigure.value",
}
POSITIVE_TYPES = (models.PositiveIntegerField, models.PositiveSmallIntegerField,
                  models.PositiveBigIntegerField)


def number_fields():
    for model in apps.get_models():
        if not model.__module__.startswith("doingoai.") or model.__name__.startswith(
                "Historical"):
            continue
        for field in model._meta.concrete_fields:
            if isinstance(field, (models.DecimalField, models.IntegerField,
                                  models.FloatField)) and not isinstance(field, AutoFieldMixin):
                if field.remote_field is None:
                    yield model, field


def has_lower_bound(field) -> bool:
    return any(getattr(validator, "code", "") == "min_value"
               and getattr(validator, "limit_value", -1) >= 0 for validator in field.validators)


def checked_in_database(model, field) -> bool:
    return any(isinstance(constraint, models.CheckConstraint)
               and f"'{field.name}__" in str(constraint.condition)
               for constraint in model._meta.constraints)


def test_every_number_field_is_bounded_below_by_the_model_and_the_database():
    unbounded = []
    for model, field in number_fields():
        name = f"{model._meta.label}.{field.name}"
        if isinstance(field, POSITIVE_TYPES):
            continue  # Django gives these a validator and a CHECK (>= 0) of their own
        if name in SIGNED:
            if not checked_in_database(model, field):
                unbounded.append(f"{name} (signed, but no conditional check constraint)")
            continue
        if not has_lower_bound(field):
            unbounded.append(f"{name} (no validator)")
        if not checked_in_database(model, field):
            unbounded.append(f"{name} (no check constraint)")
    assert unbounded == []


def test_the_list_of_signed_fields_names_real_fields():
    names = {f"{model._meta.label}.{field.name}" for model, field in number_fields()}
    assert set(SIGNED) <= names
