"""The network property search (总对总网络查控) behind a small interface, chosen by the
setting ENFORCEMENT_SEARCH_BACKEND. The default manual backend sends nothing: the officer
sends the request in the SPC's system and enters its answer here. An integration backend
would send the request in `request` and call `enforcement.actions.record_milestone` with
kind "search_answered" when the answer arrives."""

from django.utils.module_loading import import_string

from tianping.enforcement import config


class ManualBackend:
    automatic = False

    def request(self, record, *, actor) -> str | None:
        """Send the search for RECORD; returns the outside reference, or None."""
        return None


def search_backend():
    return import_string(config.search_backend_path())()
