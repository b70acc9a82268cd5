"""The upload form of the historical import page."""

import zipfile

from django import forms
from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

MAX_MB = getattr(settings, "TIANPING_IMPORT_MAX_MB", 200)
MAX_UNPACKED = 2 * 1024 * 1024 * 1024  # an xlsx larger than this unpacked is refused
SUFFIXES = (".csv", ".xlsx")


class ImportForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("File (CSV or Excel .xlsx)"),
                           help_text=gettext_lazy("One row per case, with a header row."))
    dry_run = forms.BooleanField(label=gettext_lazy("Check only, write nothing"),
                                 required=False)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_MB * 1024 * 1024:
            raise forms.ValidationError(_("The file is larger than %(mb)s MB.") % {"mb": MAX_MB})
        name = (upload.name or "").lower()
        if not name.endswith(SUFFIXES):
            raise forms.ValidationError(_("Upload a .csv or .xlsx file."))
        upload.seek(0)
        head = upload.read(65536)
        upload.seek(0)
        if name.endswith(".xlsx"):
            self._check_workbook(upload, head)
        elif b"\x00" in head or head[:4] == b"PK\x03\x04":
            raise forms.ValidationError(_("This is not a CSV text file."))
        return upload

    @staticmethod
    def _check_workbook(upload, head: bytes) -> None:
        if not head.startswith(b"PK\x03\x04"):
            raise forms.ValidationError(_("This is not an Excel workbook (.xlsx)."))
        try:
            with zipfile.ZipFile(upload) as book:
                entries = book.infolist()
        except zipfile.BadZipFile:
            raise forms.ValidationError(_("This is not an Excel workbook (.xlsx).")) from None
        finally:
            upload.seek(0)
        if sum(e.file_size for e in entries) > MAX_UNPACKED or len(entries) > 10_000:
            raise forms.ValidationError(_("The workbook unpacks to too much data."))
