"""通知/: one 补报/整改通知 (.docx, 公文 format) per unit with findings.

Each notice is addressed to the unit, lists every problem (the finding's message, told
to “你单位”) with its evidence (file, place, quoted sentence), and says what to send to
whom by when.  Names and quotes come from submissions: they are rendered as text only.
"""
from __future__ import annotations

import datetime as dt
import logging
import re
from pathlib import Path
from typing import Any, Callable

from outputs import draft_text as text
from outputs.draft_config import validate_draft_config
from outputs.drafts import basis_text, common_context
from outputs.figures import cn_date
from outputs.gongwen import layout_from_mapping
from outputs.notice_text import cite_titles, file_title, merge_items, place, quoted, tidy
from outputs.year_facts import check_notice_dates
from outputs.notice_history import repeated_missing, repeated_note
from outputs.records import open_findings
from outputs.render import render_docx
from templates import template_path

log = logging.getLogger(__name__)

SUFFIX = "_整改通知.docx"
RESUBMIT_SUFFIX = "_补报通知.docx"  # a unit that sent nothing is asked to submit
QUOTE_MAX = 80  # characters of a quoted sentence shown as evidence
_UNSAFE_NAME = re.compile(r'[\x00-\x1f\x7f\\/:*?"<>|]+')
_RESERVED = re.compile(r"^(con|prn|aux|nul|com\d|lpt\d)$", re.IGNORECASE)
SKIPPED_RULES = frozenset({"unknown_unit"})  # the clerk's to resolve, not the unit's


def write_notices(records: dict[str, Any], out_dir: Path,
                  config: dict[str, Any] | None = None, render: Callable[..., Path] = render_docx) -> list[Path]:
    """Write ``<unit>_整改通知.docx`` into ``out_dir`` for every unit with findings.

    ``render`` (``render_docx``'s signature) lets the check keep unchanged notices and
    render the rest in parallel (``pipeline.incremental``).
    """
    cfg = validate_draft_config(config or {}, "notice")
    check_notice_dates(cfg, _check_date(records), "整改通知配置")
    layout = layout_from_mapping(cfg["layout"], "配置") if cfg["layout"] else None
    template = Path(cfg["template"]) if cfg["template"] else template_path("notice")
    out_dir = Path(out_dir)
    written: list[Path] = []
    used: set[str] = set()
    other_year = other_year_files(records)
    for unit, findings in units_with_findings(records):
        name = unique_name(safe_filename(unit) + notice_suffix(findings), used)
        context = notice_context(records, unit, findings, cfg, other_year.get(unit, []))
        written.append(render(template, context, out_dir / name, layout))
    log.info("wrote %d notices to %s", len(written), out_dir)
    return written


def units_with_findings(records: dict[str, Any]) -> list[tuple[str, list[dict[str, Any]]]]:
    """(unit, findings) for each unit with something to fix; missing units included."""
    result: list[tuple[str, list[dict[str, Any]]]] = []
    seen: set[str] = set()
    for u in records.get("units") or []:
        findings = [f for f in open_findings(u) if f.get("rule") not in SKIPPED_RULES]
        if u.get("unit") and findings and u["unit"] not in seen:
            result.append((u["unit"], findings))
        seen.add(u.get("unit"))  # a unit whose findings were all dismissed gets no notice
    for name in records.get("missing_units") or []:
        if name not in seen:
            result.append((name, [{"rule": "missing_submission", "severity": "error",
                                   "message": f"{name}未报送履职材料。", "evidence": []}]))
            seen.add(name)
    return result


def safe_filename(name: str, limit: int = 60) -> str:
    """A file name part any OS accepts: no separators, quotes, control characters."""
    cleaned = _UNSAFE_NAME.sub("_", name).strip(" ._")[:limit].strip(" ._")
    if not cleaned:
        return "未命名单位"
    return f"_{cleaned}" if _RESERVED.match(cleaned) else cleaned


def notice_suffix(findings: list[dict[str, Any]]) -> str:
    """补报通知 for a unit that sent nothing, else 整改通知."""
    return RESUBMIT_SUFFIX if all(f.get("rule") == "missing_submission" for f in findings) else SUFFIX


def unique_name(name: str, used: set[str]) -> str:
    suffix = RESUBMIT_SUFFIX if name.endswith(RESUBMIT_SUFFIX) else SUFFIX
    stem, n, candidate = name[: -len(suffix)], 2, name
    while candidate.lower() in used:
        candidate = f"{stem}_{n}{suffix}"
        n += 1
    used.add(candidate.lower())
    return candidate


def notice_context(records: dict[str, Any], unit: str, findings: list[dict[str, Any]],
                   cfg: dict[str, Any], other_year: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """The notice's fields; ``other_year``: the unit's files about an earlier year (found in
    ``records`` when not given)."""
    if other_year is None:
        other_year = other_year_files(records).get(unit, [])
    year = cfg["year"] or records.get("year") or dt.date.today().year
    checked = _check_date(records)
    reply = cfg["reply_deadline"] or (notice_date(cfg, checked) + dt.timedelta(days=7)).isoformat()
    missing = any(f["rule"] == "missing_submission" for f in findings)
    basis = basis_text(cfg, year)
    listed = [f for f in findings if f["rule"] != "missing_submission"]
    ctx = common_context({**cfg, "recipients": unit, "date": cfg["date"] or checked.isoformat()},
                         year)
    remedies = _remedies(findings)
    request = (f"请你单位{'高度重视，对照上述问题认真整改，' if listed else ''}于{cn_date(reply)}前将"
               + (f"{remedies[0]}报送{cfg['office']}。" if len(remedies) == 1
                  else f"以下材料报送{cfg['office']}："))
    ctx.update({
        "title": cfg["title"] or (f"关于补报{year}年度“谁执法谁普法”\n履职材料的通知" if missing and not listed
                                  else f"关于{year}年度“谁执法谁普法”履职材料\n有关问题整改的通知"),
        "opening": _opening(records, basis, year, notice_date(cfg, checked), missing, bool(listed)),
        "problems": _other_year_notes(other_year, year) + repeated_missing(findings, records) + merge_items([
            {"rule": f.get("rule"),
             "message": tidy(cite_titles(_to_you(f.get("message") or "", unit) + repeated_note(f, records))),
             "evidence": evidence_lines(f)} for f in listed]),
        "request": request,
        "sends": [] if len(remedies) == 1 else [
            {"title": "", "text": r + ("。" if i == len(remedies) - 1 else "；")}
            for i, r in enumerate(remedies)],
        "contact": f"联系人：{cfg['contact']}" if cfg["contact"] else "",
        "attachments": [],
    })
    return ctx


def other_year_files(records: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """Each unit's files about an earlier year than the check's (``other_year`` in records.json)."""
    out: dict[str, list[dict[str, Any]]] = {}
    for f in records.get("files") or []:
        if f.get("other_year") and f.get("unit"):
            out.setdefault(f["unit"], []).append(f)
    return out


def _other_year_notes(files: list[dict[str, Any]], year: int) -> list[dict[str, Any]]:
    """A file about an earlier year (last year's report sent again) is said to be one: none of its
    contents counted, which is why the problems below it are there."""
    out = []
    for f in files:
        name = file_title(f.get("path") or "")
        of = (f.get("fields") or {}).get("year")
        out.append({"message": f"你单位报送的《{name}》是{of}年度的材料，未作为{year}年度履职材料计入，"
                               f"请报送{year}年度材料。", "evidence": []})
    return out


def notice_date(cfg: dict[str, Any], checked: dt.date) -> dt.date:
    """The notice's own date: the config's, else the day of the check."""
    return dt.date.fromisoformat(cfg["date"]) if cfg.get("date") else checked


def _check_date(records: dict[str, Any]) -> dt.date:
    try:
        return dt.date.fromisoformat(str(records.get("generated_at") or "")[:10])
    except ValueError:
        return dt.date.today()


def _opening(records: dict[str, Any], basis: str, year: int, checked: dt.date, missing: bool,
             listed: bool) -> str:
    if missing and not listed:
        deadline = records.get("deadline")
        when = f"应于{cn_date(deadline)}前" if deadline else "应按要求"
        return (f"根据{basis}要求，各单位{when}报送{year}年度“谁执法谁普法”履职材料。"
                f"截至{cn_date(checked)}，我办未收到你单位报送的材料。")
    return (f"根据{basis}要求，我办对你单位报送的{year}年度“谁执法谁普法”履职材料进行了审核，"
            "发现存在以下问题：")


def _to_you(message: str, unit: str) -> str:
    """“区教育局未……” becomes “你单位未……” in a notice to 区教育局."""
    return "你单位" + message[len(unit):] if unit and message.startswith(unit) else message


def evidence_lines(finding: dict[str, Any]) -> list[str]:
    """“依据：《文件》第3段：“原文”。” for each piece of evidence (or the file alone)."""
    lines = []
    for e in finding.get("evidence") or []:
        quote = " ".join(str(e.get("quote") or "").split())
        if len(quote) > QUOTE_MAX:
            quote = quote[:QUOTE_MAX] + "……"
        where = place(str(e.get("where") or ""))
        cited = e.get("file") or finding.get("file")
        line = f"依据：《{file_title(cited)}》{where}" if cited else f"依据：报送材料{where}"
        lines.append(tidy(line + ("：" + quoted(quote) if quote else "。")))
    if not lines and finding.get("file") and finding["file"] not in (finding.get("message") or ""):
        lines.append(f"涉及文件：《{file_title(finding['file'])}》。")
    return lines


def _remedies(findings: list[dict[str, Any]]) -> list[str]:
    """What to send back, one entry per distinct remedy, in order of the findings."""
    remedies: list[str] = []
    for f in findings:
        remedy = text.REMEDIES.get(f["rule"]) or \
            f"针对“{(f.get('message') or f['rule']).rstrip('。')}”的整改情况说明"
        if remedy not in remedies:
            remedies.append(remedy)
    return remedies
