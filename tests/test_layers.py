"""The layering is one way: import-linter's contracts (setup.cfg) hold, a back-reach breaks them,
and no module imports itself round a cycle."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("model", "extractors", "forms", "outputs", "pipeline", "templates")
# import-linter's own command line, as `lint-imports` runs it (the folder it runs in comes first on sys.path)
LINT = [sys.executable, "-c", "import sys; from importlinter.cli import lint_imports_command; "
        "sys.exit(lint_imports_command(['--no-cache', '--no-logo']))"]


def lint(where: Path) -> subprocess.CompletedProcess:
    return subprocess.run(LINT, cwd=where, capture_output=True, text=True, encoding="utf-8")


def test_lint_imports_keeps_every_contract():
    res = lint(ROOT)
    assert res.returncode == 0, res.stdout + res.stderr
    assert "3 kept, 0 broken" in res.stdout, res.stdout
    assert "ignore_imports" not in (ROOT / "setup.cfg").read_text(encoding="utf-8")  # no exceptions


def _copy_tree(dest: Path) -> Path:
    for name in PACKAGES:
        shutil.copytree(ROOT / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "setup.cfg", dest / "setup.cfg")
    shutil.copy(ROOT / "cli.py", dest / "cli.py")
    return dest


def _append(path: Path, line: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + "\n" + line + "\n", encoding="utf-8")


def test_a_writer_reaching_up_into_the_run_breaks_the_layers(tmp_path):
    tree = _copy_tree(tmp_path)
    _append(tree / "outputs" / "console.py", "from pipeline import CheckOptions  # noqa")
    res = lint(tree)
    assert res.returncode == 1
    assert "outputs.console -> pipeline" in res.stdout, res.stdout


def test_a_reader_using_a_finder_breaks_the_extractors_contract(tmp_path):
    tree = _copy_tree(tmp_path)
    _append(tree / "extractors" / "readers" / "xlsx.py", "from extractors.finders.units import ORG_END  # noqa")
    res = lint(tree)
    assert res.returncode == 1
    assert "extractors.readers.xlsx -> extractors.finders.units" in res.stdout, res.stdout


def test_importing_the_command_line_from_below_breaks_its_contract(tmp_path):
    tree = _copy_tree(tmp_path)
    _append(tree / "forms" / "check.py", "import cli  # noqa")
    res = lint(tree)
    assert res.returncode == 1
    assert "forms.check -> cli" in res.stdout, res.stdout


def cycles(graph: grimp.ImportGraph) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan), each an import cycle."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph.find_modules_directly_imported_by(v):
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
                found.append(sorted(group))

    for m in sorted(graph.modules):
        if m not in index:
            visit(m)
    return found


def test_no_import_cycle():
    sys.path.insert(0, str(ROOT))
    try:
        graph = grimp.build_graph(*PACKAGES, cache_dir=None)
    finally:
        sys.path.remove(str(ROOT))
    assert len(graph.modules) > 60
    assert cycles(graph) == []
    graph.add_import(importer="model", imported="pipeline.process")  # a cycle made on purpose is seen
    assert any("model" in c and "pipeline.process" in c for c in cycles(graph))
