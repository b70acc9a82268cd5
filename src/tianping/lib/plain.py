"""Event details as plain JSON values: dates as ISO strings, lists and mappings kept (their
values made plain in turn), anything else text."""


def plain(value):
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if value is None or isinstance(value, int | float | bool | str):
        return value
    return str(value)
