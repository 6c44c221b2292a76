"""From a read document to the SPEC §3 fields, each with its evidence."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePosixPath

from model import Document, Evidence, Value
from .cases import count_cases, lead_in, listed_cases
from .classify import classify, is_news_item, title_of
from .counts import extract_counts
from .dates import extract_date, extract_year
from .facts import extract_facts, extract_media
from .quarters import extract_quarters
from .structure import ATTACHMENT, Para, sections_present, structure
from .tables import extract_table_counts, narrative_cells
from .units import Match, RosterEntry, attribute

REPORT_TYPES = frozenset({"annual_report", "self_inspection", "other"})
COUNT_KEYS = ("cases_total", "activities", "materials", "consultations", "audience", "study_sessions")
BOOL_KEYS = ("leading_group", "leader_in_charge", "staff_assigned", "duty_list", "budget")


@dataclass(frozen=True)
class Extracted:
    fields: dict[str, Value]
    text: str  # normalised prose, for length and similarity checks
    title: str
    unit_match: Match


_UNIT_LABEL = re.compile(r"^(?:填报|报送|填表|责任|申报)?单位(?:名称)?\s*(?:[（(](?:盖章|公章|章)[)）])?\s*[：:]\s*"
                         r"([\u4e00-\u9fff（）()]{3,40})")


def places(doc: Document, paras: list[Para], title: str | None = None) -> list[tuple[str, str]]:
    """Where a unit names itself, most telling first (``title``: ``title_of(paras)``, if known)."""
    prose = [p for p in paras if p.kind == "para"]
    tail = [p.text for p in prose[-5:] if len(p.text) <= 40 and not p.text.endswith(("：", ":"))][::-1]
    out = [("signature", t) for t in tail]
    # a form's own line 填报单位：… (a statistics sheet signs nowhere else)
    out += [("signature", m.group(1)) for p in paras[:40] if p.kind in ("cell", "para")
            and (m := _UNIT_LABEL.match(p.text))][:2]
    out.append(("title", title_of(paras) if title is None else title))
    out += [("title", p.text) for p in prose[:3] if len(p.text) <= 60 and not p.text.endswith(("：", ":"))]
    out += [("header", p.text) for p in paras if p.kind in ("header", "footer")]
    if doc.meta.get("title"):
        out.append(("header", str(doc.meta["title"])))
    parts = re.split(r"!/|/", doc.path)
    out += [("folder", part) for part in reversed(parts[:-1])]
    out.append(("filename", PurePosixPath(parts[-1]).stem))
    out += [("intro", p.text[:80]) for p in prose[1:4] if not p.text.endswith(("：", ":"))]
    return [(s, t) for s, t in out if t]


def extract(doc: Document, roster: list[RosterEntry], default_year: int | None = None,
            paras: list[Para] | None = None) -> Extracted:
    """The fields of ``doc``; ``paras`` is ``structure(doc)`` when the caller has it already."""
    paras = structure(doc) if paras is None else paras
    name = PurePosixPath(re.split(r"!/", doc.path)[-1]).name
    title = title_of(paras)
    doc_type = classify(paras, name, doc.fmt, title)
    fields: dict[str, Value] = {}
    title_ev = (Evidence(doc.path, paras[0].where, title),) if paras else ()
    match = attribute(places(doc, paras, title), roster)
    if match.name:
        fields["unit"] = Value(match.name, (Evidence(doc.path, _source_where(match.source), match.text),))
    fields["doc_type"] = Value(doc_type, title_ev)
    date = extract_date(paras, doc.path)
    if date:
        fields["date"] = date
    year = extract_year(paras, doc.path, date)
    if year:
        fields["year"] = year  # a document that states no year has none (SPEC §3): the check's year judges it
    report_year = (year.value if year else None) or default_year
    if doc_type == "other" and is_news_item(paras, name, title):  # a 工作信息 on one event: what it did that day
        fields.update(extract_counts(paras, doc.path, report_year))
    else:
        fields.update(_content_fields(doc_type, paras, doc.path, title_ev, report_year))
    if doc_type in ("annual_report", "self_inspection"):
        fields["sections"] = Value(sections_present(paras), ())
    text = "\n".join(p.text for p in paras if p.kind in ("para", "textbox", "cell"))
    return Extracted(fields, text, title, match)


def _content_fields(doc_type: str, paras: list[Para], file: str, title_ev: tuple[Evidence, ...],
                    year: int | None) -> dict[str, Value]:
    out: dict[str, Value] = {}
    if doc_type in ("plan", "other"):
        return out  # a plan states intentions, a cover letter or a forwarded notice no results of the unit
    if doc_type == "duty_list":
        out["duty_list"] = Value(True, title_ev)
        return out
    if doc_type == "case_report":
        stated = extract_counts(lead_in(paras), file).get("cases_total")
        counted = count_cases(paras, file)
        if stated or counted:
            out["cases_total"] = stated or counted  # type: ignore[assignment]
        return out
    table = extract_table_counts(paras, file, year)
    paras = paras + narrative_cells(paras)  # 自评说明 of a self-assessment sheet reads as prose
    prose = extract_counts(paras, file, year)
    first, second = (table, prose) if doc_type == "stats_form" else (prose, table)
    for key in COUNT_KEYS:
        v = first.get(key) or second.get(key)
        if v is not None:
            out[key] = v
    if "cases_total" not in out and doc_type in ("annual_report", "self_inspection"):
        attached = count_cases([p for p in paras if p.section == ATTACHMENT], file)
        if attached:  # 典型案例附后: the cases attached after the signature are the year's
            out["cases_total"] = attached
    if "cases_total" not in out and doc_type in ("annual_report", "self_inspection"):
        listed = listed_cases(paras, file)
        if listed:  # 典型案例如下：1.… 2.… 3.…: the cases the report lists are the year's
            out["cases_total"] = listed
    quarters = table.get("cases_by_quarter") or extract_quarters(paras, file)
    if quarters is not None:
        out["cases_by_quarter"] = quarters
        if "cases_total" not in out:  # 一季度2个、二季度1个…: the year's total is their sum
            out["cases_total"] = Value(sum(quarters.value), quarters.evidence)
    if doc_type != "stats_form":
        out.update(extract_facts(paras, file))
        out["new_media"] = extract_media(paras, file)
    return out


def _source_where(source: str) -> str:
    return {"signature": "落款", "title": "标题", "header": "页眉", "folder": "文件夹名",
            "filename": "文件名", "intro": "正文开头"}.get(source, source)
