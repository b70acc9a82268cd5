"""The layers of docs/architecture.md hold: no import cycle between apps, no private name
taken from another app, and no domain code reaching up into flows or pages.

Each app has two halves. Its domain (models, actions, events, queries, permissions ...)
and its web half (views, api, forms, urls, admin, template tags, management commands),
which may call flows. A cycle between any two halves of different apps fails, and so
does domain code importing a flow or another app's web half. Imports inside functions
count like any other.
"""

import ast
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]  # src/tianping
WEB_MODULES = ("views", "api", "forms", "urls", "admin")
WEB_PACKAGES = {"templatetags", "management"}
INTERFACE_APPS = {"portal", "workspace", "api", "demo"}  # pages and data on top of all


def node_of(relative: Path) -> str:
    """The half of an app a module belongs to: "cases" or "cases.web"."""
    app = relative.parts[0]
    web = (
        app in INTERFACE_APPS
        or WEB_PACKAGES & set(relative.parts[1:-1])
        or relative.stem.startswith(WEB_MODULES)
    )
    return f"{app}.web" if web else app


def imports_of(source: str) -> list[tuple[int, str, list[str]]]:
    """Every `tianping.*` import in SOURCE, at any depth: (line, module, names)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("tianping."):
            found.append((node.lineno, node.module, [a.name for a in node.names]))
        elif isinstance(node, ast.Import):
            names = [a.name for a in node.names if a.name.startswith("tianping.")]
            found += [(node.lineno, name, []) for name in names]
    return found


def project_modules(root: Path = ROOT):
    for path in sorted(root.rglob("*.py")):
        relative = path.relative_to(root)
        if len(relative.parts) < 2 or {"tests", "migrations"} & set(relative.parts):
            continue
        yield relative, path.read_text(encoding="utf-8")


def import_edges(modules) -> tuple[dict, list[str]]:
    """Edges between halves of apps, each with where it comes from, and private imports."""
    edges, private = defaultdict(list), []
    for relative, source in modules:
        app, here = relative.parts[0], node_of(relative)
        for line, module, names in imports_of(source):
            parts = module.split(".")
            if len(parts) < 2 or parts[1] == app:
                continue
            target = node_of(Path(*parts[1:]).with_suffix(".py")) if len(parts) > 2 else parts[1]
            edges[(here, target)].append(f"{relative}:{line} {module}")
            taken = [n for n in names if n.startswith("_")]
            taken += [p for p in parts[2:] if p.startswith("_") and not p.startswith("__")]
            private += [f"{relative}:{line} {module} {name}" for name in taken]
    return edges, private


def cycles(edges) -> list[list[str]]:
    """Strongly connected groups of more than one node (Tarjan)."""
    graph = defaultdict(set)
    for a, b in edges:
        graph[a].add(b)
    index, low, stack, on_stack, groups = {}, {}, [], set(), []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for v in list(graph):
        if v not in index:
            visit(v)
    return groups


def test_no_import_cycle_between_apps():
    edges, _private = import_edges(project_modules())

    found = cycles(edges)

    detail = {
        " ↔ ".join(group): [w for (a, b), where in edges.items() if a in group and b in group
                            for w in where[:2]]
        for group in found
    }
    assert found == [], detail


def test_no_app_imports_a_private_name_of_another():
    _edges, private = import_edges(project_modules())

    assert private == []


def test_domain_code_never_reaches_up_into_flows_or_pages():
    edges, _private = import_edges(project_modules())

    upward = {
        (a, b): where[:2]
        for (a, b), where in edges.items()
        if not a.endswith(".web") and a != "flows" and (b == "flows" or b.endswith(".web"))
    }
    assert upward == {}


# The checks themselves, on made-up modules, so that a broken check cannot pass silently.


def test_a_cycle_through_an_import_inside_a_function_is_found():
    modules = [
        (Path("alpha/actions.py"), "from tianping.beta.models import B\n"),
        (Path("beta/actions.py"), "def f():\n    from tianping.alpha.actions import g\n"),
    ]
    edges, _ = import_edges(modules)
    assert cycles(edges) == [["alpha", "beta"]]


def test_a_page_calling_a_flow_that_calls_its_app_is_no_cycle():
    modules = [
        (Path("alpha/views.py"), "from tianping.flows.x import accept\n"),
        (Path("flows/x.py"), "from tianping.alpha import actions\n"),
    ]
    edges, _ = import_edges(modules)
    assert cycles(edges) == []
    assert set(edges) == {("alpha.web", "flows"), ("flows", "alpha")}


def test_a_private_name_from_another_app_is_found():
    modules = [(Path("alpha/actions.py"), "from tianping.beta.actions import _locked, ok\n")]
    _, private = import_edges(modules)
    assert private == ["alpha/actions.py:1 tianping.beta.actions _locked"]


# An endpoint and its page share what they need through the domain (actions, reads) or a
# shared helper module, never by one importing the other: the API never imports a page.


def _is_api(stem: str) -> bool:
    return stem.startswith("api") or stem.endswith("_api")


def _is_page(stem: str) -> bool:
    return (stem.startswith("views") or stem.endswith("_views")) and not _is_api(stem)


def api_imports_of_pages(modules) -> list[str]:
    """Every import of a page module (views*) by an API module (api*, *_api), relative
    imports and `from package import views` included."""
    found = []
    for relative, source in modules:
        if not _is_api(relative.stem):
            continue
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.ImportFrom):
                base = (node.module or "").split(".")
                targets = [base[-1], *(a.name for a in node.names)]
            elif isinstance(node, ast.Import):
                targets = [a.name.split(".")[-1] for a in node.names]
            else:
                continue
            found += [f"{relative}:{node.lineno} {t}" for t in targets if _is_page(t)]
    return found


def test_no_api_module_imports_a_page_module():
    assert api_imports_of_pages(project_modules()) == []


def test_an_api_importing_a_page_is_found_however_it_is_written():
    modules = [
        (Path("alpha/api.py"), "from tianping.alpha import views_review as review\n"),
        (Path("beta/tools_api.py"), "from .tools_views import parse\n"),
        (Path("gamma/api_x.py"), "from tianping.gamma.reads import clock\n"),
        (Path("delta/views.py"), "from tianping.delta.views_common import x\n"),
    ]
    assert api_imports_of_pages(modules) == [
        "alpha/api.py:1 views_review",
        "beta/tools_api.py:1 tools_views",
    ]
