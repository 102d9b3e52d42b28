"""The Django admin keeps to the pages' rule on personal data (Decree 13/2023/NĐ-CP, Law
91/2025/QH15): a user without the personal-data grant, a superuser included, gets the
personal fields left out of every change form (the record's and its inlines'), and a change
form that shows them in full to a user with the grant is logged in the access log.

Applied in PrivacyConfig.ready() to every registered ModelAdmin whose model, or an inline's
model, lists PERSONAL_FIELDS, so that a new register's admin is covered without more work."""

from django.contrib import admin

from doingoai.accounts.scope import can_see_personal_data
from doingoai.core.records import personal_data_shown, personal_fields_of


def _hidden(request, model) -> list[str]:
    return [] if can_see_personal_data(request.user) else list(personal_fields_of(model))


class PersonalDataInlineMixin:
    def get_exclude(self, request, obj=None):
        exclude = list(super().get_exclude(request, obj) or [])
        return exclude + [f for f in _hidden(request, self.model) if f not in exclude]


class PersonalDataAdminMixin(PersonalDataInlineMixin):
    def get_inlines(self, request, obj):
        return [
            type(f"Guarded{inline.__name__}", (PersonalDataInlineMixin, inline), {})
            if personal_fields_of(inline.model) else inline
            for inline in super().get_inlines(request, obj)
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        response = super().change_view(request, object_id, form_url, extra_context)
        if request.method == "GET" and response.status_code == 200 and can_see_personal_data(
                request.user):
            obj = self.get_object(request, object_id)
            shown = [n for n in personal_fields_of(self.model)
                     if obj is not None and getattr(obj, n, None) not in (None, "")]
            if shown:
                personal_data_shown.send(
                    sender=self.model, request=request, action="view", records=[obj.pk],
                    fields=shown, province=getattr(obj, "owner", None))
        return response


def guard_admin(site=admin.site) -> None:
    for model, model_admin in list(site._registry.items()):
        if isinstance(model_admin, PersonalDataAdminMixin):
            continue
        if not personal_fields_of(model) and not any(
                personal_fields_of(inline.model) for inline in model_admin.inlines):
            continue
        cls = type(model_admin)
        guarded = type(f"Guarded{cls.__name__}", (PersonalDataAdminMixin, cls), {})
        site.unregister(model)
        site.register(model, guarded)
