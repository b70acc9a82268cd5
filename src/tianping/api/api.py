"""The REST API: /api/v1/, schema at /api/v1/openapi.json. Each app mounts its router."""

from django.conf import settings
from django.core.exceptions import (
    PermissionDenied,
    RequestDataTooBig,
    TooManyFieldsSent,
    TooManyFilesSent,
    ValidationError,
)
from django.http import Http404
from django.http.multipartparser import MultiPartParserError
from django.utils.translation import gettext as _
from ninja import NinjaAPI

from tianping.api.auth import AUTH
from tianping.lib.api_errors import ErrorOut

# The answers any operation may give besides its own, each with the one error shape.
ERRORS = {
    "400": "The body cannot be read (not JSON, or not the encoding it claims).",
    "401": "Not signed in, or the token is unknown or revoked.",
    "403": "Signed in, but not allowed to do this.",
    "404": "No such object, or one the caller may not see.",
    "413": "The request body is too large.",
    "422": "The input is not valid: the messages say why.",
}


class TianpingAPI(NinjaAPI):
    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        """The schema with the error answers documented on every operation."""
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        components.setdefault(
            "ErrorOut", ErrorOut.model_json_schema(ref_template="#/components/schemas/{model}")
        )
        content = {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorOut"}}}
        for operations in schema.get("paths", {}).values():
            for operation in operations.values():
                # ninja's own keys are numbers; one key per status, as text
                responses = {str(k): v for k, v in operation.get("responses", {}).items()}
                operation["responses"] = responses
                for status, text in ERRORS.items():
                    responses.setdefault(status, {"description": text, "content": content})
        return schema


api = TianpingAPI(
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


@api.exception_handler(TooManyFieldsSent)
@api.exception_handler(TooManyFilesSent)
def too_many_fields(request, exc):
    """More form fields or files than DATA_UPLOAD_MAX_NUMBER_FIELDS/FILES: 422 as JSON."""
    return api.create_response(
        request, {"detail": _("The request has too many fields or files.")}, status=422)


@api.exception_handler(MultiPartParserError)
def unreadable_form(request, exc):
    """A multipart body that cannot be parsed (broken boundaries ...): 422 with a message,
    as JSON like every other refusal of the input, not Django's HTML 400."""
    return api.create_response(
        request, {"detail": _("The form data of the request could not be read.")}, status=422)


@api.exception_handler(Http404)
def not_found(request, exc):
    return api.create_response(request, {"detail": "Not found"}, status=404)


api.add_router("/", "tianping.courts.api_me.router")
api.add_router("/courts", "tianping.courts.api.router")
api.add_router("/backups", "tianping.courts.api.backup_router")
api.add_router("/catalogs", "tianping.catalog.api.router")
api.add_router("/", "tianping.catalog.tools_api.router")
api.add_router("/time-limits", "tianping.deadlines.api.router")
api.add_router("/case-fees", "tianping.payments.api.router")
api.add_router("/mediation", "tianping.mediation.api.router")
api.add_router("/indicators", "tianping.indicators.api.router")
api.add_router("/enforcement", "tianping.enforcement.api.router")
api.add_router("/funds", "tianping.funds.api.router")
api.add_router("/petitions", "tianping.petitions.api.router")
api.add_router("/service", "tianping.service.api.router")
api.add_router("/hearings", "tianping.hearings.api.router")
api.add_router("/supervision", "tianping.supervision.api.router")
api.add_router("/procedures", "tianping.payorders.api.router")
api.add_router("/appeals", "tianping.appeals.api.router")
api.add_router("/documents", "tianping.documents.api.router")
api.add_router("/cases", "tianping.cases.api.router")
api.add_router("/cases", "tianping.cases.api_panel.router")
api.add_router("/cases", "tianping.cases.api_party_acts.router")
api.add_router("/filing-review", "tianping.filings.review.api.router")
api.add_router("/refusals", "tianping.filings.review.api_refusals.router")
api.add_router("/filings", "tianping.filings.online.api.router")
api.add_router("/party-cases", "tianping.cases.views_party_api.router")
api.add_router("/party-cases", "tianping.cases.api_panel.party_router")
api.add_router("/party-cases", "tianping.cases.api_party_acts.party_router")
api.add_router("/", "tianping.accounts.api.router")
api.add_router("/lawyer-registrations", "tianping.courts.api_lawyers.router")
api.add_router("/messages", "tianping.notifications.api.router")
