"""The layers of DESIGN.md section 1, checked on the source: Qt only under tipdesk/ui/,
SQL only under tipdesk/storage/, and imports pointing one way."""

import ast
import functools
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "tipdesk"
# domain <- storage <- security <- services <- (ui | cli): what each layer may import,
# itself included. The UI and the command line call services, never storage, and neither
# imports the other. runtime/ is plumbing beside them (processes, threads, the
# collector, the shape of progress): it knows the domain's errors and nothing else.
ALLOWED = {
    "domain": {"domain"},
    "runtime": {"domain", "runtime"},
    "storage": {"domain", "storage"},
    "security": {"domain", "storage", "security"},
    "services": {"domain", "runtime", "storage", "security", "services"},
    "ui": {"domain", "runtime", "services", "ui"},
    "cli": {"domain", "runtime", "services", "cli"},
}
# The only imports that cross those lines, each for a reason: with no command the command
# line opens the desktop app, and bench measures the app's budgets too (both imported
# inside the function, so the command line loads no Qt); a database error met by any
# command is said as the storage layer explains it (a full drive, a damaged file).
CROSSINGS = {
    ("cli", "__init__.py"): {"tipdesk.ui.app", "tipdesk.storage.connection"},
    ("cli", "devtools.py"): {"tipdesk.ui.bench"},
}
DATABASE_MODULES = ("sqlite3", "sqlcipher3", "sqlite_utils")
SQL_CALLS = {"execute", "executemany", "executescript", "query"}


@functools.cache
def modules() -> tuple[tuple[tuple[str, ...], ast.Module], ...]:
    """Every module of the package, parsed (once per test run: only read)."""
    return tuple(
        (path.relative_to(PACKAGE).parts, ast.parse(path.read_text("utf-8"), str(path)))
        for path in sorted(PACKAGE.rglob("*.py"))
    )


def imported(tree: ast.AST) -> list[str]:
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.append(node.module)
    return names


def test_the_package_has_modules_to_check():
    assert len(list(modules())) > 20


@pytest.mark.parametrize("banned", ["PySide6", "shiboken6"])
def test_no_module_outside_ui_imports_qt(banned):
    offenders = [
        "/".join(parts)
        for parts, tree in modules()
        if parts[0] != "ui" and any(n.split(".")[0] == banned for n in imported(tree))
    ]
    assert offenders == []


def test_only_storage_talks_to_the_database():
    offenders = []
    for parts, tree in modules():
        if parts[0] == "storage":
            continue
        where = "/".join(parts)
        offenders += [
            f"{where} imports {n}" for n in imported(tree) if n.split(".")[0] in DATABASE_MODULES
        ]
        offenders += [
            f"{where}:{node.lineno} calls .{node.func.attr}()"
            for node in ast.walk(tree)
            if isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in SQL_CALLS
        ]
    assert offenders == []


def test_imports_point_one_way():
    offenders = []
    for parts, tree in modules():
        layer = parts[0] if len(parts) > 1 else None
        if layer not in ALLOWED:
            continue  # __main__.py, logs.py and paths.py sit on top and may use any layer
        for name in imported(tree):
            if name in CROSSINGS.get(parts, ()):
                continue
            bits = name.split(".")
            if (
                bits[0] == "tipdesk"
                and len(bits) > 1
                and bits[1] in ALLOWED
                and bits[1] not in ALLOWED[layer]
            ):
                offenders.append(f"{'/'.join(parts)} imports {name}")
    assert offenders == []


def test_the_command_line_reaches_the_desktop_app_only_from_inside_a_command():
    """The crossings into ui/ are imported where they are used, never on import."""
    offenders = []
    for parts, tree in modules():
        crossings = {n for n in CROSSINGS.get(parts, ()) if n.startswith("tipdesk.ui.")}
        offenders += [
            f"{'/'.join(parts)} imports {n} on import"
            for node in tree.body
            if isinstance(node, ast.Import | ast.ImportFrom)
            for n in imported(node)
            if n in crossings
        ]
    assert offenders == []


def test_the_command_line_runs_without_loading_qt():
    code = (
        "import sys, tipdesk.cli, tipdesk.services.devtools.bench,"
        " tipdesk.services.devtools.demo;"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"


def _module_graph() -> dict[str, set[str]]:
    """Each module of the package and the package's modules it imports, anywhere in it
    (inside functions too: an import put there to dodge a cycle is still one)."""
    names = {}
    for parts, _ in modules():
        dotted = list(parts[:-1]) + ([] if parts[-1] == "__init__.py" else [parts[-1][:-3]])
        names[".".join(["tipdesk", *dotted])] = parts
    graph = {name: set() for name in names}
    trees = dict(modules())
    for name, parts in names.items():
        for node in ast.walk(trees[parts]):
            found = []
            if isinstance(node, ast.Import):
                found = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found = [node.module, *(f"{node.module}.{a.name}" for a in node.names)]
            graph[name] |= {n for n in found if n in names and n != name}
    return graph


def test_no_import_cycles():
    graph = _module_graph()
    cycles, done = [], set()

    def walk(name: str, path: list[str]) -> None:
        if name in path:
            cycles.append(" -> ".join([*path[path.index(name) :], name]))
            return
        if name in done:
            return
        for other in sorted(graph[name]):
            walk(other, [*path, name])
        done.add(name)

    for name in sorted(graph):
        walk(name, [])
    assert cycles == []
