"""(Re)create samples/inbox/, samples/名单.xlsx and samples/truth.json, and last year's
samples/inbox_2022/, samples/名单_2022.xlsx and samples/truth_2022.json.

Fictional 鹤溪区 (岚江市) submissions for 2023, deadline 2023-12-10: nine units on
the roster, one of which (区退役军人事务局) sends nothing; and the same units' 2022
submissions (deadline 2022-12-10), when 区文化旅游体育局 was still 区文化和旅游局 (the 2023
roster's 曾用名) and 区水利局 sent nothing.  Run from anywhere:

    python samples/make_samples.py

Needs python-docx, openpyxl, opencc (project dependencies), fpdf2 and a CJK
TrueType font for the one PDF (pip install fpdf2; apt-get install -y
fonts-wqy-zenhei).  Output is byte-stable; the generated files are committed.
Every truth value is tied to a quote that is checked against the written file.
"""
from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import Doc, build  # noqa: E402
from heixi_docs import DOCS  # noqa: E402
from heixi_2022_docs import DOCS as DOCS_2022  # noqa: E402

YEAR = 2023
DEADLINE = "2023-12-10"

ROSTER = [
    ("区交通运输局", "交通运输局、交通局"),
    ("区住房和城乡建设局", "住建局"),
    ("区农业农村局", "农业农村局、农业局"),
    ("区医疗保障局", "医保局"),
    ("区文化旅游体育局", "文旅体局、文旅局", "区文化和旅游局"),
    ("区公安分局", "公安分局"),
    ("区水利局", ""),
    ("区市场监督管理局", "市场监管局、区市场监管局"),
    ("区退役军人事务局", "退役军人局"),
]

FINDINGS = {
    "区交通运输局": [],
    "区住房和城乡建设局": ["quarter_without_case", "study_below_min"],
    "区农业农村局": ["cases_below_min", "no_leading_group"],
    "区医疗保障局": ["no_staff_assigned"],
    "区文化旅游体育局": ["cases_below_min", "no_duty_list"],
    "区公安分局": [],
    "区水利局": ["cases_below_min", "no_duty_list", "no_leading_group", "no_staff_assigned",
               "study_below_min", "missing_section", "too_thin"],
    "区市场监督管理局": ["late_submission"],
    "区退役军人事务局": ["missing_submission"],
}

# Last year: the same units, 区文化旅游体育局 under its former name.
ROSTER_2022 = [(name, "文化和旅游局、文旅局") if name == "区文化旅游体育局" else (name, alias)
               for name, alias, *_ in ROSTER]
ROSTER_2022 = [("区文化和旅游局", alias) if alias.startswith("文化和旅游局") else (name, alias)
               for name, alias in ROSTER_2022]

FINDINGS_2022 = {
    "区交通运输局": ["cases_below_min"],
    "区住房和城乡建设局": ["no_new_media", "study_below_min"],
    "区农业农村局": ["cases_below_min", "no_leading_group"],
    "区医疗保障局": [],
    "区文化和旅游局": ["no_duty_list"],
    "区公安分局": ["no_duty_list"],
    "区水利局": ["missing_submission"],
    "区市场监督管理局": [],
    "区退役军人事务局": ["cases_below_min", "no_duty_list", "no_leading_group", "missing_section", "too_thin"],
}


def main() -> None:
    for inbox, roster_name, roster, docs, findings, year, deadline, truth in (
            ("inbox", "名单.xlsx", ROSTER, DOCS, FINDINGS, YEAR, DEADLINE, "truth.json"),
            ("inbox_2022", "名单_2022.xlsx", ROSTER_2022, DOCS_2022, FINDINGS_2022, 2022, "2022-12-10",
             "truth_2022.json")):
        lengths = build(HERE, inbox, roster_name, roster, docs, findings, year, deadline, truth)
        for path, n in sorted(lengths.items()):
            print(f"{n:5d}  {inbox}/{path}")
        print(f"{year}: {len(docs)} files, {len(roster)} units on the roster")


if __name__ == "__main__":
    main()
