"""What the clerk sees in the terminal: a progress bar and the closing summary."""
from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator

if TYPE_CHECKING:
    from pipeline import CheckResult


@contextmanager
def progress_bar(inbox: Path) -> Iterator[Callable[[str], None]]:
    """A progress bar over the inbox's files (hidden when output is not a terminal)."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from extractors.inbox import list_inbox

    console = Console(stderr=True)
    total = len(list_inbox(inbox))
    with Progress(TextColumn("正在读取"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  TextColumn("{task.description}"), console=console, transient=True,
                  disable=not console.is_terminal) as progress:
        task = progress.add_task("", total=total)

        def advance(name: str) -> None:
            progress.update(task, advance=1, description=name[-30:])

        yield advance


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
    notices = [p for p in result.outputs if p.parent.name == "通知"]
    for p in result.outputs:
        if p not in notices:
            console.print(f"已写出：{p}")
    if notices:
        console.print(f"已写出：{notices[0].parent}（整改通知 {len(notices)} 份）")
