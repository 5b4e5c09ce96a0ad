#include "exchange/xlsx_template.hpp"

#include <xlsxwriter.h>

#include <set>

#include "exchange/temp_file.hpp"

namespace keyuan::exchange {
namespace {

constexpr lxw_row_t kLastRow = 100000;  // the import's row limit

// The labels a choice column offers, each code once (a price's units repeat codes).
std::vector<std::string> Labels(const Column& c) {
    if (c.kind == CellKind::kYesNo) return {"是", "否"};
    std::vector<std::string> out;
    std::set<std::string_view> seen;
    for (const Choice& choice : c.choices) {
        if (seen.insert(choice.code).second) out.emplace_back(choice.zh);
    }
    return out;
}

std::string KindNote(const Column& c) {
    switch (c.kind) {
        case CellKind::kInteger: return "整数";
        case CellKind::kMoney: return "金额（元）";
        case CellKind::kMoneyWan: return "金额（万元）";
        case CellKind::kPrice: return "价格/单位 或 面议";
        case CellKind::kDate: return "日期";
        case CellKind::kYesNo: return "是/否";
        case CellKind::kChoice: return "下拉选择";
        case CellKind::kChoiceList:
        case CellKind::kCodes:
        case CellKind::kCodeList: return "可填多个，用顿号分隔";
        default: return "文本";
    }
}

std::string ColumnName(lxw_col_t col) {
    std::string name;
    for (int n = static_cast<int>(col) + 1; n > 0; n = (n - 1) / 26)
        name.insert(name.begin(), char('A' + (n - 1) % 26));
    return name;
}

}  // namespace

std::string TemplateXlsx(const std::string& title_zh, const Columns& columns,
                         const std::vector<ReferenceSheet>& references) {
    TempFile file;
    lxw_workbook* workbook = workbook_new(file.path().c_str());
    if (!workbook) throw std::runtime_error("xlsx: cannot start a workbook");
    lxw_worksheet* data = workbook_add_worksheet(workbook, title_zh.c_str());
    lxw_worksheet* notes = workbook_add_worksheet(workbook, "填写说明");
    lxw_worksheet* lists = workbook_add_worksheet(workbook, "选项");
    lxw_format* bold = workbook_add_format(workbook);
    format_set_bold(bold);
    lxw_format* wrap = workbook_add_format(workbook);
    format_set_text_wrap(wrap);
    // Codes are text: typed into a number cell, 0101 would lose its 0.
    lxw_format* text = workbook_add_format(workbook);
    format_set_num_format(text, "@");

    const char* note_header[] = {"列名", "English", "必填", "填写方式", "说明", "示例"};
    for (lxw_col_t c = 0; c < 6; ++c) worksheet_write_string(notes, 0, c, note_header[c], bold);
    worksheet_set_column(notes, 4, 4, 60, wrap);
    lxw_col_t list_col = 0;
    for (std::size_t j = 0; j < columns.list.size(); ++j) {
        const Column& c = columns.list[j];
        auto col = static_cast<lxw_col_t>(j);
        std::string header = c.required ? c.zh + "*" : c.zh;
        worksheet_write_string(data, 0, col, header.c_str(), bold);
        bool code = c.kind == CellKind::kCodes || c.key.find("code") != std::string::npos;
        worksheet_set_column(data, col, col, c.kind == CellKind::kLongText ? 30 : 16, code ? text : nullptr);
        auto row = static_cast<lxw_row_t>(j + 1);
        std::string note = c.note_zh + (c.note_en.empty() ? "" : "\n" + c.note_en);
        worksheet_write_string(notes, row, 0, c.zh.c_str(), nullptr);
        worksheet_write_string(notes, row, 1, c.en.c_str(), nullptr);
        worksheet_write_string(notes, row, 2, c.required ? "是" : "否", nullptr);
        worksheet_write_string(notes, row, 3, KindNote(c).c_str(), nullptr);
        worksheet_write_string(notes, row, 4, note.c_str(), wrap);
        worksheet_write_string(notes, row, 5, c.example.c_str(), nullptr);
        std::vector<std::string> labels = Labels(c);
        if (labels.empty()) continue;
        worksheet_write_string(lists, 0, list_col, c.zh.c_str(), bold);
        for (std::size_t i = 0; i < labels.size(); ++i) {
            worksheet_write_string(lists, static_cast<lxw_row_t>(i + 1), list_col, labels[i].c_str(), nullptr);
        }
        if (c.kind == CellKind::kChoice || c.kind == CellKind::kYesNo) {
            std::string range = "='选项'!$" + ColumnName(list_col) + "$2:$" + ColumnName(list_col) + "$" +
                                std::to_string(labels.size() + 1);
            lxw_data_validation validation{};
            validation.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
            validation.value_formula = range.data();
            validation.ignore_blank = LXW_VALIDATION_ON;
            worksheet_data_validation_range(data, 1, col, kLastRow, col, &validation);
        }
        ++list_col;
    }
    std::string how =
        "第一行是表头，请从第二行起每行填写一条；带 * 的列必填。同一条的多个行业代码可写在连续几行。"
        "导入时先“试导入”查看结果，无误后再正式导入。";
    worksheet_write_string(notes, static_cast<lxw_row_t>(columns.list.size() + 2), 0, how.c_str(), nullptr);
    for (const ReferenceSheet& ref : references) {
        lxw_worksheet* ws = workbook_add_worksheet(workbook, ref.name.c_str());
        for (std::size_t c = 0; c < ref.header.size(); ++c) {
            worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), ref.header[c].c_str(), bold);
        }
        for (std::size_t r = 0; r < ref.rows.size(); ++r) {
            for (std::size_t c = 0; c < ref.rows[r].size(); ++c) {
                worksheet_write_string(ws, static_cast<lxw_row_t>(r + 1), static_cast<lxw_col_t>(c),
                                       ref.rows[r][c].c_str(), nullptr);
            }
        }
    }
    if (workbook_close(workbook) != LXW_NO_ERROR) throw std::runtime_error("xlsx: cannot write the workbook");
    return ReadWhole(file.path());
}

}  // namespace keyuan::exchange
