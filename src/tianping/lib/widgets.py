from html import escape

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html
from django.utils.safestring import SafeData, mark_safe


class DateInput(forms.DateInput):
    """The browser's date picker; its value must be ISO (YYYY-MM-DD) in every language."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class QuickSelect(forms.Select):
    """A select whose options are written in Python rather than by one template each: the
    list of every judge of the courts a leader oversees (hundreds) renders in well under a
    millisecond. The same HTML as Django's select; flat choices only (no groups)."""

    def _raw_choices(self):
        """The choices themselves: for choices read when shown (a callable), its list, not
        Django's normalising of every item (each time the choices are looked at)."""
        choices = self.choices
        return choices.func() if callable(getattr(choices, "func", None)) else choices

    def use_required_attribute(self, initial):
        """As Django's Select: required only when the first choice is the empty one."""
        first = next(iter(self._raw_choices()), None)
        return not self.is_hidden and first is not None and self._choice_has_empty_value(first)

    def render(self, name, value, attrs=None, renderer=None):
        chosen = set(self.format_value(value))
        choices = self._raw_choices()
        options = "\n  ".join(
            f'<option value="{_text(key)}"{" selected" if key in chosen else ""}>'
            f"{_text(label)}</option>"
            for key, label in ((str(v), label) for v, label in choices)
        )
        return format_html(
            '<select name="{}"{}>\n  {}\n</select>',
            name,
            flatatt(self.build_attrs(self.attrs, attrs)),
            mark_safe(options),
        )


def _text(value) -> str:
    """VALUE escaped as a template escapes it (kept as it is when marked safe)."""
    return str(value) if isinstance(value, SafeData) else escape(str(value))


class _QuickInput:
    """An <input> written in Python: the same HTML as Django's input.html and attrs.html
    (the attributes in their order, True ones bare, False ones left out), without a
    template per field. Pages rendered on every request (the list filters) use these."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        html = f'<input type="{_text(widget["type"])}" name="{_text(name)}"'
        if widget["value"] is not None:
            html += f' value="{_text(widget["value"])}"'
        for key, given in widget["attrs"].items():
            if given is True:
                html += f" {key}"
            elif given is not False:
                html += f' {key}="{_text(given)}"'
        return mark_safe(html + ">")


class QuickText(_QuickInput, forms.TextInput):
    pass


class QuickHidden(_QuickInput, forms.HiddenInput):
    pass


class QuickCheckbox(_QuickInput, forms.CheckboxInput):
    pass
