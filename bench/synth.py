"""A realistic synthetic inbox of N units for the benchmark, cached under /tmp.

Each unit sends three files in a folder named after it (as a clerk saves
e-mail attachments): an annual report (.docx, or a text .pdf), a 普法责任清单
(.docx table or .xlsx), and 以案释法 cases (.docx/.pdf) or a statistics form
(.xlsx); 3–10 pages each.  A roster names every unit plus a few that send
nothing; a couple of reports are near-copies of another unit's.  ``truth.json``
records what was written (unit, doc type, main figures) so the bench can check
the pipeline read it right.  Generation is deterministic in (N, seed).
"""
from __future__ import annotations

import json
import os
import random
import shutil
from dataclasses import dataclass
from multiprocessing import Pool
from pathlib import Path

from bench import vocab
from bench.writers import Items, Table, cjk_font, write_docx, write_pdf, write_xlsx

GEN_VERSION = 3
YEAR = 2022
CACHE_ROOT = Path(os.environ.get("PUFA_BENCH_CACHE", "/tmp/pufa-bench"))


@dataclass(frozen=True)
class UnitPlan:
    index: int
    name: str
    abbr: str
    folder: str
    files: tuple[tuple[str, str, str, int], ...]  # (rel path, doc kind, format, pages)


def unit_names(count: int) -> list[tuple[str, str]]:
    """(full name, short name) for ``count`` distinct units: every agency of each district in turn."""
    districts = list(vocab.DISTRICTS)
    extra = "东西南北中上下前后新"
    while len(districts) * len(vocab.AGENCIES) < count:
        districts.append(f"江{extra[len(districts) % len(extra)]}{len(districts)}区")
    out = []
    for i in range(count):
        district = districts[i // len(vocab.AGENCIES)]
        agency, abbrs = vocab.AGENCIES[i % len(vocab.AGENCIES)]
        out.append((district + agency, district + (abbrs[0] if abbrs else agency)))
    return out


def plan_unit(i: int, name: str, abbr: str, seed: int) -> UnitPlan:
    rng = random.Random(f"{seed}:{i}:plan")
    folder = name if rng.random() < 0.6 else abbr
    r1, r2, r3 = rng.random(), rng.random(), rng.random()
    report = ("self_inspection" if r1 < 0.05 else "annual_report", "pdf" if r1 > 0.7 else "docx")
    duty = ("duty_list", "xlsx" if r2 < 0.4 else "docx")
    third = ("case_report", "docx") if r3 < 0.45 else ("case_report", "pdf") if r3 < 0.6 else ("stats_form", "xlsx")
    names = {"annual_report": f"{YEAR}年度“谁执法谁普法”履职报告", "self_inspection": "普法工作自查报告",
             "duty_list": f"{abbr}{YEAR}年普法责任清单", "case_report": "以案释法典型案例",
             "stats_form": f"{YEAR}年普法工作统计表"}
    files = tuple((f"{folder}/{names[kind]}.{fmt}", kind, fmt, rng.randint(3, 10))
                  for kind, fmt in (report, duty, third))
    return UnitPlan(i, name, abbr, folder, files)


def unit_facts(plan: UnitPlan, seed: int) -> dict:
    rng = random.Random(f"{seed}:{plan.index}:facts")
    f = {"activities": rng.randint(8, 90), "materials": rng.randint(1500, 60000), "cases": rng.randint(2, 12),
         "consultations": rng.randint(80, 3000), "audience": rng.randint(800, 50000), "study": rng.randint(1, 6)}
    f.update({k: rng.random() < p for k, p in (("leading_group", 0.92), ("leader_in_charge", 0.9),
                                               ("staff_assigned", 0.88), ("duty_list", 0.93), ("budget", 0.7))})
    f["media"] = rng.sample(range(len(vocab.MEDIA)), rng.choice((0, 1, 2, 2, 3, 3, 4)))
    f["office"] = rng.choice(vocab.OFFICES)
    f["date"] = (rng.choice((11, 11, 12)), rng.randint(1, 30))
    return f


def report_items(plan: UnitPlan, f: dict, pages: int, rng: random.Random, kind: str) -> Items:
    body: list[tuple[str, str]] = []
    fmt = {**f, "materials": vocab.amount(rng, f["materials"], f["materials"]),
           "audience": vocab.amount(rng, f["audience"], f["audience"])}
    word = "自查报告" if kind == "self_inspection" else "“谁执法谁普法”履职报告"
    body += [("title", f"{plan.name}{YEAR}年度{word}"), ("para", "区普法办："),
             ("para", f"按照全面依法治区委员会办公室的工作安排，现将{plan.name}{YEAR}年度落实普法责任制情况报告如下。"),
             ("h1", "一、基本情况"),
             ("para", f"我局现有干部职工{rng.randint(30, 600)}人，全年立案查处各类违法案件{rng.randint(10, 900)}件。"),
             ("para", "".join(vocab.facts_sentences(rng, f, f["office"]))), ("h1", "二、主要做法")]
    target = pages * 600
    subheads = rng.sample(vocab.SUBHEADS, rng.randint(4, 6))
    per_head = max(1, (target - 1400) // (len(subheads) * 90))
    for n, head in enumerate(subheads, 1):
        body.append(("h2", head.format(n=vocab.cn_number(n))))
        if "学法" in head:
            body.append(("para", vocab.study_sentence(rng, f["study"])))
        if "以案释法" in head:
            body.append(("para", vocab.cases_sentence(rng, f["cases"])))
        if "新媒体" in head and f["media"]:
            body.append(("para", "；".join(vocab.MEDIA[m][1].format(abbr=plan.abbr, n=rng.randint(5, 120),
                                                                    k=rng.randint(2, 12)) for m in f["media"]) + "。"))
        if "重点对象" in head or n == 1:
            body.append(("para", vocab.totals_sentence(rng, fmt)))
        for _ in range(per_head):
            body.append(("para", "".join(vocab.activity_sentence(rng, plan.abbr) for _ in range(rng.randint(1, 3)))))
    problems = rng.sample(vocab.PROBLEMS, 4)
    body += [("h1", "三、存在的问题"), ("para", "对照要求，我们的工作还存在以下不足：" + "".join(
        f"{vocab.cn_number(k)}是{p}。" for k, p in enumerate(problems, 1)))]
    body += [("h1", "四、下一步打算"), ("para", f"{YEAR + 1}年，我局将着力做好以下几点：")]
    body += [("para", f"（{vocab.cn_number(k)}）{s}。") for k, s in enumerate(rng.sample(vocab.NEXT_STEPS, 5), 1)]
    return body + _signature(plan, f)


def _signature(plan: UnitPlan, f: dict) -> Items:
    month, day = f["date"]
    return [("right", plan.name), ("right", f"{YEAR}年{month}月{day}日")]


def duty_table(rng: random.Random, pages: int) -> Table:
    rows = [["序号", "普法内容（法律法规）", "普法对象", "普法方式", "责任科室", "完成时限"]]
    for k in range(1, pages * 22):
        rows.append([str(k), vocab.law(rng), rng.choice(vocab.TARGETS), rng.choice(vocab.METHODS),
                     rng.choice(vocab.OFFICES), rng.choice(("全年", "每季度", "3月", "6月", "9月", "12月"))])
    return rows


def stats_sheets(plan: UnitPlan, f: dict, rng: random.Random, pages: int) -> list[tuple[str, Table]]:
    head = ["季度", "普法宣传活动（场次）", "发放宣传资料（份）", "法律咨询（人次）", "受教育群众（人次）",
            "以案释法典型案例（个）", "领导班子集体学法（次）"]
    keys = ("activities", "materials", "consultations", "audience", "cases", "study")
    split = {k: _split4(rng, f[k]) for k in keys}
    rows = [[f"{plan.name}{YEAR}年普法工作统计表"], [f"填报日期：{YEAR}年{f['date'][0]}月{f['date'][1]}日"], head]
    for q, label in enumerate(("第一季度", "第二季度", "第三季度", "第四季度")):
        rows.append([label] + [str(split[k][q]) for k in keys])
    rows.append(["合计"] + [str(f[k]) for k in keys])
    detail = [["序号", "日期", "活动名称", "地点", "对象", "形式"]]
    for k in range(1, pages * 40):
        detail.append([str(k), f"{YEAR}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                       f"{vocab.law(rng)}宣传", rng.choice(vocab.PLACES), rng.choice(vocab.TARGETS),
                       rng.choice(vocab.METHODS)])
    return [("统计表", rows), ("活动明细", detail)]


def _split4(rng: random.Random, total: int) -> list[int]:
    cuts = sorted(rng.randint(0, total) for _ in range(3))
    return [b - a for a, b in zip([0] + cuts, cuts + [total])]


def write_unit_file(plan: UnitPlan, k: int, inbox: Path, seed: int, variant: int = 0,
                    copy_of: UnitPlan | None = None) -> dict:
    """Write the unit's k-th file; return its truth entry."""
    rel, kind, fmt, pages = plan.files[k]
    rng = random.Random(f"{seed}:{plan.index}:{k}:{variant}")
    f = unit_facts(plan, seed)
    path = inbox / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    truth = {"unit": plan.name, "doc_type": kind, "format": fmt, "pages": pages}
    if kind in ("annual_report", "self_inspection"):
        src = copy_of or plan
        if copy_of:  # a near-copy: the original's prose and figures, our name and date
            f = unit_facts(src, seed)
        items = report_items(src, f, src.files[k][3], random.Random(f"{seed}:{src.index}:{k}:{variant}"), kind)
        if copy_of:
            items = [(s, t.replace(copy_of.name, plan.name)) for s, t in items[:-2]] + _signature(plan, f)
        write_pdf(path, items, CACHE_ROOT) if fmt == "pdf" else write_docx(path, items)
        truth.update(cases_total=f["cases"], activities=f["activities"], copy_of=copy_of.name if copy_of else None)
    elif kind == "duty_list":
        title = f"{plan.name}{YEAR}年度普法责任清单"
        table = duty_table(rng, pages)
        if fmt == "xlsx":
            write_xlsx(path, [("责任清单", [[title]] + table)])
        else:
            write_docx(path, [("title", title)], table, _signature(plan, f))
    elif kind == "case_report":
        items: Items = [("title", f"{plan.name}{YEAR}年度以案释法典型案例")]
        n = max(2, pages + rng.randint(-1, 2))
        for i in range(1, n + 1):
            story = vocab.case_story(rng, i)
            items += [("h2", story[0])] + [("para", t) for t in story[1:]]
        items += _signature(plan, f)
        write_pdf(path, items, CACHE_ROOT) if fmt == "pdf" else write_docx(path, items)
        truth["cases_total"] = n
    else:
        write_xlsx(path, stats_sheets(plan, f, rng, pages))
        truth.update(cases_total=f["cases"], activities=f["activities"])
    return truth


def _write_unit(args: tuple[UnitPlan, Path, int, UnitPlan | None]) -> dict[str, dict]:
    plan, inbox, seed, copy_of = args
    return {plan.files[k][0]: write_unit_file(plan, k, inbox, seed, 0, copy_of if k == 0 else None)
            for k in range(len(plan.files))}


def plans(n: int, seed: int) -> tuple[list[UnitPlan], list[str]]:
    """The n sending units, and the roster names of units that send nothing (about 2%)."""
    names = unit_names(n + max(1, n // 50))
    sending = [plan_unit(i, *names[i], seed) for i in range(n)]
    return sending, [full for full, _ in names[n:]]


def build_inbox(n: int, seed: int, jobs: int = 0) -> Path:
    """Generate (or reuse) the inbox of n units; returns the folder holding INBOX/, roster.xlsx, truth.json."""
    root = CACHE_ROOT / f"inbox-n{n}-s{seed}-g{GEN_VERSION}"
    if (root / ".complete").is_file():
        return root
    shutil.rmtree(root, ignore_errors=True)
    inbox = root / "INBOX"
    inbox.mkdir(parents=True)
    sending, silent = plans(n, seed)
    cjk_font(CACHE_ROOT)  # build the font subset once, before the workers need it
    rng = random.Random(f"{seed}:copies")
    copies = {i: sending[rng.randrange(n)] for i in rng.sample(range(n), max(1, n // 100))}
    tasks = [(p, inbox, seed, copies.get(p.index) if copies.get(p.index) is not p else None) for p in sending]
    with Pool(jobs or os.cpu_count() or 1) as pool:
        truth: dict[str, dict] = {}
        for part in pool.imap(_write_unit, tasks, chunksize=4):
            truth.update(part)
    roster = [[full, abbr] for full, abbr in unit_names(n)] + [[s, ""] for s in silent]
    write_xlsx(root / "roster.xlsx", [("名单", [["单位名称", "简称/别名"]] + roster)])
    (root / "truth.json").write_text(json.dumps({"year": YEAR, "files": truth, "silent": silent},
                                                ensure_ascii=False, indent=1), encoding="utf-8")
    (root / ".complete").write_text("ok")
    return root


def resubmit(inbox: Path, n: int, seed: int, share: float, variant: int = 1) -> list[str]:
    """Rewrite ``share`` of the files with new content (a unit sending a corrected version)."""
    sending, _ = plans(n, seed)
    every = [(p, k) for p in sending for k in range(len(p.files))]
    rng = random.Random(f"{seed}:resubmit:{variant}")
    chosen = rng.sample(every, max(1, round(len(every) * share)))
    for plan, k in chosen:
        write_unit_file(plan, k, inbox, seed, variant)
    return [plan.files[k][0] for plan, k in chosen]
