from django.conf import settings
from django.contrib.auth import views as auth_views
from django.urls import reverse_lazy
from django.utils.translation import gettext as _

from doingoai.accounts import throttle


class LoginView(auth_views.LoginView):
    """Django's log-in page. Wrong passwords are counted, and a locked user name and address
    answered with HTTP 429, by django-axes (accounts/lockout.py)."""

    template_name = "accounts/login.html"


# Changing one's password: Django's views with the site's templates.
password_change = auth_views.PasswordChangeView.as_view(
    template_name="accounts/password_change.html",
    success_url=reverse_lazy("accounts:password-change-done"),
)
password_change_done = auth_views.PasswordChangeDoneView.as_view(
    template_name="accounts/password_change_done.html",
)


class PasswordResetView(auth_views.PasswordResetView):
    """Django's "forgot my password" page: a link by e-mail (EMAIL_BACKEND), a few requests an
    hour per address and per client (HTTP 429 beyond)."""

    template_name = "accounts/password_reset.html"
    email_template_name = "accounts/password_reset_email.txt"
    subject_template_name = "accounts/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password-reset-done")

    def get_extra_email_context(self):
        # Behind a proxy the request's host may not be the public one; the setting is.
        return {"base_url": getattr(settings, "DOINGOAI_BASE_URL", "").rstrip("/")}

    def form_valid(self, form):
        email, ip = form.cleaned_data["email"], throttle.client_ip(self.request)
        if throttle.reset_is_limited(email, ip):
            context = self.get_context_data(form=form, limited=_(
                "Too many password-reset requests. Please wait an hour and try again."))
            return self.render_to_response(context, status=429)
        throttle.record_reset_request(email, ip)
        self.extra_email_context = self.get_extra_email_context()
        return super().form_valid(form)


password_reset_done = auth_views.PasswordResetDoneView.as_view(
    template_name="accounts/password_reset_done.html",
)
password_reset_confirm = auth_views.PasswordResetConfirmView.as_view(
    template_name="accounts/password_reset_confirm.html",
    success_url=reverse_lazy("accounts:password-reset-complete"),
)
password_reset_complete = auth_views.PasswordResetCompleteView.as_view(
    template_name="accounts/password_reset_complete.html",
)
