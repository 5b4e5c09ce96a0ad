#pragma once
// Shared by the HTTP tests of the spreadsheet import of registered kinds (imports_*_test.cpp):
// sending a file the way the web does, reading a run's counts, and rows of valid instruments.
#include <boost/json.hpp>

#include <string>
#include <vector>

#include "support/catalog_fixture.hpp"
#include "support/workbook.hpp"

namespace keyuan::testing {

inline constexpr const char* kXlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// POST /api/v1/imports?kind=KIND&… with the file as the body.
inline HttpResponse ImportFile(Session& session, const std::string& kind, const std::string& file,
                               const std::string& query = "", const std::string& type = kXlsxType,
                               const std::string& file_name = "%E4%BB%AA%E5%99%A8.xlsx") {
    return session.Send("POST", "/api/v1/imports?kind=" + kind + query, file,
                        {{"Content-Type", type}, {"X-File-Name", file_name}});
}

/// The run's count of one outcome (created, updated, unchanged, refused).
inline std::int64_t Counted(const HttpResponse& run, const char* outcome) {
    boost::json::value body = run.Json();
    return body.at("counts").at(outcome).as_int64();
}

/// The run's errors as "row/column: message" lines.
inline std::vector<std::string> ErrorLines(const HttpResponse& run) {
    std::vector<std::string> out;
    boost::json::value body = run.Json();
    for (const boost::json::value& e : body.at("errors").as_array()) {
        out.push_back(std::to_string(e.at("row").as_int64()) + "/" + std::string(e.at("column").as_string()) + ": " +
                      std::string(e.at("message").as_string()));
    }
    return out;
}

/// Whether some error line starts with `prefix` ("3/原值（万元）").
inline bool HasError(const HttpResponse& run, const std::string& prefix) {
    for (const std::string& line : ErrorLines(run)) {
        if (line.starts_with(prefix)) return true;
    }
    return false;
}

inline const std::vector<std::string> kInstrumentHeader = {"仪器名称", "分类编码", "原值（万元）", "验收日期",
                                                           "所在区",   "开放状态", "服务方式",     "行业代码"};

/// A valid instrument row under kInstrumentHeader.
inline std::vector<std::string> InstrumentRow(const std::string& name, const std::string& value = "120.5") {
    return {name, "1001", value, "2025/6/30", "海淀区", "开放", "委托测试、上机操作", "3921"};
}

/// The number of instruments named `name`, as the operator lists them (every page).
inline std::int64_t InstrumentsNamed(Session& op, const std::string& name) {
    std::int64_t n = 0;
    for (int page = 1;; ++page) {
        HttpResponse list = op.Get("/api/v1/instruments?status=all&page_size=200&page=" + std::to_string(page));
        boost::json::value body = list.Json();
        const boost::json::array& items = body.at("items").as_array();
        for (const boost::json::value& item : items) n += item.at("name").as_string() == name;
        if (items.size() < 200) return n;
    }
}

}  // namespace keyuan::testing
