import ipaddress

from django.conf import settings
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_vary_headers


class ChosenLanguageMiddleware:
    """Chinese unless the person chose another language with the switch.

    Django's LocaleMiddleware would follow the browser's Accept-Language; court computers
    often run English browsers, and the platform is Chinese first, so only the choice
    stored by the language switch (its cookie) counts.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.supported = {code for code, _ in settings.LANGUAGES}

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in self.supported else settings.LANGUAGE_CODE
        request.LANGUAGE_CODE = language
        with translation.override(language):  # nothing after this request inherits it
            response = self.get_response(request)
        patch_vary_headers(response, ["Cookie"])
        response.headers.setdefault("Content-Language", language)
        return response


class ClientAddressMiddleware:
    """`REMOTE_ADDR` becomes the client's own address when our reverse proxy reports it.

    Behind the proxy every request comes from the proxy's address, so the sign-in throttle
    and the audit record would see one address for a whole court. With
    CLIENT_ADDRESS_HEADER (only allowed when BEHIND_TLS_PROXY is on):

    - `X-Forwarded-For`: its *last* entry, the one our proxy appended
      (`proxy_add_x_forwarded_for`); entries before it come from the client and are
      ignored, since anyone can send them;
    - `X-Real-IP`: the whole value, which our proxy sets (`proxy_set_header X-Real-IP
      $remote_addr`), overwriting anything the client sent.

    A missing or malformed value leaves `REMOTE_ADDR` as it was. The proxy's own address
    stays in `META["TIANPING_PROXY_ADDR"]`.
    """

    META_KEYS = {"X-Forwarded-For": "HTTP_X_FORWARDED_FOR", "X-Real-IP": "HTTP_X_REAL_IP"}

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        meta_key = self.META_KEYS.get(settings.CLIENT_ADDRESS_HEADER)
        if meta_key:
            value = request.META.get(meta_key, "")
            if meta_key == "HTTP_X_FORWARDED_FOR":
                value = value.rsplit(",", 1)[-1]
            try:
                address = str(ipaddress.ip_address(value.strip()))
            except ValueError:
                pass
            else:
                request.META["TIANPING_PROXY_ADDR"] = request.META.get("REMOTE_ADDR")
                request.META["REMOTE_ADDR"] = address
        return self.get_response(request)


class SecurityHeadersMiddleware:
    """Headers every response carries, whoever asks and whatever answers.

    - `Content-Security-Policy` (setting CONTENT_SECURITY_POLICY): the pages load nothing
      from elsewhere and run no inline script; their behaviours live in
      static/tianping/js/app.js.
    - `Cache-Control: no-store` and `Pragma: no-cache` on every answer to a signed-in user
      or to an API call with a token, so that no browser or proxy keeps a copy of personal
      data (a case, an identity number) after the person has gone.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if settings.CONTENT_SECURITY_POLICY:
            response.headers.setdefault("Content-Security-Policy", settings.CONTENT_SECURITY_POLICY)
        user = getattr(request, "user", None)
        if "HTTP_AUTHORIZATION" in request.META or (user is not None and user.is_authenticated):
            add_never_cache_headers(response)
            response.headers["Pragma"] = "no-cache"
        return response
