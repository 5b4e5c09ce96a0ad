#pragma once
// The national report of one year, read from the instruments and delivery records: the two
// sheets of the national large-instrument platform and the check of their required elements.

#include <cstdint>
#include <string>
#include <vector>

#include "core/money.hpp"
#include "exchange/export_table.hpp"
#include "store/database.hpp"

namespace keyuan::national_report {

/// Instruments of at least 50万元 original value: the threshold of the national platform's
/// large instruments (国科办基〔2022〕93号: the open-sharing evaluation covers ≥ 50万元).
inline constexpr std::int64_t kThresholdFen = 50'0000'00;

/// One missing or unfit required element: which record, which element (the sheet's header),
/// why, in Chinese (the file is for the national platform's Chinese forms).
struct Problem {
    std::string sheet;  // 仪器设备 | 服务记录
    std::string id;     // the record's id on this platform, or "全部" for every record
    std::string name;   // the instrument's name
    std::string element;
    std::string message;
    std::string instrument_id;  // the instrument the record is of (empty for "全部"): the web page links it
};

struct Report {
    int year = 0;
    exchange::ExportSheet instruments;  // 仪器设备
    exchange::ExportSheet services;     // 服务记录
    std::vector<Problem> problems;
};

/// Reads the report of `year` (approved instruments accepted by its end, services delivered in
/// it). `today` (YYYY-MM-DD) decides whether customs supervision is still running.
Report ReadReport(store::Session& s, int year, const std::string& today, const std::string& site_url);

/// The check as its own sheet (校验).
exchange::ExportSheet CheckSheet(const std::vector<Problem>& problems);

}  // namespace keyuan::national_report
