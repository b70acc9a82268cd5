"""An OFD is a ZIP: it is judged by its directory and refused, without being unpacked,
when it would unpack to too much (a zip bomb of 200 MB of zeros was accepted)."""

import io
import random
import time
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from tianping.lib.uploads import check_upload

OFD_XML = b'<?xml version="1.0"?><ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"/>'


def ofd(entries: dict[str, bytes] | None = None, *, zeros_mb: int = 0, count: int = 0) -> bytes:
    """An OFD in memory: OFD.xml, ENTRIES, a page of ZEROS_MB megabytes of zeros written
    a block at a time (a zip bomb: 200 MB packs into about 200 KB), COUNT empty files."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("OFD.xml", OFD_XML)
        for name, data in (entries or {}).items():
            archive.writestr(name, data)
        if zeros_mb:
            with archive.open("Doc_0/Pages/Page_0/Content.xml", "w", force_zip64=True) as page:
                block = bytes(1024 * 1024)
                for _ in range(zeros_mb):
                    page.write(block)
        for i in range(count):
            archive.writestr(f"Doc_0/Res/{i}.xml", b"")
    return buffer.getvalue()


def refusal(data: bytes, name="判决书.ofd") -> list[str]:
    with pytest.raises(ValidationError) as refused:
        check_upload(SimpleUploadedFile(name, data))
    return refused.value.messages


def test_a_zip_bomb_is_refused_without_unpacking_it():
    bomb = ofd(zeros_mb=200)
    assert len(bomb) < 1024 * 1024  # what arrives is small
    started = time.monotonic()
    assert refusal(bomb) == ["判决书.ofd would unpack to more than 100 MB: it is refused."]
    assert time.monotonic() - started < 1  # judged by its directory, not by unpacking


def test_a_file_compressed_like_no_document_is_refused():
    assert refusal(ofd(zeros_mb=20)) == [
        "判决书.ofd is compressed more than 100 times: it is refused."
    ]


def test_an_archive_of_too_many_entries_is_refused():
    assert refusal(ofd(count=10_001)) == [
        "判决书.ofd holds more than 10000 files inside: it is refused."
    ]


def test_a_real_ofd_is_accepted():
    page = b"<ofd:Page>" + "原告张三诉被告李四民间借贷纠纷一案".encode() * 500 + b"</ofd:Page>"
    image = random.Random(7).randbytes(1024 * 1024)  # 1 MB that does not compress
    data = ofd({"Doc_0/Pages/Page_0/Content.xml": page, "Doc_0/Res/seal.png": image})
    assert check_upload(SimpleUploadedFile("判决书.ofd", data)).content_type == "application/ofd"
