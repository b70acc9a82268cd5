"""An action's refusal shown on the form that asked for it: each message on the field the
action names (when the form has it), the rest above the form. One helper for every page."""

from django.core.exceptions import ValidationError


def add_errors(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)
