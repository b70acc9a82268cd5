"""Checking uploaded files by their content, not by the name they arrive with.

Accepted: PDF, JPEG, PNG and OFD (China's fixed-layout format: a ZIP holding OFD.xml).
A ZIP is judged by its directory, never unpacked here: it is refused when it would unpack
to more than ZIP_MAX_UNPACKED bytes, holds more than ZIP_MAX_ENTRIES entries, or is
compressed more than ZIP_MAX_RATIO times (as a whole, or any entry over 1 MB): a "zip
bomb" of a few hundred KB that unpacks to gigabytes is refused before anyone opens it.
"""

import hashlib
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
ZIP_BASED = {"application/ofd"}


ZIP_MAX_UNPACKED = 100 * 1024 * 1024
ZIP_MAX_ENTRIES = 10_000
ZIP_MAX_RATIO = 100  # real documents: text about 5-20 times, images about once
_LARGE_ENTRY = 1024 * 1024


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
    entries = _zip_entries(data_file)
    return entries is not None and any(e.filename.upper() == "OFD.XML" for e in entries)


def _zip_entries(data_file) -> list[zipfile.ZipInfo] | None:
    """The entries of a ZIP, read from its directory (nothing is unpacked); None if it is
    not one."""
    data_file.seek(0)
    try:
        with zipfile.ZipFile(data_file) as archive:
            return archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError):
        return None
    finally:
        data_file.seek(0)


def check_archive(uploaded) -> None:
    """Refuse a ZIP-based file (OFD) that would unpack to too much, by its directory."""
    entries = _zip_entries(uploaded) or []
    name = uploaded.name
    if len(entries) > ZIP_MAX_ENTRIES:
        raise ValidationError(
            _("%(name)s holds more than %(limit)d files inside: it is refused.")
            % {"name": name, "limit": ZIP_MAX_ENTRIES}
        )
    unpacked = sum(e.file_size for e in entries)
    if unpacked > ZIP_MAX_UNPACKED:
        raise ValidationError(
            _("%(name)s would unpack to more than %(limit)d MB: it is refused.")
            % {"name": name, "limit": ZIP_MAX_UNPACKED // (1024 * 1024)}
        )
    packed_too_tightly = unpacked > ZIP_MAX_RATIO * max(uploaded.size, 1) or any(
        e.file_size > _LARGE_ENTRY and e.file_size > ZIP_MAX_RATIO * max(e.compress_size, 1)
        for e in entries
    )
    if packed_too_tightly:
        raise ValidationError(
            _("%(name)s is compressed more than %(ratio)d times: it is refused.")
            % {"name": name, "ratio": ZIP_MAX_RATIO}
        )


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
    if real in ZIP_BASED:
        check_archive(uploaded)
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
