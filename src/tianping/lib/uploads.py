"""Checking uploaded files by their content, not by the name they arrive with.

Accepted: PDF, JPEG, PNG and OFD (China's fixed-layout format: a ZIP holding OFD.xml).
"""

import hashlib
import io
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

EXTENSIONS = {
    "application/pdf": {".pdf"},
    "image/jpeg": {".jpg", ".jpeg"},
    "image/png": {".png"},
    "application/ofd": {".ofd"},
}


@dataclass(frozen=True)
class CheckedUpload:
    content_type: str
    size: int
    sha256: str


def sniff(head: bytes, data_file) -> str | None:
    """The real type of a file from its first bytes (and, for OFD, its ZIP contents)."""
    if head.startswith(b"%PDF-"):
        return "application/pdf"
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head.startswith(b"PK\x03\x04") and _is_ofd(data_file):
        return "application/ofd"
    return None


def _is_ofd(data_file) -> bool:
    data_file.seek(0)
    try:
        with zipfile.ZipFile(io.BytesIO(data_file.read())) as archive:
            return any(name.upper() == "OFD.XML" for name in archive.namelist())
    except zipfile.BadZipFile:
        return False


def check_upload(uploaded) -> CheckedUpload:
    """Refuse files that are too large, empty, or not what their extension claims."""
    limit = settings.MAX_UPLOAD_MB * 1024 * 1024
    if uploaded.size > limit:
        raise ValidationError(
            _("%(name)s is larger than %(limit)d MB.")
            % {"name": uploaded.name, "limit": settings.MAX_UPLOAD_MB}
        )
    if uploaded.size == 0:
        raise ValidationError(_("%(name)s is empty.") % {"name": uploaded.name})
    uploaded.seek(0)
    head = uploaded.read(16)
    real = sniff(head, uploaded)
    extension = "." + uploaded.name.rsplit(".", 1)[-1].lower() if "." in uploaded.name else ""
    if real is None:
        raise ValidationError(
            _("%(name)s is not a PDF, JPEG, PNG or OFD file (its content was checked).")
            % {"name": uploaded.name}
        )
    if extension not in EXTENSIONS[real]:
        raise ValidationError(
            _("%(name)s claims to be %(ext)s but its content is %(real)s.")
            % {"name": uploaded.name, "ext": extension or _("no type"), "real": real}
        )
    digest = hashlib.sha256()
    uploaded.seek(0)
    for chunk in uploaded.chunks():
        digest.update(chunk)
    uploaded.seek(0)
    return CheckedUpload(real, uploaded.size, digest.hexdigest())


def check_uploads(files) -> list:
    """Check every file, and refuse them all naming each bad one (nothing half-stored)."""
    errors = []
    for uploaded in files:
        try:
            check_upload(uploaded)
        except ValidationError as exc:
            errors.extend(exc.messages)
    if errors:
        raise ValidationError(errors)
    return list(files)
