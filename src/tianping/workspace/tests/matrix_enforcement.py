"""The access matrix's part for the enforcement app (see test_access_matrix): its pages by URL
name, its API operations by "METHOD /api/v1/path", and the objects they act on, added to
the world of 内2502 by `world`."""

PAGES = {}
API = {}


def world(people: dict, objects: dict) -> None:
    """Add this app's objects (by name, as the rules' params and bodies name them) and any
    persona it needs; add codes that only the allowed may read to objects["secrets"]."""
