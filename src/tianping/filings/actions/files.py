"""The files of a filing: uploads checked by their content, found by their public reference."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from tianping.filings.actions.common import EDITABLE, lock_row, require_editable
from tianping.filings.events import filing_event
from tianping.filings.limits import check_count, max_files
from tianping.filings.models import Filing, FilingAttachment
from tianping.lib.uploads import check_upload


def _check_room(filing: Filing, adding: int) -> None:
    """Refuse ADDING files that would take the filing over FILING_MAX_FILES."""
    message = _("A filing holds at most %(max)d files: remove one before adding another.")
    check_count(filing.attachments.count() + adding, max_files(), message)


def attach_file(filing: Filing, uploaded, *, actor, kind) -> FilingAttachment:
    """Store an upload after checking its size and real content, within the number of
    files a filing may hold (counted under the filing's row lock)."""
    if filing.status not in EDITABLE:
        raise ValidationError(_("Files can no longer be added to this filing."))
    _check_room(filing, 1)
    checked = check_upload(uploaded)
    with transaction.atomic():
        lock_row(filing)
        _check_room(filing, 1)
        attachment = FilingAttachment.objects.create(
            filing=filing,
            kind=kind,
            file=uploaded,
            original_name=uploaded.name[:200],
            content_type=checked.content_type,
            size=checked.size,
            sha256=checked.sha256,
            uploaded_by=actor,
        )
        filing_event(
            filing, "file_added", actor=actor, name=attachment.original_name, file_kind=kind
        )
    return attachment


def attach_files(filing: Filing, uploads, *, actor, kind) -> list[FilingAttachment]:
    """Store several uploads at once: all of them, or none when one is refused."""
    _check_room(filing, len(uploads))
    with transaction.atomic():
        return [attach_file(filing, upload, actor=actor, kind=kind) for upload in uploads]


def remove_attachment(filing: Filing, attachment: FilingAttachment, *, actor) -> None:
    """Take an uploaded file off a filing that can still be changed (a wrong upload)."""
    require_editable(filing, actor)
    if attachment.filing_id != filing.pk:
        raise ValidationError(_("That file belongs to another filing."))
    with transaction.atomic():
        filing.evidence.filter(attachment=attachment).update(attachment=None)
        filing.representatives.filter(authorisation=attachment).update(authorisation=None)
        filing_event(filing, "file_removed", actor=actor, name=attachment.original_name)
        attachment.delete()


def attachment_ref(attachment: FilingAttachment) -> str:
    """The public reference of an upload: the random last part of its stored name."""
    return attachment.file.name.rsplit("/", 1)[-1]


def find_attachment(filing: Filing, ref: str) -> FilingAttachment | None:
    """The file of FILING with the reference REF; None for no reference."""
    if not ref:
        return None
    for attachment in filing.attachments.all():
        if attachment_ref(attachment) == ref:
            return attachment
    raise ValidationError(_("The file %(ref)s is not among this filing's files.") % {"ref": ref})
