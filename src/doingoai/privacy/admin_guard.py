"""The Django admin keeps to the pages' rule on personal data (Decree 13/2023/NĐ-CP, Law
91/2025/QH15): a user without the personal-data grant, a superuser included, gets the
personal fields and the people's names left out of every change form (the record's and its
inlines'), and the names on the change lists masked ("Nguyễn V. A.", ``privacy.masking``, the
pages' own helper); a change form that shows them in full to a user with the grant is logged in
the access log.

Applied in PrivacyConfig.ready() to every registered ModelAdmin whose model, or an inline's
model, lists PERSONAL_FIELDS, so that a new register's admin is covered without more work."""

from contextvars import ContextVar

from django.contrib import admin
from django.contrib.admin import helpers
from django.forms import CheckboxInput
from django.utils.html import format_html
from django.utils.translation import gettext as _

from doingoai.accounts.scope import can_see_personal_data
from doingoai.core.records import personal_data_shown, personal_fields_of
from doingoai.privacy.masking import masked, masked_fields_of, masked_title, name_fields_of

# The user a change list is being drawn for: the row's checkbox names its record for screen
# readers, and must name it masked as the rest of the row.
_viewer = ContextVar("admin_viewer", default=None)


def _hidden(request, model) -> list[str]:
    return [] if can_see_personal_data(request.user) else list(masked_fields_of(model))


def _masked_column(model, name, user):
    """A change-list column showing ``name`` (or the record's title) as ``user`` may see it."""
    if name == "__str__":
        def column(obj):
            return masked_title(obj, user)
        column.short_description = model._meta.verbose_name
    else:
        def column(obj):
            return masked(model, name, getattr(obj, name, None))
        column.short_description = model._meta.get_field(name).verbose_name
    column.__name__ = f"masked_{name.strip('_')}"
    return column


class PersonalDataInlineMixin:
    def get_exclude(self, request, obj=None):
        exclude = list(super().get_exclude(request, obj) or [])
        return exclude + [f for f in _hidden(request, self.model) if f not in exclude]


class PersonalDataAdminMixin(PersonalDataInlineMixin):
    def get_list_display(self, request):
        shown = list(super().get_list_display(request))
        if can_see_personal_data(request.user):
            return shown
        hidden = set(masked_fields_of(self.model))
        if name_fields_of(self.model):
            hidden.add("__str__")
        return [_masked_column(self.model, n, request.user)
                if isinstance(n, str) and n in hidden else n for n in shown]

    def changelist_view(self, request, extra_context=None):
        token = _viewer.set(request.user)
        try:
            response = super().changelist_view(request, extra_context)
            if hasattr(response, "render"):
                response.render()  # drawn while the viewer is known
            return response
        finally:
            _viewer.reset(token)

    def action_checkbox(self, obj):
        user = _viewer.get()
        if user is None or can_see_personal_data(user):
            return super().action_checkbox(obj)
        attrs = {"class": "action-select", "aria-label": format_html(
            _("Select this object for an action - {}"), masked_title(obj, user))}
        return CheckboxInput(attrs, lambda value: False).render(
            helpers.ACTION_CHECKBOX_NAME, str(obj.pk))

    def get_list_display_links(self, request, list_display):
        links = super().get_list_display_links(request, list_display)
        if links and not any(n in list_display for n in links if isinstance(n, str)):
            return list_display[:1]
        return links

    def get_inlines(self, request, obj):
        return [
            type(f"Guarded{inline.__name__}", (PersonalDataInlineMixin, inline), {})
            if masked_fields_of(inline.model) else inline
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
        if not masked_fields_of(model) and not any(
                masked_fields_of(inline.model) for inline in model_admin.inlines):
            continue
        cls = type(model_admin)
        guarded = type(f"Guarded{cls.__name__}", (PersonalDataAdminMixin, cls), {})
        site.unregister(model)
        site.register(model, guarded)
