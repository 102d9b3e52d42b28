import django_filters
from django.db.models import Q
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from doingoai.core.records import Inline, RecordFilterSet, RecordType
from doingoai.core.widgets import DateInput
from doingoai.organisations.access import get_organisation_for_user
from doingoai.organisations.models import Organisation, OrganisationName


class OrganisationFilter(RecordFilterSet):
    in_force_on = django_filters.DateFilter(
        label=capfirst(_("in force on")), method="filter_in_force", widget=DateInput())
    place = django_filters.ModelChoiceFilter(
        label=capfirst(_("place")), field_name="admin_unit", method="filter_place",
        queryset=Organisation._meta.get_field("admin_unit").related_model.objects.all())

    class Meta:
        model = Organisation
        fields = ["kind"]

    def filter_in_force(self, queryset, name, value):
        return queryset.in_force(value)

    def filter_year(self, queryset, name, year):
        # The register's year is the bodies in force at some time in it.
        year = int(year)
        return queryset.filter(Q(valid_from__isnull=True) | Q(valid_from__year__lte=year)).filter(
            Q(valid_to__isnull=True) | Q(valid_to__year__gte=year))

    def filter_place(self, queryset, name, unit):
        # A commune's organisation, or any body whose commune it is (a border post of it).
        return queryset.filter(Q(admin_unit=unit) | Q(parent__admin_unit=unit)
                               | Q(admin_unit__successor=unit))


class OrganisationRecordType(RecordType):
    def filterset_class(self):
        return OrganisationFilter


def detail_extras(request, organisation):
    return {"children": organisation.children.all()[:200]}


organisations = OrganisationRecordType(
    model=Organisation,
    namespace="organisations",
    slug="organisation",
    fields=["kind", "name", "short_name", "symbol", "parent", "admin_unit", "valid_from",
            "valid_to", "signer_title", "signer_name", "note"],
    list_columns=["name", "kind", "parent", "admin_unit", "valid_from", "valid_to"],
    inlines=[Inline(OrganisationName, "organisation", ["name", "valid_from", "valid_to", "note"],
                    extra=1, title=_("names over time"))],
    select_related=["parent", "admin_unit"],
    access=get_organisation_for_user,
    extra_context=detail_extras,
)
