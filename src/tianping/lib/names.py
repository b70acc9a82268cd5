"""A name in the reader's language: courts, divisions and teams keep their Chinese name
(`name`) and may have an English one (`name_en`); English pages show the English name
where there is one, every other language the Chinese. Documents keep the Chinese name."""

from django.utils.translation import get_language


def local_name(obj) -> str:
    """OBJ's name for the reader: `name_en` on English pages when it is set, else `name`
    (and an object without a name reads as itself)."""
    if obj is None or obj == "":
        return ""
    name = getattr(obj, "name", None)
    if name is None:
        return str(obj)
    english = getattr(obj, "name_en", "")
    if english and (get_language() or "").startswith("en"):
        return english
    return name
