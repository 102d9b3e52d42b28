"""Vietnamese first: the interface is in Vietnamese unless the user chose English with the
language switch (kept in the language cookie). A browser's Accept-Language header is not
followed, so an official whose browser happens to be set to English still gets the
Vietnamese interface, and every office sees the same words."""

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation


class VietnameseFirstLocaleMiddleware(LocaleMiddleware):
    def process_request(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        supported = {code for code, _name in settings.LANGUAGES}
        language = chosen if chosen in supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
