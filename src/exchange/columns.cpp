#include "exchange/columns.hpp"

#include <algorithm>
#include <cctype>

namespace keyuan::exchange {
namespace {

constexpr std::size_t kHeaderSearchRows = 10;  // a title and a few notes may stand above the header

void ReplaceAll(std::string& text, std::string_view from, std::string_view to) {
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
        text.replace(at, from.size(), to);
    }
}

// "服务类别(测试/研发)" → "服务类别": the header without its bracketed note.
std::string WithoutNote(const std::string& header) {
    std::size_t open = header.find('(');
    return open == std::string::npos || open == 0 ? header : header.substr(0, open);
}

// The declared column a normalized header names, or -1.
int ColumnNamed(const std::vector<std::vector<std::string>>& names, const std::string& header) {
    if (header.empty()) return -1;
    std::string bare = WithoutNote(header);
    for (std::size_t j = 0; j < names.size(); ++j) {
        for (const std::string& name : names[j]) {
            if (name == header || name == bare || WithoutNote(name) == bare) return static_cast<int>(j);
        }
    }
    return -1;
}

FieldError HeaderError(std::string zh, std::string en) {
    return FieldError{"header", Text{std::move(zh), std::move(en)}};
}

}  // namespace

Column IdColumn() {
    return {.key = "id",
            .zh = "编号",
            .en = "ID",
            .aliases = {"id", "系统编号"},
            .kind = CellKind::kInteger,
            .note_zh = "留空则新增；填写平台上已有的编号则更新该条（导出的文件已带编号）",
            .note_en = "Blank adds a new record; an existing ID updates that record (exports carry it)",
            .import_only = true};
}

Column CreditCodeColumn() {
    return {.key = "org_credit_code",
            .zh = "统一社会信用代码",
            .en = "Organization credit code",
            .aliases = {"信用代码", "单位统一社会信用代码", "credit code"},
            .example = "91110108MA00000000",
            .note_zh = "所属单位的 18 位代码；单位管理员可不填（只能导入本单位），运营方导入时必填",
            .note_en =
                "The owning organization's 18-character code; unit administrators may leave it blank "
                "(their own only), the operator must give it",
            .import_only = true};
}

std::string NormalizedHeader(std::string_view header) {
    std::string h = HalfWidth(header);
    std::erase_if(h, [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; });
    ReplaceAll(h, "【", "(");
    ReplaceAll(h, "】", ")");
    ReplaceAll(h, "[", "(");
    ReplaceAll(h, "]", ")");
    while (h.starts_with('*')) h.erase(0, 1);
    while (h.ends_with('*')) h.pop_back();
    // A header bracketed whole, 【名称】, is the name.
    if (h.size() > 2 && h.front() == '(' && h.back() == ')' && h.find('(', 1) == std::string::npos) {
        h = h.substr(1, h.size() - 2);
    }
    std::ranges::transform(h, h.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return h;
}

Result<HeaderMatch> MatchHeader(const Table& table, const std::vector<Column>& columns) {
    std::vector<std::vector<std::string>> names(columns.size());
    for (std::size_t j = 0; j < columns.size(); ++j) {
        names[j].push_back(NormalizedHeader(columns[j].zh));
        names[j].push_back(NormalizedHeader(columns[j].en));
        for (const std::string& alias : columns[j].aliases) names[j].push_back(NormalizedHeader(alias));
    }

    // The header row: the one of the first rows that names the most declared columns.
    std::size_t best_row = 0, best_count = 0;
    for (std::size_t i = 0; i < std::min(table.rows.size(), kHeaderSearchRows); ++i) {
        std::size_t count = 0;
        for (const std::string& cell : table.rows[i].cells) count += ColumnNamed(names, NormalizedHeader(cell)) >= 0;
        if (count > best_count) best_row = i, best_count = count;
    }
    if (best_count == 0) {
        std::string zh = "找不到表头：前 " + std::to_string(kHeaderSearchRows) + " 行中没有一行含有“" +
                         (columns.empty() ? std::string() : columns.front().zh) + "”等列名；请使用下载的模板";
        std::string en = "No header row: none of the first " + std::to_string(kHeaderSearchRows) +
                         " rows names a column such as \"" + (columns.empty() ? std::string() : columns.front().en) +
                         "\"; please use the downloaded template";
        return Error::Validation({HeaderError(std::move(zh), std::move(en))});
    }

    HeaderMatch match;
    match.header_row = best_row;
    match.position.assign(columns.size(), std::nullopt);
    std::vector<FieldError> errors;
    const std::vector<std::string>& header = table.rows[best_row].cells;
    for (std::size_t c = 0; c < header.size(); ++c) {
        int j = ColumnNamed(names, NormalizedHeader(header[c]));
        if (j < 0) {
            if (!header[c].empty()) match.ignored.push_back(header[c]);
        } else if (match.position[j]) {
            errors.push_back(HeaderError("列“" + columns[j].zh + "”出现了两次",
                                         "The column \"" + columns[j].en + "\" appears twice"));
        } else {
            match.position[j] = c;
        }
    }
    for (std::size_t j = 0; j < columns.size(); ++j) {
        if (columns[j].required && !match.position[j]) {
            errors.push_back(HeaderError("缺少必填列“" + columns[j].zh + "”",
                                         "The required column \"" + columns[j].en + "\" is missing"));
        }
    }
    if (!errors.empty()) return Error::Validation(std::move(errors));
    return match;
}

}  // namespace keyuan::exchange
