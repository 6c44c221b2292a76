"""Command line of 普法办文书助手: parse, call one library function, print the result.

Only this module configures logging and turns library exceptions into a
one-line Chinese message and an exit status.
"""
from __future__ import annotations

import datetime as dt
import json
import logging
import os
import sys
from pathlib import Path

import click

import cli_text
from model import system

cli_text.install()  # click's own messages (Usage, Options, range errors …) in Chinese

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
ROSTER_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".et", ".csv")
CMD = {"options_metavar": cli_text.OPTIONS_METAVAR}


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"“{value}”不是日期，请写成 2022-12-10 的形式") from None


def _existing_dir(ctx: click.Context, param: click.Parameter, value: str) -> Path:
    p = Path(value)
    if not p.is_dir():
        raise click.BadParameter(f"找不到收件文件夹“{value}”")
    return p


def _existing_file(ctx: click.Context, param: click.Parameter, value: str | None) -> Path | None:
    if value is None:
        return None
    p = Path(value)
    if not p.is_file():
        raise click.BadParameter(f"找不到文件“{value}”")
    return p


def _roster_file(ctx: click.Context, param: click.Parameter, value: str | None) -> Path | None:
    p = _existing_file(ctx, param, value)
    if p is not None and p.suffix.lower() not in ROSTER_SUFFIXES:
        raise click.BadParameter(f"“{p.name}”不是表格：名单应为含“单位名称”列的 .xlsx 或 .csv 文件")
    return p


def _records(ctx: click.Context, param: click.Parameter, value: str | None) -> dict | None:
    """The records.json of a check, loaded: anything else is a usage error naming what is wanted."""
    from outputs.records import load_records

    p = _existing_file(ctx, param, value)
    if p is None:
        return None
    try:
        return load_records(p)
    except (ValueError, OSError):  # not JSON, not UTF-8, or not our schema
        raise click.BadParameter(f"“{p.name}”不是 pufa check 生成的 records.json（在 --out 输出文件夹中）") from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]}, **CMD,
             subcommand_metavar=cli_text.SUBCOMMAND_METAVAR)
@click.option("-v", "--verbose", count=True, help="显示更多运行信息（-vv 显示调试信息）。")
@click.version_option(package_name="pufa", message="pufa %(version)s", help="显示版本号并退出。")
def cli(verbose: int) -> None:
    """普法办文书助手：检查“谁执法谁普法”履职材料，生成台账、通知和公文草稿。"""
    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    logging.basicConfig(level=level, format=system.LOG_FORMAT)


@cli.command(**CMD)
@click.argument("inbox", callback=_existing_dir, metavar="收件文件夹")
@click.option("--roster", callback=_roster_file, metavar="名单.xlsx", help="单位名单 .xlsx 或 .csv（单位名称列，可含简称/别名列）。")
@click.option("--rules", callback=_existing_file, metavar="规则.yaml", help="本地区的规则配置 .yaml（阈值、开关）。")
@click.option("--year", type=click.IntRange(2000, 2100), metavar="年度",
              help="评议年度，如 2022（默认按材料推断）。")
@click.option("--deadline", callback=_date, metavar="日期", help="报送截止日期，如 2022-12-10。")
@click.option("--history", callback=_existing_file, metavar="records.json",
              help="上一年度的 records.json：与上年对比（得分、等级、连续两年存在的问题），并比对雷同内容。")
@click.option("--config", "year_config", callback=_existing_file, metavar="年度.yaml",
              help="本年度评议的基本信息 .yaml（年度、截止日期、通知落款等，见 samples/年度.yaml）。")
@click.option("--notice-config", callback=_existing_file, metavar="通知.yaml",
              help="整改通知的落款、回复期限等 .yaml（不写则用 --config）。")
@click.option("--out", "out", default="outputs", show_default=True, metavar="文件夹", help="输出文件夹。")
@click.option("--jobs", type=click.IntRange(0, 64), default=0, metavar="进程数", help="并行进程数（0 为按 CPU 核数）。")
@click.option("--strict", is_flag=True, help="存在“错误”级问题时以状态码 1 退出。")
@click.option("--no-cache", "no_cache", is_flag=True, help="不使用输出文件夹中的缓存，重新读取全部文件。")
def check(inbox: Path, roster: Path | None, rules: Path | None, year: int | None, deadline: dt.date | None,
          history: Path | None, year_config: Path | None, notice_config: Path | None, out: str,
          jobs: int, strict: bool, no_cache: bool) -> None:
    """检查收件文件夹中的全部材料，输出 records.json、台账.xlsx 和 通知/。"""
    from outputs.console import print_summary, progress_bar, year_warning
    from outputs.year_facts import check_settings
    from pipeline import CheckOptions, run_check

    if year_config is not None:  # the command line wins over the year file
        facts_year, facts_deadline = check_settings(year_config)
        year, deadline = year or facts_year, deadline or facts_deadline
        notice_config = notice_config or year_config

    opts = CheckOptions(inbox, Path(out), roster, rules, year, deadline, history, jobs, notice_config,
                        cache=not no_cache)
    stats_file = os.environ.get("PUFA_STATS_FILE")  # the benchmark's: seconds per stage as JSON
    stats: dict | None = {} if stats_file else None
    with progress_bar(inbox) as advance:
        result = run_check(opts, progress=advance, stats=stats)
    if stats_file:
        Path(stats_file).write_text(json.dumps(stats), encoding="utf-8")
    print_summary(result)
    warning = year_warning(result.records, year)
    if warning:
        click.echo(warning, err=True)
    if strict and result.summary["errors"]:
        sys.exit(EXIT_FINDINGS)


@cli.group(**CMD, subcommand_metavar=cli_text.SUBCOMMAND_METAVAR)
def draft() -> None:
    """起草公文：履职评议情况通报、实施方案、自查报告。"""


@draft.command("circular", **CMD)
@click.option("--records", "records", required=True, callback=_records, metavar="records.json",
              help="pufa check 生成的 records.json。")
@click.option("--config", "config_path", callback=_existing_file, metavar="年度.yaml",
              help="本年度评议的基本信息 .yaml（见 samples/年度.yaml；也可用单独的 通报.yaml）。")
@click.option("-o", "--output", "output", default="通报.docx", show_default=True, metavar="文件.docx", help="输出的 .docx 文件。")
def draft_circular(records: dict, config_path: Path | None, output: str) -> None:
    """起草年度“谁执法谁普法”履职评议情况通报。"""
    from outputs.drafts import draft_circular as run, load_draft_config

    path = run(records, load_draft_config(config_path, "circular"), Path(output))
    click.echo(f"已生成通报草稿：{path}")


@draft.command("plan", **CMD)
@click.option("--config", "config_path", callback=_existing_file, metavar="年度.yaml",
              help="本年度评议的基本信息 .yaml（见 samples/年度.yaml；也可用单独的 方案.yaml）。")
@click.option("-o", "--output", "output", default="实施方案.docx", show_default=True, metavar="文件.docx", help="输出的 .docx 文件。")
def draft_plan(config_path: Path | None, output: str) -> None:
    """起草年度履职评议实施方案。"""
    from outputs.drafts import draft_plan as run, load_draft_config

    path = run(load_draft_config(config_path, "plan"), Path(output))
    click.echo(f"已生成实施方案草稿：{path}")


@draft.command("self-inspection", **CMD)
@click.option("--records", "records", required=True, callback=_records, metavar="records.json",
              help="pufa check 生成的 records.json。")
@click.option("--config", "config_path", callback=_existing_file, metavar="年度.yaml",
              help="本年度评议的基本信息 .yaml（见 samples/年度.yaml；也可用单独的 自查.yaml）。")
@click.option("-o", "--output", "output", default="自查报告.docx", show_default=True, metavar="文件.docx", help="输出的 .docx 文件。")
def draft_self_inspection(records: dict, config_path: Path | None, output: str) -> None:
    """起草本办向上级报送的自查报告。"""
    from outputs.drafts import draft_self_inspection as run, load_draft_config

    path = run(records, load_draft_config(config_path, "self_inspection"), Path(output))
    click.echo(f"已生成自查报告草稿：{path}")


def _usage_message(e: click.UsageError) -> str:
    if isinstance(e, click.MissingParameter):
        param = e.param
        name = (param.opts[0] if isinstance(param, click.Option) and param.opts
                else param.human_readable_name if param else "") or "参数"
        what = f"（{param.help}）" if isinstance(param, click.Option) and param.help else ""
        return f"缺少必需的参数：{name}{what.replace('。）', '）')}"
    if isinstance(e, click.NoSuchOption):
        return f"没有这个选项：{e.option_name}"
    if isinstance(e, click.BadOptionUsage):
        return f"选项用法有误：{e.option_name}"
    if isinstance(e, click.BadParameter):
        name = (e.param.get_error_hint(e.ctx).replace("'", "") if e.param and e.ctx else "") or "参数"
        return f"{name} 的值无效：{e.message}"
    if "No such command" in e.message:
        return f"没有这个命令：{e.message.split(chr(39))[1] if chr(39) in e.message else e.message}"
    return e.message


def main(argv: list[str] | None = None) -> int:
    """Console entry point: one Chinese line and an exit status for every outcome, no traceback.

    0 done; 1 ``--strict`` with “错误” findings; 2 what the user can fix (usage, configuration,
    roster, output folder); 3 an internal error (the details go to a log file the line names);
    130 stopped with Ctrl-C.
    """
    for stream in (sys.stdout, sys.stderr):  # a GBK (cp936) terminal shows ? for what it cannot show
        system.console_safe(stream)
    try:
        cli.main(args=argv, prog_name="pufa", standalone_mode=False)
    except click.BadParameter as e:  # one line: what the value should be
        click.echo(f"用法错误：{_usage_message(e)}", err=True)
        return EXIT_USAGE
    except click.UsageError as e:
        hint = f"\n运行“pufa {e.ctx.command_path.split(' ', 1)[1] + ' ' if e.ctx and ' ' in e.ctx.command_path else ''}--help”查看用法。"
        click.echo(f"用法错误：{_usage_message(e)}{hint}", err=True)
        return EXIT_USAGE
    except click.exceptions.Exit as e:
        return e.exit_code
    except click.Abort:
        click.echo("已中止。", err=True)
        return 130
    except SystemExit as e:
        return int(e.code or 0)
    except Exception as e:  # noqa: BLE001 - every refusal of the library, and a bug, end in one line
        return _library_error(e, argv)
    return EXIT_OK


def _library_error(e: Exception, argv: list[str] | None) -> int:
    """One Chinese line and the exit status for an exception the library raised.

    The exception types are imported here, after the fact, so that ``pufa --help`` does not load
    the whole pipeline (its regular expressions cost 0.2 s of start-up).
    """
    from extractors.roster import RosterError
    from forms.config import ConfigError
    from outputs.review_read import LedgerUnreadable
    from pipeline.outset import OutputFolderError

    if isinstance(e, (ConfigError, OutputFolderError, RosterError)):
        click.echo(str(e), err=True)
        return EXIT_USAGE
    if isinstance(e, LedgerUnreadable):  # the clerk's entries in it must not be lost: nothing written
        click.echo(f"未写出任何文件：{e}", err=True)
        return EXIT_USAGE
    if isinstance(e, ValueError):  # the library's own refusals (a records.json of another program …)
        click.echo(f"无法完成：{e}", err=True)
        return EXIT_USAGE
    if isinstance(e, OSError):
        where = f"“{e.filename}”" if e.filename else ""
        click.echo(f"无法读写{where}（{e.strerror or e}）：请检查该文件或文件夹及其权限后重新运行。", err=True)
        return EXIT_USAGE
    log = _log_internal_error(argv)  # a bug must still end in one Chinese line, not a traceback
    click.echo(f"内部错误（{type(e).__name__}），检查未完成：详细信息已记录在“{log}”，请将该文件反馈给开发者。", err=True)
    return EXIT_INTERNAL


def _log_internal_error(argv: list[str] | None) -> Path:
    """Append the traceback to OUTDIR/.pufa/error.log (``pufa check``) or ./pufa-error.log."""
    import traceback

    args = list(sys.argv[1:] if argv is None else argv)
    out = next((args[i + 1] for i, a in enumerate(args[:-1]) if a == "--out"), None)
    if out is None and args[:1] == ["check"]:
        out = "outputs"
    candidates = [Path(out) / ".pufa" / "error.log"] if out else []
    candidates.append(Path.cwd() / "pufa-error.log")
    text = f"{dt.datetime.now().isoformat(timespec='seconds')} pufa {' '.join(args)}\n{traceback.format_exc()}\n"
    for path in candidates:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with open(path, "a", encoding="utf-8") as f:
                f.write(text)
            return path
        except OSError:
            continue
    sys.stderr.write(text)
    return Path("（标准错误输出）")


def console() -> None:
    sys.exit(main())


if __name__ == "__main__":
    console()
