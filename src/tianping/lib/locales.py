"""Compiling the translation catalogs (.po to .mo) with polib, so no gettext tools are needed."""

from pathlib import Path

import polib
from django.conf import settings


def compile_locales() -> list[Path]:
    """Compile every .po under LOCALE_PATHS whose .mo is missing or older. Returns those done."""
    done = []
    for root in settings.LOCALE_PATHS:
        for po_path in Path(root).glob("*/LC_MESSAGES/*.po"):
            mo_path = po_path.with_suffix(".mo")
            if not mo_path.exists() or mo_path.stat().st_mtime < po_path.stat().st_mtime:
                polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
                done.append(mo_path)
    return done
