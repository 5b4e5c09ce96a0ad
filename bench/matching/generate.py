#!/usr/bin/env python3
"""Technology demands for the matching benchmark (issue 18), as SQL for sqlite3 or psql.

    generate.py COUNT VOCAB_TSV ORGS_TSV CODES_TXT > demands.sql

The words come from the demo's own records, so that demands and resources share a vocabulary the
way real ones do: VOCAB_TSV holds "name<TAB>text" lines of approved achievements, services and
instruments (what enterprises ask for is what institutes offer, in other words); ORGS_TSV
"org_id<TAB>district_code" of the enterprises that publish them; CODES_TXT the industry codes the
resources carry. Every demand is approved with its deadline in 2027–2028 (open on the benchmark's
day), one to three industry codes and one or two forms of cooperation. A fixed seed: both engines
get the same rows. Ids start at BASE, above anything the demo makes.
"""
import random
import sys

BASE = 20_000_000
BATCH = 500
COUNT = int(sys.argv[1])
rng = random.Random(18)

vocab = []
for line in open(sys.argv[2], encoding="utf-8"):
    name, tab, text = line.rstrip("\n").partition("\t")
    if name and tab:  # a line without a tab is the rest of a text that held a line break
        vocab.append((name, text))
orgs = [line.rstrip("\n").split("\t") for line in open(sys.argv[3], encoding="utf-8") if line.strip()]
codes = [line.strip() for line in open(sys.argv[4], encoding="utf-8") if line.strip()]
if not vocab or not orgs or not codes:
    sys.exit("generate.py: empty vocabulary, enterprise or code list")

FORMS = ["development", "transfer", "licence", "consulting", "service", "joint_lab"]
TITLES = [
    "寻求{a}相关技术合作",
    "{a}关键技术攻关需求",
    "征集{a}解决方案",
    "{a}工艺改进与产业化需求",
    "求购{a}技术成果",
    "{a}检测与验证服务需求",
    "联合开发{a}及{b}",
    "{a}技术升级改造项目",
]
OPENINGS = [
    "我公司长期从事相关产品的研发与生产，",
    "本企业为国家高新技术企业，",
    "公司现有生产线在运行中遇到瓶颈，",
    "随着业务拓展，",
    "为落实年度技术创新计划，",
]
NEEDS = [
    "目前在{a}方面缺乏成熟技术，希望与高校、科研院所合作攻关。",
    "急需引进{a}，要求具备中试以上成熟度。",
    "拟委托开展{a}的检测分析与性能评价。",
    "希望获得{a}相关专利许可或技术转让。",
    "计划共建联合实验室，围绕{a}开展长期合作。",
]
TAILS = [
    "可提供应用场景和试验条件，合作方式面议。",
    "预算可根据方案调整，要求一年内完成。",
    "欢迎技术经纪人对接。",
    "优先考虑北京地区的合作单位。",
    "",
]


def short(name):
    """The name without a trailing qualifier in brackets, which nobody types in a demand."""
    for mark in ("（", "("):
        if mark in name:
            name = name.split(mark)[0]
    return name.strip() or name


def excerpt(text):
    if not text:
        return ""
    start = rng.randrange(0, max(1, len(text) - 60))
    return text[start:start + rng.randint(30, 90)].strip()


def q(s):
    return "'" + s.replace("'", "''") + "'"


def demand(i):
    a_name, a_text = rng.choice(vocab)
    b_name, b_text = rng.choice(vocab)
    a, b = short(a_name), short(b_name)
    title = rng.choice(TITLES).format(a=a, b=b)[:120]
    parts = [rng.choice(OPENINGS), rng.choice(NEEDS).format(a=a), excerpt(a_text)]
    if rng.random() < 0.5:
        parts.append("同时关注" + b + "。" + excerpt(b_text))
    parts.append(rng.choice(TAILS))
    description = "".join(p for p in parts if p)[:1000]
    org, district = rng.choice(orgs)
    low = rng.choice([None, 100_000, 500_000, 1_000_000, 5_000_000]) if rng.random() < 0.7 else None
    budget = (low * 100, low * 300) if low else (None, None)
    deadline = f"{rng.choice([2027, 2028])}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    created = f"2026-{rng.randint(1, 11):02d}-{rng.randint(1, 28):02d}T08:00:00Z"
    row = (f"({BASE + i}, {org}, {q(title)}, {q(description)}, {q(district)}, "
           f"{budget[0] if budget[0] is not None else 'NULL'}, {budget[1] if budget[1] is not None else 'NULL'}, "
           f"'{deadline}', '联系人{i % 97}', '010-6{i % 10_000_000:07d}', 'need{i}@example.cn', 'approved', "
           f"'{created}', '{created}')")
    inds = rng.sample(codes, min(len(codes), rng.randint(1, 3)))
    forms = rng.sample(FORMS, rng.randint(1, 2))
    return row, inds, forms


def flush(demands, industries, forms):
    print("INSERT INTO tech_demands (id, org_id, title, description, district_code, budget_min_fen, budget_max_fen,"
          " deadline, contact_name, contact_phone, contact_email, status, created_at, updated_at) VALUES\n"
          + ",\n".join(demands) + ";")
    print("INSERT INTO tech_demand_industries (demand_id, code) VALUES " + ", ".join(industries) + ";")
    print("INSERT INTO tech_demand_cooperation_forms (demand_id, code) VALUES " + ", ".join(forms) + ";")


print("BEGIN;")
rows, inds, forms = [], [], []
for i in range(COUNT):
    row, codes_i, forms_i = demand(i)
    rows.append(row)
    inds += [f"({BASE + i}, {q(c)})" for c in codes_i]
    forms += [f"({BASE + i}, {q(f)})" for f in forms_i]
    if len(rows) == BATCH:
        flush(rows, inds, forms)
        rows, inds, forms = [], [], []
if rows:
    flush(rows, inds, forms)
print("COMMIT;")
