"""The API answers in the language a program asks for (``Accept-Language``), Vietnamese when
it asks for none: unlike the pages (``core.middleware``), where the interface is Vietnamese
unless the user chose English, a program states what it can show."""

from django.conf import settings
from django.utils import translation
from django.utils.translation.trans_real import parse_accept_lang_header

API_PREFIX = "/api/"
NOT_THE_API = ("/api/tokens/",)  # pages, in the pages' language


class ApiLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(API_PREFIX) and not request.path.startswith(NOT_THE_API):
            language = accepted_language(request.headers.get("Accept-Language", ""))
            translation.activate(language)
            request.LANGUAGE_CODE = language
        return self.get_response(request)


def accepted_language(header: str) -> str:
    supported = {code for code, _name in settings.LANGUAGES}
    for code, _quality in parse_accept_lang_header(header.lower()):
        base = code.split("-")[0]
        if base in supported:
            return base
    return settings.LANGUAGE_CODE
