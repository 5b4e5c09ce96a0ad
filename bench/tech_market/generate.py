#!/usr/bin/env python3
"""Registered technology contracts for the technology-market benchmark (bench/tech_market/run.sh).

usage: generate.py ENGINE COUNT ORGS_FILE TYPES_FILE USER_ID > rows.sql
ORGS_FILE: lines "id|credit_code|district_code|kind" of the demo's Beijing organisations (the sellers);
TYPES_FILE: lines "id|type" of contract_types. Writes multi-row INSERTs of COUNT contracts registered over the
36 months before December 2026 (ids from 10,000,000, clear of the demo's), each with a seller and a buyer (half in
Beijing, most of the rest in other provinces, Tianjin and Hebei first, a few abroad) and one IP type. Seed 18.
"""
import random
import sys

engine, count, orgs_file, types_file, user = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
rng = random.Random(18)
orgs = [line.strip().split("|") for line in open(orgs_file, encoding="utf-8") if line.strip()]
types = [line.strip().split("|") for line in open(types_file, encoding="utf-8") if line.strip()]
districts = sorted({o[2] for o in orgs} | {"110101", "110102", "110105", "110106", "110108", "110112", "110114", "110115"})
provinces = ["120000"] * 5 + ["130000"] * 6 + ["310000", "320000", "330000", "370000", "440000"] * 3 + [
    "420000", "510000", "610000", "210000", "410000", "500000", "650000"]
fields = ["electronic_information", "aerospace", "advanced_manufacturing", "biomedicine", "new_materials",
          "new_energy", "environment", "nuclear", "agriculture", "transport", "urban_social"]
industries = ["3825", "6513", "2710", "3832", "4420", "7320", "3562", None]
ip_types = ["technical_secret", "patent", "software", "ic_layout", "plant_animal_variety"]
entity = {"university": "022", "research_institute": "021"}
months = [f"{y}-{m:02d}" for y in (2023, 2024, 2025, 2026) for m in range(1, 13)][-36:]
BATCH = 500


def q(text):
    return "NULL" if text is None else "'" + str(text).replace("'", "''") + "'"


def flush(table, columns, rows):
    if rows:
        print(f"INSERT INTO {table} ({columns}) VALUES\n" + ",\n".join(rows) + ";")
        rows.clear()


contracts, parties, ips = [], [], []
print("BEGIN;")
for i in range(count):
    cid = 10_000_000 + i
    org = rng.choice(orgs)
    type_id, type_name = rng.choice(types)
    month = rng.choice(months)
    day = rng.randint(1, 28)
    registered = f"{month}-{day:02d}"
    total = rng.randint(1000, 5000) * 1_000_000 if rng.random() < 0.03 else rng.randint(5, 900) * 1_000_000
    tech = total - total // 10 * rng.randint(0, 3)
    number = f"{month[:4]}1101{org[2][4:]}{500_000 + i:06d}"  # serials clear of the demo's
    contracts.append(
        f"({cid}, {org[0]}, {q(org[2])}, {type_id}, {q('基准合同' + str(cid))}, {q(registered)}, {total}, {tech}, "
        f"{q(rng.choice(fields))}, {q(rng.choice(industries))}, 'registered', {q(registered)}, {tech}, {q(number)}, "
        f"{user}, {q(registered + 'T00:00:00Z')}, {q(registered + 'T00:00:00Z')})")
    x = rng.random()
    country, division = "142", rng.choice(districts) if x < 0.5 else rng.choice(provinces)
    if x > 0.97:
        country, division = "502", "000000"
    parties.append(f"({cid}, 0, 'seller', {q('卖方' + org[0])}, {q(org[1])}, {q(entity.get(org[3], '150'))}, '142', "
                   f"{q(org[2])})")
    parties.append(f"({cid}, 1, 'buyer', {q('买方' + str(cid))}, '', '150', {q(country)}, {q(division)})")
    ips.append(f"({cid}, {q(rng.choice(ip_types))})")
    if len(contracts) >= BATCH:
        flush("tech_contracts", "id, org_id, district_code, contract_type_id, project_name, signed_on, total_fen, "
              "tech_amount_fen, field_code, industry_code, status, registered_on, approved_income_fen, "
              "registration_no, created_by, created_at, updated_at", contracts)
        flush("tech_contract_parties", "contract_id, position, role, name, credit_code, entity_type, country_code, "
              "division_code", parties)
        flush("tech_contract_ip_types", "contract_id, code", ips)
flush("tech_contracts", "id, org_id, district_code, contract_type_id, project_name, signed_on, total_fen, "
      "tech_amount_fen, field_code, industry_code, status, registered_on, approved_income_fen, registration_no, "
      "created_by, created_at, updated_at", contracts)
flush("tech_contract_parties", "contract_id, position, role, name, credit_code, entity_type, country_code, "
      "division_code", parties)
flush("tech_contract_ip_types", "contract_id, code", ips)
print("COMMIT;")
if engine == "postgres":
    print("SELECT setval(pg_get_serial_sequence('tech_contracts', 'id'), (SELECT MAX(id) FROM tech_contracts));")
