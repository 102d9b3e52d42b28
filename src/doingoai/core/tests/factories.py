"""Small factories for every record type, and the form data that creates one through its
page. Plain functions: ``make_record(Model, owner)`` gives a saved record of ``owner``'s,
``valid_form_data(record_type, owner)`` the POST data of a valid create or edit form."""

import datetime as dt
import io
import itertools
from decimal import Decimal

from django import forms
from django.core.exceptions import FieldDoesNotExist
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory

from doingoai.agreements.models import Agreement
from doingoai.aid.models import AidProgramme, AidTransaction
from doingoai.core.models import AdminUnit
from doingoai.delegations.models import Delegation, DelegationMember
from doingoai.events.models import Event
from doingoai.figures.models import Indicator, ReportedFigure, SourceDocument
from doingoai.friendship.models import FriendshipAssociation, FriendshipPact
from doingoai.partners.models import Partner

_numbers = itertools.count(1)


def _n() -> int:
    return next(_numbers)


def make_partner(owner, **fields) -> Partner:
    values = {"kind": Partner.Kind.FOREIGN_LOCALITY, "name_vi": f"Tỉnh Vân Nam {_n()}",
              "name_en": "Yunnan", "country_id": "CN"}
    return Partner.objects.create(owner=owner, **{**values, **fields})


def make_agreement(owner, *, partners=None, **fields) -> Agreement:
    values = {"kind": Agreement.Kind.MOU, "title": f"Biên bản ghi nhớ hợp tác {_n()}",
              "our_signatory": "UBND tỉnh", "status": Agreement.Status.SIGNED,
              "signed_on": dt.date(2017, 5, 12)}
    agreement = Agreement.objects.create(owner=owner, **{**values, **fields})
    agreement.partners.set(partners if partners is not None else [make_partner(owner)])
    return agreement


def make_programme(owner, *, donors=None, **fields) -> AidProgramme:
    values = {"kind": AidProgramme.Kind.NGO, "title": f"Đường dây nóng phòng chống mua bán "
              f"người {_n()}", "starts_on": dt.date(2019, 1, 1), "ends_on": dt.date(2021, 12, 31)}
    programme = AidProgramme.objects.create(owner=owner, **{**values, **fields})
    programme.donors.set(donors if donors is not None else [make_partner(owner, kind="intl_org")])
    AidTransaction.objects.create(programme=programme, kind="commitment", on=dt.date(2019, 1, 1),
                                  amount="1500000000", currency_id="VND")
    return programme


def make_delegation(owner, **fields) -> Delegation:
    values = {"direction": Delegation.Direction.OUTGOING, "title": f"Đoàn công tác Nhật Bản {_n()}",
              "purpose": "Xúc tiến hợp tác", "departs_on": dt.date(2024, 3, 4),
              "returns_on": dt.date(2024, 3, 9)}
    delegation = Delegation.objects.create(owner=owner, **{**values, **fields})
    delegation.countries.set(["JP"])
    DelegationMember.objects.create(delegation=delegation, name="Nguyễn Văn A",
                                    role=DelegationMember.Role.HEAD)
    return delegation


def make_event(owner, **fields) -> Event:
    values = {"kind": Event.Kind.SEMINAR, "title": f"Hội thảo hợp tác biên giới {_n()}",
              "role": Event.Role.ORGANISED, "starts_on": dt.date(2023, 10, 2)}
    return Event.objects.create(owner=owner, **{**values, **fields})


def make_pact(owner, **fields) -> FriendshipPact:
    values = {"kind": FriendshipPact.Kind.BORDER_COMMUNE, "title": f"Kết nghĩa xã biên giới {_n()}",
              "our_side": "Xã Phó Bảng", "counterpart": "Trấn Đổng Cán", "country_id": "CN",
              "signed_on": dt.date(2016, 4, 20)}
    return FriendshipPact.objects.create(owner=owner, **{**values, **fields})


def make_association(owner, **fields) -> FriendshipAssociation:
    values = {"name": f"Hội hữu nghị Việt Nam – Nhật Bản {_n()}", "members": 40}
    association = FriendshipAssociation.objects.create(owner=owner, **{**values, **fields})
    association.countries.set(["JP"])
    return association


def make_source(owner, **fields) -> SourceDocument:
    values = {"title": f"Báo cáo công tác đối ngoại {_n()}", "file_name": "bao-cao.txt",
              "published_on": dt.date(2022, 12, 20), "text": "Đón 45 đoàn khách quốc tế."}
    return SourceDocument.objects.create(owner=owner, **{**values, **fields})


def make_figure(owner, **fields) -> ReportedFigure:
    values = {"indicator": Indicator.objects.order_by("code").first(), "place": owner,
              "period": "2022", "value": Decimal("45"), "unit": "count"}
    return ReportedFigure.objects.create(owner=owner, **{**values, **fields})


FACTORIES = {
    Partner: make_partner,
    Agreement: make_agreement,
    AidProgramme: make_programme,
    Delegation: make_delegation,
    Event: make_event,
    FriendshipPact: make_pact,
    FriendshipAssociation: make_association,
    SourceDocument: make_source,
    ReportedFigure: make_figure,
}


def make_specimen(owner, **fields):
    from doingoai.signatures.models import Specimen

    values = {"kind": Specimen.Kind.SEAL, "agency": f"UBND tỉnh {_n()}",
              "specimen": ContentFile(png_bytes(), name="con-dau.png"),
              "valid_from": dt.date(2021, 1, 1)}
    return make_any(Specimen, owner, **{**values, **fields})


# Record types of the later apps, by "app_label.modelname" so that this module does not
# import them.
def make_round(owner, **fields):
    """A reporting round asking one body of ``owner``'s for one indicator."""
    from doingoai.organisations.models import Organisation
    from doingoai.reporting.models import Round

    values = {"title": f"Báo cáo công tác đối ngoại quý I/2026 {_n()}", "period": "2026-Q1",
              "due_on": dt.date(2026, 4, 15)}
    round_ = Round.objects.create(owner=owner, **{**values, **fields})
    round_.indicators.set(["delegations.incoming"])
    round_.units.set([Organisation.objects.create(
        owner=owner, kind="department", name=f"Sở Văn hóa, Thể thao và Du lịch {_n()}")])
    return round_


def _planning_plan(owner, **fields):
    from doingoai.planning.tests.factories import make_plan

    return make_plan(owner, **fields)


def _consultation(owner, **fields):
    from doingoai.consultations.tests.factories import make_consultation

    return make_consultation(owner, **fields)


def _protocol(name):
    """A factory of protocol/tests/factories.py, imported when first used."""
    def make(owner, **fields):
        from doingoai.protocol.tests import factories

        return getattr(factories, name)(owner, **fields)

    return make


FACTORIES_BY_LABEL = {
    "signatures.specimen": make_specimen,
    "planning.annualplan": _planning_plan,
    "consultations.consultation": _consultation,
    "reporting.round": make_round,
    **{f"protocol.{model}": _protocol(f"make_{name}") for model, name in (
        ("leader", "leader"), ("scheduleitem", "schedule_item"),
        ("interpreter", "interpreter"), ("interpreterbooking", "booking"),
        ("entrydocument", "entry_document"), ("gift", "gift"), ("banquet", "banquet"),
        ("ceremony", "ceremony"), ("anniversary", "anniversary"), ("letter", "letter"),
        ("ngopermit", "permit"), ("pressvisit", "press_visit"))},
}


def make_record(model, owner: AdminUnit, **fields):
    """A saved record of ``model`` owned by ``owner``: from its factory above, else filled in
    by ``make_any`` (every required field given a plain value)."""
    factory = FACTORIES.get(model) or FACTORIES_BY_LABEL.get(model._meta.label_lower)
    if factory is None:
        return make_any(model, owner, **fields)
    return factory(owner, **fields)


def _value_for(field, owner, number):
    """A plain valid value for a required model field."""
    if field.choices:
        return field.choices[0][0]
    if field.many_to_one or field.one_to_one:
        return _related(field.related_model, owner)
    kind = field.get_internal_type()
    if kind in ("FileField", "ImageField"):
        return ContentFile(png_bytes(), name=f"file-{number}.png")
    if kind in ("DateField",):
        return dt.date(2024, 3, 4)
    if kind == "TimeField":
        return dt.time(9)
    if kind == "DateTimeField":
        return dt.datetime(2024, 3, 4, 9, 0, tzinfo=dt.UTC)
    if kind in ("IntegerField", "PositiveIntegerField", "PositiveSmallIntegerField",
                "SmallIntegerField", "BigIntegerField", "PositiveBigIntegerField"):
        return 1
    if kind == "DecimalField":
        return Decimal("1")
    if kind == "FloatField":
        return 1.0
    if kind == "BooleanField":
        return False
    if kind == "EmailField":
        return f"user{number}@example.org"
    if kind == "URLField":
        return f"https://example.org/{number}"
    if kind in ("CharField", "TextField", "SlugField"):
        text = f"{field.name.replace('_', '-')}-{number}"
        return text[-field.max_length:] if field.max_length else text
    raise NotImplementedError(f"make_any: no value for {field.model.__name__}.{field.name}")


def _related(model, owner):
    from doingoai.core.models import Country, Currency, OwnedRecord

    if model is AdminUnit:
        return owner
    if model is Country:
        return Country.objects.get(code="JP")
    if model is Currency:
        return Currency.objects.get(code="VND")
    if issubclass(model, OwnedRecord):
        return make_record(model, owner)
    if model is DelegationMember:  # a new one each time: a row may name a member once
        return DelegationMember.objects.create(delegation=make_delegation(owner),
                                               name=f"Khách {_n()}")
    existing = model._default_manager.first()
    if existing is None:
        raise NotImplementedError(f"make_any: no {model.__name__} to point to")
    return existing


def make_any(model, owner: AdminUnit, **fields):
    """A record of any OwnedRecord model, each required field filled in with a plain value;
    a record type whose rules need more gets its own factory in FACTORIES."""
    number = _n()
    values = {}
    for field in model._meta.concrete_fields:
        if (field.primary_key or not field.editable or field.name == "owner"
                or field.name in fields or field.has_default() or field.blank):
            continue
        values[field.name] = _value_for(field, owner, number)
    record = model.objects.create(owner=owner, **{**values, **fields})
    for field in model._meta.many_to_many:
        if not field.blank and field.name not in fields:
            getattr(record, field.name).set([_related(field.related_model, owner)])
    return record


def png_bytes() -> bytes:
    """A one-pixel PNG, for a file field that must hold an image."""
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (1, 1), "white").save(buffer, format="PNG")
    return buffer.getvalue()


def form_data_of(record_type, record, user, *, create: bool = False) -> dict:
    """The POST data of ``record_type``'s edit form (or create form, with ``create``) as
    ``user`` would send it with ``record``'s values: only the fields that page's form has."""
    request = RequestFactory().get("/")
    request.user = user
    form = record_type.build_form(request, instance=None if create else record)
    values = forms.models.model_to_dict(record)
    data = post_data(form, lambda bound: bound.field.prepare_value(values.get(bound.name)))
    if create:
        for bound in form:
            if isinstance(bound.field, forms.FileField) and bound.field.required:
                data[bound.html_name] = SimpleUploadedFile("mau.png", png_bytes(), "image/png")
    return data


def post_data(form, value_of=lambda bound: bound.value()) -> dict:
    """What a browser posts back for ``form``: each field's value (``value_of``) as the
    widget would send it; file fields left out, as a browser does not send a stored file."""
    data = {}
    for bound in form:
        if isinstance(bound.field, forms.FileField):
            continue
        value = value_of(bound)
        if isinstance(value, bool):
            if value:
                data[bound.html_name] = "on"
        elif isinstance(value, (list, tuple)):
            data[bound.html_name] = [str(v) for v in value]
        elif value is None:
            data[bound.html_name] = ""
        elif hasattr(value, "isoformat"):
            data[bound.html_name] = value.isoformat()
        else:
            data[bound.html_name] = str(getattr(value, "pk", value))
    return data


# A figure is one per indicator, place and period: a new one beside the factory's own (2022)
# must be for another period, or the form rightly refuses it as a duplicate.
CREATE_OVERRIDES = {ReportedFigure: {"period": "2021"}}


def create_form_data(record_type, owner: AdminUnit, user) -> dict:
    """POST data that creates a new valid record of ``record_type`` for ``user``: the form
    data of a record made by its factory, which is then removed again."""
    template = make_record(record_type.model, owner)
    data = {**form_data_of(record_type, template, user, create=True),
            **inline_data(record_type), **CREATE_OVERRIDES.get(record_type.model, {})}
    type(template).all_objects.filter(pk=template.pk).delete()
    return data


def file_field_of(record_type) -> str | None:
    """The name of the record type's attachment field shown on its pages, if it has one."""
    for name in record_type.detail_fields or record_type.fields:
        try:
            field = record_type.model._meta.get_field(name)
        except FieldDoesNotExist:  # a computed column (a figure's unit name)
            continue
        if field.get_internal_type() == "FileField":
            return name
    return None


def attach_file(record, field_name: str) -> bytes:
    """Attach a small PNG scan (an image every attachment field accepts); returns its bytes."""
    content = png_bytes()
    getattr(record, field_name).save("ban-quet.png", ContentFile(content), save=False)
    type(record).all_objects.filter(pk=record.pk).update(
        **{field_name: getattr(record, field_name).name}
    )
    return content


def inline_data(record_type, rows: dict[int, list[dict]] | None = None, instance=None) -> dict:
    """The management forms (and rows) of a record type's inline formsets; ``instance`` is
    the record being edited, whose existing child rows are posted back unchanged."""
    data = {}
    rows = rows or {}
    for index, inline in enumerate(record_type.inlines):
        prefix = f"inline{index}"
        existing = []
        if instance is not None:
            existing = list(inline.model.objects.filter(**{inline.fk_name: instance}))
        new_rows = rows.get(index, [])
        for number, child in enumerate(existing):
            data[f"{prefix}-{number}-id"] = str(child.pk)
            for name in inline.fields:
                value = getattr(child, f"{name}_id", None) if _is_fk(inline.model, name) else (
                    getattr(child, name))
                data[f"{prefix}-{number}-{name}"] = "" if value is None else str(value)
        for number, row in enumerate(new_rows, start=len(existing)):
            for name, value in row.items():
                data[f"{prefix}-{number}-{name}"] = value
        data[f"{prefix}-TOTAL_FORMS"] = str(len(existing) + len(new_rows))
        data[f"{prefix}-INITIAL_FORMS"] = str(len(existing))
    return data


def _is_fk(model, name) -> bool:
    return model._meta.get_field(name).many_to_one


def valid_form_data(record_type, owner: AdminUnit) -> dict:
    """POST data that makes a valid record of ``record_type`` for a user of ``owner``; the
    partners it names are created in ``owner``'s register."""
    model = record_type.model
    if model is Partner:
        data = {"kind": "locality", "name_vi": "Tỉnh Vân Nam", "name_en": "Yunnan",
                "country": "CN"}
    elif model is Agreement:
        data = {"kind": "mou", "title": "Biên bản ghi nhớ với tỉnh Vân Nam", "level": "province",
                "our_signatory": "UBND tỉnh Hà Giang", "partners": [make_partner(owner).pk],
                "status": "signed", "signed_on": "2017-05-12"}
    elif model is AidProgramme:
        data = {"kind": "ngo", "title": "Đường dây nóng phòng chống mua bán người",
                "donors": [make_partner(owner, kind="intl_org").pk], "status": "under_way",
                "starts_on": "2019-01-01", "ends_on": "2021-12-31"}
    elif model is Delegation:
        data = {"direction": "outgoing", "title": "Đoàn công tác tỉnh Ibaraki",
                "purpose": "Xúc tiến hợp tác", "countries": ["JP"], "departs_on": "2024-03-04",
                "returns_on": "2024-03-09", "status": "draft"}
    elif model is Event:
        data = {"kind": "seminar", "title": "Hội thảo hợp tác biên giới", "role": "organised",
                "mode": "in_person", "starts_on": "2023-10-02", "ends_on": "2023-10-03",
                "foreign_participants": "12", "status": "draft"}
    elif model is FriendshipPact:
        data = {"kind": "border_commune", "title": "Kết nghĩa xã Phó Bảng – trấn Đổng Cán",
                "our_side": "Xã Phó Bảng", "counterpart": "Trấn Đổng Cán", "country": "CN",
                "signed_on": "2016-04-20"}
    elif model is FriendshipAssociation:
        data = {"name": "Hội hữu nghị Việt Nam – Nhật Bản", "countries": ["JP"],
                "founded_on": "2015-06-01", "members": "40"}
    elif model is SourceDocument:
        data = {"title": "Báo cáo công tác đối ngoại năm 2022", "file_name": "bao-cao.txt",
                "published_on": "2022-12-20", "text": "Đón 45 đoàn khách quốc tế."}
    elif model is ReportedFigure:
        data = {"indicator": Indicator.objects.order_by("code").first().pk, "place": owner.pk,
                "period": "2022", "value": "45", "unit": "count", "qualifier": "exact"}
    else:  # a new record type: add its data here
        raise KeyError(f"no form data for {model.__name__}")
    return {**data, **inline_data(record_type)}


def vi(message: str) -> str:
    """``message`` as a Vietnamese page shows it (HTML-escaped), whether or not the
    Vietnamese catalogue has it yet."""
    from django.utils.html import escape
    from django.utils.translation import gettext, override

    with override("vi"):
        return escape(gettext(message))


REQUIRED_VI = "Trường này là bắt buộc."  # Django's own "This field is required."
