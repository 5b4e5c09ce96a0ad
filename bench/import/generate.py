#!/usr/bin/env python3
"""Instrument rows for bench/import: N rows in the template's Chinese headers, as an XLSX (what
units upload: inline strings, one sheet, as Excel and WPS write it), a UTF-8 CSV and a GBK CSV
(what Chinese Excel saves), plus the baseline's CSV (the same values as the columns of a plain
table, for `sqlite3 .import` and PostgreSQL's COPY).

    generate.py ROWS CREDIT_CODES_FILE OUT_DIR

The rows are spread over the organisations whose credit codes CREDIT_CODES_FILE lists (one per
line), as a platform's first migration of many units' registers is. Names are unique per
organisation; values vary as real registers do (classes, makers, countries, values from
5万 to 2,000万, multi-line technical indicators)."""
import csv
import io
import random
import sys
import zipfile
from xml.sax.saxutils import escape

HEADERS = ["统一社会信用代码", "仪器名称", "英文名称", "分类编码", "规格型号", "生产制造商", "产地国别",
           "原值（万元）", "购置日期", "验收日期", "安放地址", "所在区", "主要技术指标", "主要功能",
           "开放状态", "服务方式", "收费标准", "是否免税", "行业代码", "运行状态", "联系人", "联系电话",
           "电子邮箱"]
BASELINE_COLUMNS = ["credit_code", "name", "name_en", "class_code", "model", "manufacturer", "country",
                    "original_value_wan", "purchase_date", "acceptance_date", "location", "district",
                    "technical_indicators", "functions", "open_status", "service_modes", "fee_standard",
                    "duty_free", "industry_codes", "running_state", "contact_name", "contact_phone",
                    "contact_email"]
# Class codes of 《科学仪器设备分类》 as migration 0004 loads them (4-digit classes).
KINDS = [("场发射扫描电子显微镜", "Field emission SEM", "0101", "日立", "日本"),
         ("透射电子显微镜", "TEM", "0101", "赛默飞世尔", "美国"),
         ("高分辨质谱仪", "High resolution mass spectrometer", "0102", "安捷伦", "美国"),
         ("核磁共振波谱仪", "NMR spectrometer", "0106", "布鲁克", "德国"),
         ("X射线衍射仪", "X-ray diffractometer", "0103", "丹东浩元", "中国"),
         ("激光共聚焦显微镜", "Confocal microscope", "0108", "蔡司", "德国"),
         ("气相色谱质谱联用仪", "GC-MS", "0105", "岛津", "日本"),
         ("流式细胞仪", "Flow cytometer", "0110", "贝克曼库尔特", "美国"),
         ("电感耦合等离子体质谱仪", "ICP-MS", "0102", "珀金埃尔默", "美国"),
         ("万能材料试验机", "Universal testing machine", "0201", "中机试验", "中国")]
DISTRICTS = ["110101", "110102", "110105", "110106", "110107", "110108", "110109", "110111", "110112",
             "110113", "110114", "110115"]
MODES = ["委托测试", "上机操作", "委托测试、上机操作", "委托测试、培训", "远程服务"]
INDUSTRY = ["7320", "7340", "3825", "2710", "3581"]
STATES = ["正常", "正常", "正常", "待机", "偶有故障"]


def rows(count, credit_codes, rng):
    for i in range(count):
        name, name_en, cls, maker, country = KINDS[i % len(KINDS)]
        org = credit_codes[i % len(credit_codes)]
        value = rng.choice([5, 12.5, 48, 66.8, 120, 350.5, 800, 1260, 2000])
        year = 2010 + i % 15
        indicators = f"分辨率：{rng.randint(1, 9)}.{rng.randint(0, 9)} nm\n加速电压：0.1–30 kV\n放大倍数：20–800,000×"
        yield [org, f"{name}（{i + 1:06d}）", name_en, cls, f"KY-{i % 997:03d}", maker, country, str(value),
               f"{year}-03-{1 + i % 28:02d}", f"{year}-06-{1 + i % 28:02d}", f"实验楼{1 + i % 9}号楼{100 + i % 400}室",
               DISTRICTS[i % len(DISTRICTS)], indicators, "形貌观察、成分分析、晶体结构表征",
               "开放", MODES[i % len(MODES)], f"{rng.choice([200, 400, 800, 1200])}元/小时", "否",
               INDUSTRY[i % len(INDUSTRY)], STATES[i % len(STATES)], "王老师", f"010-6{i % 10000000:07d}",
               f"lab{i % 5000}@example.cn"]


def column_name(index):
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def write_xlsx(path, table):
    sheet = io.StringIO()
    sheet.write('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
    for r, values in enumerate(table, start=1):
        sheet.write(f'<row r="{r}">')
        for c, value in enumerate(values):
            sheet.write(f'<c r="{column_name(c)}{r}" t="inlineStr"><is><t xml:space="preserve">'
                        f'{escape(value)}</t></is></c>')
        sheet.write('</row>')
    sheet.write('</sheetData></worksheet>')
    ns = "http://schemas.openxmlformats.org"
    files = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="' + ns + '/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '</Types>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="' + ns + '/package/2006/relationships">'
        '<Relationship Id="rId1" Type="' + ns + '/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
        '</Relationships>',
        "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="' + ns + '/spreadsheetml/2006/main" '
        'xmlns:r="' + ns + '/officeDocument/2006/relationships"><sheets><sheet name="仪器设备" sheetId="1" r:id="rId1"/>'
        '</sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="' + ns + '/package/2006/relationships">'
        '<Relationship Id="rId1" Type="' + ns + '/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
        '</Relationships>',
        "xl/worksheets/sheet1.xml": sheet.getvalue(),
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in files.items():
            z.writestr(name, text)


def main():
    count, codes_file, out = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    credit_codes = [line.strip() for line in open(codes_file, encoding="utf-8") if line.strip()]
    table = list(rows(count, credit_codes, random.Random(19)))
    write_xlsx(f"{out}/instruments.xlsx", [HEADERS] + table)
    for name, encoding in (("instruments-utf8.csv", "utf-8-sig"), ("instruments-gbk.csv", "gbk")):
        with open(f"{out}/{name}", "w", encoding=encoding, newline="") as f:
            csv.writer(f).writerows([HEADERS] + table)
    with open(f"{out}/baseline.csv", "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(table)
    with open(f"{out}/baseline-columns.txt", "w") as f:
        f.write(",".join(BASELINE_COLUMNS))


if __name__ == "__main__":
    main()
