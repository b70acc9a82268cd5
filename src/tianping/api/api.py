"""The REST API: /api/v1/, schema at /api/v1/openapi.json. Each app mounts its router."""

from django.conf import settings
from django.core.exceptions import PermissionDenied, RequestDataTooBig, ValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import NinjaAPI

from tianping.api.auth import AUTH

api = NinjaAPI(
    title="Tianping API",
    version="1",
    description="REST API of the Tianping court platform (天平).",
    auth=AUTH,
    urls_namespace="api",
)


@api.exception_handler(ValidationError)
def validation_error(request, exc):
    return api.create_response(request, {"detail": exc.messages}, status=422)


@api.exception_handler(PermissionDenied)
def permission_denied(request, exc):
    return api.create_response(request, {"detail": str(exc) or "Forbidden"}, status=403)


@api.exception_handler(RequestDataTooBig)
def request_too_large(request, exc):
    """A body over DATA_UPLOAD_MAX_MEMORY_SIZE (read when django-ninja parses it): 413 with a
    message, as JSON like every other answer of the API."""
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE // (1024 * 1024)
    message = _("The request is too large: at most %(mb)d MB.") % {"mb": limit}
    return api.create_response(request, {"detail": message}, status=413)


@api.exception_handler(Http404)
def not_found(request, exc):
    return api.create_response(request, {"detail": "Not found"}, status=404)


api.add_router("/", "tianping.courts.api_me.router")
api.add_router("/courts", "tianping.courts.api.router")
api.add_router("/backups", "tianping.courts.api.backup_router")
api.add_router("/catalogs", "tianping.catalog.api.router")
api.add_router("/", "tianping.catalog.tools_api.router")
api.add_router("/time-limits", "tianping.deadlines.api.router")
api.add_router("/cases", "tianping.cases.api.router")
api.add_router("/filing-review", "tianping.filings.review.api.router")
api.add_router("/filings", "tianping.filings.online.api.router")
api.add_router("/party-cases", "tianping.cases.views_party_api.router")
