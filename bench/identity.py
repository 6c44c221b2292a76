"""Are the outputs of two revisions the same, byte for byte, on the samples and every corpus?

    python bench/identity.py BASE_REV            # BASE_REV against the working tree
    python bench/identity.py BASE_REV --only samples holdout15

BASE_REV is checked out with ``git worktree add`` into a temporary folder; both trees run
``pufa check`` on the same inboxes with the same arguments (those of tests/test_corpora.py),
each from its own source. Compared: records.json as JSON apart from ``generated_at``, every
part of 台账.xlsx and of each notice 通知/*.docx byte for byte, and the set of files written.
Exit status 0 when everything is identical, 1 otherwise (each difference printed).
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NO_ROSTER = {"holdout15"}  # checked without a roster, as tests/test_corpora.py does
VOLATILE = ("generated_at",)  # records.json keys that hold the time of the run
# run one tree's own code: its folder first on sys.path, and proof that the code came from there
_RUNNER = ("import sys; sys.path.insert(0, sys.argv[1]); import cli, pipeline; "
           "assert pipeline.__file__.startswith(sys.argv[1]), pipeline.__file__; "
           "sys.exit(cli.main(sys.argv[2:]))")


@dataclass(frozen=True)
class Corpus:
    name: str
    inbox: Path
    roster: Path | None
    year: int
    deadline: str


def corpora(root: Path = ROOT) -> list[Corpus]:
    """The samples and every corpus under tests/corpus that has an INBOX and a truth.json."""
    found = [("samples", root / "samples" / "inbox", root / "samples" / "名单.xlsx", root / "samples" / "truth.json")]
    for d in sorted((root / "tests" / "corpus").iterdir(), key=lambda p: (len(p.name), p.name)):
        if (d / "INBOX").is_dir() and (d / "truth.json").is_file():
            found.append((d.name, d / "INBOX", d / "roster.xlsx", d / "truth.json"))
    out = []
    for name, inbox, roster, truth in found:
        t = json.loads(truth.read_text(encoding="utf-8"))
        use_roster = roster if roster.is_file() and name not in NO_ROSTER else None
        out.append(Corpus(name, inbox, use_roster, int(t["year"]), t["deadline"]))
    return out


def run_check(tree: Path, corpus: Corpus, out: Path) -> None:
    """``pufa check`` with ``tree``'s own code; raises when it does not end with status 0."""
    args = ["check", str(corpus.inbox), "--year", str(corpus.year), "--deadline", corpus.deadline,
            "--out", str(out), "--no-cache"]
    if corpus.roster:
        args += ["--roster", str(corpus.roster)]
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PUFA_STATS_FILE")}
    res = subprocess.run([sys.executable, "-c", _RUNNER, str(tree), *args], cwd=tree, env=env,
                         capture_output=True, text=True, encoding="utf-8", errors="replace")
    if res.returncode != 0:
        raise RuntimeError(f"{tree}: pufa check {corpus.name} exited {res.returncode}: {res.stderr[-2000:]}")


def written_files(out: Path) -> list[str]:
    """What a run wrote, relative to OUT, scratch and cache left out."""
    return sorted(p.relative_to(out).as_posix() for p in out.rglob("*")
                  if p.is_file() and not p.relative_to(out).parts[0].startswith(".pufa"))


def _records(path: Path) -> dict:
    data = json.loads(path.read_text(encoding="utf-8"))
    for key in VOLATILE:
        data.pop(key, None)
    return data


def _json_diff(a: object, b: object, where: str = "") -> str | None:
    """Where two JSON values first differ, as a path, or None."""
    if type(a) is not type(b):
        return f"{where or '/'}: {type(a).__name__} vs {type(b).__name__}"
    if isinstance(a, dict):
        for k in sorted(set(a) | set(b)):
            if k not in a or k not in b:
                return f"{where}/{k}: only in {'the second' if k not in a else 'the first'}"
            found = _json_diff(a[k], b[k], f"{where}/{k}")
            if found:
                return found
        return None
    if isinstance(a, list):
        if len(a) != len(b):
            return f"{where}: {len(a)} items vs {len(b)}"
        for i, (x, y) in enumerate(zip(a, b)):
            found = _json_diff(x, y, f"{where}/{i}")
            if found:
                return found
        return None
    return None if a == b else f"{where}: {str(a)[:60]!r} vs {str(b)[:60]!r}"


def _zip_parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {i.filename: z.read(i) for i in z.infolist()}


@dataclass
class Comparison:
    files: int = 0  # files compared
    parts: int = 0  # zip parts compared (ledger and notices)
    differences: list[str] | None = None

    def __post_init__(self) -> None:
        self.differences = self.differences or []


def compare_outputs(a: Path, b: Path) -> Comparison:
    """Compare two OUT folders: the same files, records.json equal but for the time of the run,
    every part of every .xlsx/.docx equal byte for byte, any other file equal byte for byte."""
    result = Comparison()
    names_a, names_b = written_files(a), written_files(b)
    for name in sorted(set(names_a) ^ set(names_b)):
        result.differences.append(f"{name}: written by one run only")
    for name in sorted(set(names_a) & set(names_b)):
        pa, pb = a / name, b / name
        result.files += 1
        if name == "records.json":
            found = _json_diff(_records(pa), _records(pb))
            if found:
                result.differences.append(f"records.json{found}")
        elif pa.suffix in (".xlsx", ".docx"):
            parts_a, parts_b = _zip_parts(pa), _zip_parts(pb)
            if list(parts_a) != list(parts_b):
                result.differences.append(f"{name}: parts differ ({sorted(set(parts_a) ^ set(parts_b))} or order)")
            for part in parts_a.keys() & parts_b.keys():
                result.parts += 1
                if parts_a[part] != parts_b[part]:
                    result.differences.append(f"{name}!/{part}: bytes differ")
        elif pa.read_bytes() != pb.read_bytes():
            result.differences.append(f"{name}: bytes differ")
    return result


def base_tree(rev: str, where: Path) -> Path:
    """``rev`` checked out (detached) at ``where``, from this repository."""
    subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "--quiet", str(where), rev], check=True)
    return where


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="byte identity of pufa check outputs: BASE_REV vs the working tree")
    ap.add_argument("base", help="the revision to compare with (e.g. main, a commit)")
    ap.add_argument("--only", nargs="*", help="corpus names (samples, holdout, holdout2…); default: all")
    args = ap.parse_args(argv)
    chosen = [c for c in corpora() if not args.only or c.name in args.only]
    tmp = Path(tempfile.mkdtemp(prefix="pufa-identity-"))
    head = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", args.base], capture_output=True,
                          text=True, check=True).stdout.strip()
    base = base_tree(args.base, tmp / "base")
    failed = 0
    try:
        print(f"base {args.base} ({head}) vs working tree {ROOT}")
        for c in chosen:
            run_check(base, c, tmp / c.name / "base")
            run_check(ROOT, c, tmp / c.name / "work")
            cmp = compare_outputs(tmp / c.name / "base", tmp / c.name / "work")
            status = "identical" if not cmp.differences else f"{len(cmp.differences)} DIFFERENCES"
            print(f"{c.name:<11} {status}: {cmp.files} files, {cmp.parts} xlsx/docx parts")
            for d in cmp.differences[:20]:
                print(f"    {d}")
            failed += bool(cmp.differences)
    finally:
        subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(base)], check=False)
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"{len(chosen) - failed} of {len(chosen)} corpora identical")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
