"""Shared constants and helpers of the holdout17 corpus texts (梓川县, 2025)."""

KEYS = ["unit", "year", "doc_type", "date", "leading_group", "leader_in_charge", "staff_assigned",
        "duty_list", "cases_total", "cases_by_quarter", "activities", "materials", "consultations",
        "audience", "study_sessions", "new_media", "budget", "sections"]
ALL4 = ["基本情况", "主要做法", "存在问题", "下一步打算"]

# Roster: (单位名称, 简称/别名 or "").  The last two send nothing.
ROSTER = [
    ("审判、检察机关", None),
    ("县人民法院", "县法院"),
    ("县人民检察院", "县检察院"),
    ("县政府工作部门", None),
    ("县公安局", ""),
    ("县司法局", ""),
    ("县市场监督管理局", "县市场监管局、市场监管局"),
    ("县卫生健康委员会", "县卫健委、卫健委"),
    ("县教育局", ""),
    ("县住房和城乡建设局", "县住建局、住建局"),
    ("县农业农村局", "农业农村局"),
    ("县人力资源和社会保障局", "县人社局、人社局"),
    ("县医疗保障局", "县医保局"),
    ("县退役军人事务局", "县退役军人局"),
]
MISSING = ["县医疗保障局", "县退役军人事务局"]


def fields(**kw):
    """A truth field vector: every key null ([] for lists) unless given."""
    f = {k: None for k in KEYS}
    f["new_media"], f["sections"] = [], []
    for k in kw:
        if k not in KEYS:
            raise KeyError(k)
    f.update(kw)
    return f
