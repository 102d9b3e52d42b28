"""Vietnamese first: the interface is in Vietnamese unless the user chose English with the
language switch (kept in the language cookie). A browser's Accept-Language header is not
followed, so an official whose browser happens to be set to English still gets the
Vietnamese interface, and every office sees the same words."""

from django.conf import settings
from django.http import HttpResponseBadRequest
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.utils.translation import gettext as _


class VietnameseFirstLocaleMiddleware(LocaleMiddleware):
    def process_request(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        supported = {code for code, _name in settings.LANGUAGES}
        language = chosen if chosen in supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()


class RefuseNulBytesMiddleware:
    """A NUL byte in a query or form value is refused with a 400 before any view reads it:
    PostgreSQL cannot store or compare a text holding one and answers with an error, so a
    search for ``a%00b`` would otherwise be a server error on every list."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _holds_nul(request.GET) or (
                request.method == "POST"
                and request.content_type == "application/x-www-form-urlencoded"
                and _holds_nul(request.POST)):
            return HttpResponseBadRequest(
                _("The request holds a NUL character (\\0), which no field accepts. Remove it "
                  "and try again."), content_type="text/plain; charset=utf-8")
        return self.get_response(request)


def _holds_nul(data) -> bool:
    return any("\x00" in key or any("\x00" in value for value in values)
               for key, values in data.lists())
