"""Typed readers for settings taken from the environment.

Every reader fails loudly with ImproperlyConfigured naming the variable and the value
that was wrong, so that a misconfigured server never starts half-right.
"""

import os

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str | None = None) -> str:
    value = os.environ.get(name)
    if value is None:
        if default is None:
            raise ImproperlyConfigured(f"Setting {name} is required but not set.")
        return default
    return value


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    lowered = value.strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ImproperlyConfigured(
        f"Setting {name}={value!r} is not a boolean; use one of true/false, 1/0, yes/no, on/off."
    )


def env_int(name: str, default: int, *, minimum: int | None = None) -> int:
    value = os.environ.get(name)
    if value is None:
        return default
    try:
        number = int(value.strip())
    except ValueError:
        raise ImproperlyConfigured(f"Setting {name}={value!r} is not a whole number.") from None
    if minimum is not None and number < minimum:
        raise ImproperlyConfigured(f"Setting {name}={number} must be at least {minimum}.")
    return number


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def env_choice(name: str, default: str, choices: tuple[str, ...]) -> str:
    value = os.environ.get(name, default).strip()
    if value not in choices:
        raise ImproperlyConfigured(f"Setting {name}={value!r} is not one of: {', '.join(choices)}.")
    return value


def env_int_list(name: str, default: list[int]) -> list[int]:
    """Comma-separated whole numbers, each at least 0, e.g. 30,15,7."""
    items = env_list(name, [str(d) for d in default])
    try:
        numbers = [int(item) for item in items]
    except ValueError:
        raise ImproperlyConfigured(
            f"Setting {name}={','.join(items)!r} must be whole numbers separated by commas."
        ) from None
    if not numbers or min(numbers) < 0:
        raise ImproperlyConfigured(f"Setting {name} needs at least one number, none negative.")
    return numbers


def env_int_map(name: str, default: dict[str, int]) -> dict[str, int]:
    """Comma-separated KEY=NUMBER pairs, each number at least 1, e.g. appraisal=365,audit=90.
    Which keys are allowed is for the code that reads the setting to check."""
    value = os.environ.get(name)
    if value is None:
        return dict(default)
    result = {}
    for item in (part.strip() for part in value.split(",")):
        if not item:
            continue
        key, sep, number = (text.strip() for text in item.partition("="))
        if not (sep and key and number.isascii() and number.isdigit() and len(number) <= 6):
            raise ImproperlyConfigured(
                f"Setting {name}: {item!r} is not KEY=NUMBER (e.g. appraisal=365)."
            )
        if int(number) < 1:
            raise ImproperlyConfigured(f"Setting {name}: {item!r} needs a number of at least 1.")
        result[key] = int(number)
    return result
