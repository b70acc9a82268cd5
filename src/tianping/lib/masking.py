"""Masking of personal identity numbers wherever the full number need not be shown."""


def mask_id_number(number: str) -> str:
    """Keep the first six and last four characters: 110105********1234.

    Short numbers (passports, permits) keep their first two and last two characters.
    """
    number = (number or "").strip()
    if not number:
        return ""
    if len(number) >= 15:
        return number[:6] + "*" * (len(number) - 10) + number[-4:]
    if len(number) > 4:
        return number[:2] + "*" * (len(number) - 4) + number[-2:]
    return "*" * len(number)
