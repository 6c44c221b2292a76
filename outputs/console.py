"""What the clerk sees in the terminal: a progress bar and the closing summary."""
from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator

if TYPE_CHECKING:
    from model import CheckResult


@contextmanager
def progress_bar(inbox: Path) -> Iterator["Advance"]:
    """A progress bar over the files to check (hidden when output is not a terminal); the check
    sets its length once archives are expanded (``Advance.set_total``), so members count too."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    console = Console(stderr=True)
    with Progress(TextColumn("正在读取"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  TextColumn("{task.description}"), console=console, transient=True,
                  disable=not console.is_terminal) as progress:
        yield Advance(progress, progress.add_task("", total=None))


class Advance:
    """The ``progress`` callable ``run_check`` takes: one call per file done."""

    def __init__(self, progress: Any, task: Any) -> None:
        self.progress, self.task = progress, task

    def set_total(self, total: int) -> None:
        self.progress.update(self.task, total=total)

    def __call__(self, name: str) -> None:
        self.progress.update(self.task, advance=1, description=name[-30:])


def print_summary(result: "CheckResult") -> None:
    from rich.console import Console
    from rich.table import Table

    s = result.summary
    table = Table(title="检查结果", show_header=False)
    table.add_column("项目")
    table.add_column("数量", justify="right")
    rows = [("收到材料的单位", s["received"]), ("未报送的单位", s["missing"]), ("存在问题的单位", s["with_problems"]),
            ("文件总数", s["files"]), ("无法读取的文件", s["unreadable"]), ("“错误”级问题", s["errors"])]
    for name, n in rows:
        table.add_row(name, str(n))
    console = Console()
    console.print(table)
    missing = result.records["missing_units"]
    if missing:
        console.print("未报送：" + "、".join(missing))
    for line in (review_line(result.records), year_line(result.records)):
        if line:
            console.print(line)
    notices = [p for p in result.outputs if p.parent.name == "通知"]
    for p in result.outputs:
        if p not in notices:
            console.print(f"已写出：{p}")
    if notices:
        console.print(f"已写出：{notices[0].parent}（{notice_counts(notices)}）")


def notice_counts(notices: list[Path]) -> str:
    """“整改通知 6 份、补报通知 1 份”: a unit that sent nothing gets a 补报通知."""
    from outputs.notices import RESUBMIT_SUFFIX

    resubmit = sum(1 for p in notices if p.name.endswith(RESUBMIT_SUFFIX))
    parts = [f"整改通知 {len(notices) - resubmit} 份", f"补报通知 {resubmit} 份"]
    return "、".join(p for p in parts if not p.endswith(" 0 份"))


def year_warning(records: dict[str, Any], year: int | None) -> str:
    """One warning when most files are about another year than ``--year`` (a wrong year given)."""
    if year is None:
        return ""
    stated = [f["fields"]["year"] for f in records.get("files") or []
              if isinstance((f.get("fields") or {}).get("year"), int)]
    other = [y for y in stated if y != year]
    if not stated or len(other) * 2 <= len(stated):
        return ""
    common = max(set(other), key=other.count)
    return (f"提醒：收到的{len(stated)}份写明年度的材料中有{len(other)}份不是{year}年度的（多为{common}年度），"
            f"请核对 --year 是否应为 {common}。")


def review_line(records: dict[str, Any]) -> str:
    """What the clerk's entries in the ledger did in this run (SPEC §9), in one line."""
    findings = [f for u in records.get("units") or [] for f in u.get("findings") or []]
    counts = [("排除", sum(1 for f in findings if f.get("dismissed"))),
              ("属实", sum(1 for f in findings if f.get("confirmed"))),
              ("更正", sum(len(u.get("corrections") or []) for u in records.get("units") or [])),
              ("人工归属文件", sum(1 for f in records.get("files") or [] if f.get("assigned_unit")))]
    unmatched = len(records.get("unmatched_review") or [])
    parts = [f"{name} {n} 项" for name, n in counts if n]
    if not parts and not unmatched:
        return ""
    line = "台账中的核实记录：" + ("，".join(parts) if parts else "无生效记录")
    if unmatched:
        line += f"；{unmatched} 条未能匹配，见台账“未匹配的核实记录”表"
    return line + "。"


def year_line(records: dict) -> str:
    """With --history: “与2022年度对比：3个单位有问题连续两年存在，见台账“年度对比”表”."""
    from outputs.year_figures import has_history, repeated_units

    if not has_history(records):
        return ""
    year = (records.get("history") or {}).get("year")
    repeated = {u for names in repeated_units(records).values() for u in names}
    return f"与{year or '上一'}年度对比：{len(repeated)}个单位有问题连续两年存在，见台账“年度对比”表"
