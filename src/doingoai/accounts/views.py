from django.contrib.auth import views as auth_views
from django.utils.translation import gettext as _

from doingoai.accounts import throttle


class LoginView(auth_views.LoginView):
    """Django's log-in page, refusing attempts (HTTP 429) after too many failures."""

    template_name = "accounts/login.html"

    def post(self, request, *args, **kwargs):
        username = request.POST.get("username", "")
        ip = throttle.client_ip(request)
        if throttle.is_locked_out(username, ip):
            form = self.get_form_class()(request)
            context = self.get_context_data(form=form, locked_out=_(
                "Too many failed log-in attempts. Please wait %(minutes)d minutes and try again."
            ) % {"minutes": int(throttle.window().total_seconds() // 60)})
            return self.render_to_response(context, status=429)
        # The attempt is recorded by the signal receivers in accounts/throttle.py.
        return super().post(request, *args, **kwargs)
