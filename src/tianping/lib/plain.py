"""Event details as plain JSON values: dates as ISO strings, lists kept, anything else text."""


def plain(value):
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if value is None or isinstance(value, int | float | bool | str):
        return value
    return str(value)
