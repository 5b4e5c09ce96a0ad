#include "modules/assessment/measures.hpp"

#include <boost/json/value.hpp>

#include <algorithm>

namespace keyuan::assessment {
namespace json = boost::json;

namespace {

// Every figure with its name: the stored JSON, the inputs and FigureOf read this one table.
struct FigureField {
    std::string_view name;
    std::int64_t Figures::*member;
};

const std::vector<FigureField>& FigureFields() {
    static const std::vector<FigureField> fields = {
        {"instruments", &Figures::instruments},
        {"open_instruments", &Figures::open_instruments},
        {"timely_instruments", &Figures::timely_instruments},
        {"bookable_instruments", &Figures::bookable_instruments},
        {"original_value_fen", &Figures::original_value_fen},
        {"open_minutes", &Figures::open_minutes},
        {"instrument_minutes", &Figures::instrument_minutes},
        {"external_instrument_minutes", &Figures::external_instrument_minutes},
        {"deliveries", &Figures::deliveries},
        {"external_deliveries", &Figures::external_deliveries},
        {"internal_fee_fen", &Figures::internal_fee_fen},
        {"external_fee_fen", &Figures::external_fee_fen},
        {"voucher_fen", &Figures::voucher_fen},
        {"hitech_deliveries", &Figures::hitech_deliveries},
        {"ratings", &Figures::ratings},
        {"rating_sum", &Figures::rating_sum},
        {"labs", &Figures::labs},
        {"hitech_labs", &Figures::hitech_labs},
        {"services", &Figures::services},
    };
    return fields;
}

/// a ÷ b, 0 when b is 0 (a unit with nothing to divide by has nothing to show).
double Ratio(double a, std::int64_t b) {
    return b == 0 ? 0.0 : a / static_cast<double>(b);
}

std::optional<double> Count(std::int64_t n) {
    return static_cast<double>(n);
}

}  // namespace

const std::vector<Measure>& Measures() {
    using F = const Figures&;
    static const std::vector<Measure> measures = {
        {"instruments_in_scope",
         "纳入考核仪器数",
         "Instruments in scope",
         "台",
         "items",
         Records::kInstruments,
         [](F f) { return Count(f.instruments); },
         {"instruments"}},
        {"open_rate",
         "科研仪器开放率",
         "Share of instruments open",
         "比例",
         "ratio",
         Records::kInstruments,
         [](F f) -> std::optional<double> { return Ratio(f.open_instruments, f.instruments); },
         {"open_instruments", "instruments"}},
        {"timely_registration_rate",
         "按时登记率",
         "Share registered in time",
         "比例",
         "ratio",
         Records::kInstruments,
         [](F f) -> std::optional<double> { return Ratio(f.timely_instruments, f.instruments); },
         {"timely_instruments", "instruments"}},
        {"bookable_share",
         "可在线预约仪器占比",
         "Share bookable online",
         "比例",
         "ratio",
         Records::kInstruments,
         [](F f) -> std::optional<double> { return Ratio(f.bookable_instruments, f.instruments); },
         {"bookable_instruments", "instruments"}},
        {"open_hours_per_instrument",
         "台均开放机时",
         "Open hours per instrument",
         "小时",
         "hours",
         Records::kInstruments,
         [](F f) -> std::optional<double> { return Ratio(f.open_minutes / 60.0, f.instruments); },
         {"open_minutes", "instruments"}},
        {"effective_hours_per_instrument",
         "台均有效机时",
         "Effective hours per instrument",
         "小时",
         "hours",
         Records::kDeliveries,
         [](F f) -> std::optional<double> { return Ratio(f.instrument_minutes / 60.0, f.instruments); },
         {"instrument_minutes", "instruments"}},
        {"external_hours_per_instrument",
         "台均共享（对外）机时",
         "External hours per instrument",
         "小时",
         "hours",
         Records::kExternalDeliveries,
         [](F f) -> std::optional<double> { return Ratio(f.external_instrument_minutes / 60.0, f.instruments); },
         {"external_instrument_minutes", "instruments"}},
        {"sharing_rate",
         "共享率（对外机时÷有效机时）",
         "Sharing rate (external ÷ effective hours)",
         "比例",
         "ratio",
         Records::kDeliveries,
         [](F f) -> std::optional<double> {
             return Ratio(static_cast<double>(f.external_instrument_minutes), f.instrument_minutes);
         },
         {"external_instrument_minutes", "instrument_minutes"}},
        {"external_services",
         "对外服务次数",
         "External services",
         "次",
         "services",
         Records::kExternalDeliveries,
         [](F f) { return Count(f.external_deliveries); },
         {"external_deliveries"}},
        {"external_share",
         "对外服务占比",
         "Share of services to others",
         "比例",
         "ratio",
         Records::kDeliveries,
         [](F f) -> std::optional<double> { return Ratio(f.external_deliveries, f.deliveries); },
         {"external_deliveries", "deliveries"}},
        {"external_revenue_yuan",
         "对外服务收入",
         "External revenue",
         "元",
         "yuan",
         Records::kExternalDeliveries,
         [](F f) -> std::optional<double> { return f.external_fee_fen / 100.0; },
         {"external_fee_fen"}},
        {"revenue_rate",
         "收益率（(校内+1.5×对外收入)÷原值）",
         "Revenue rate ((internal + 1.5 × external) ÷ value)",
         "比例",
         "ratio",
         Records::kDeliveries,
         [](F f) -> std::optional<double> {
             return Ratio(f.internal_fee_fen + 1.5 * static_cast<double>(f.external_fee_fen), f.original_value_fen);
         },
         {"internal_fee_fen", "external_fee_fen", "original_value_fen"}},
        {"average_rating",
         "用户平均评价",
         "Average user rating",
         "分（1–5）",
         "of 5",
         Records::kRatings,
         [](F f) -> std::optional<double> {
             if (f.ratings == 0) return std::nullopt;
             return Ratio(static_cast<double>(f.rating_sum), f.ratings);
         },
         {"rating_sum", "ratings"}},
        {"hitech_service_share",
         "服务高精尖产业占比",
         "Share of services to high-tech industries",
         "比例",
         "ratio",
         Records::kDeliveries,
         [](F f) -> std::optional<double> { return Ratio(f.hitech_deliveries, f.deliveries); },
         {"hitech_deliveries", "deliveries"}},
        {"hitech_lab_share",
         "实验室对应高精尖产业占比",
         "Share of labs mapped to high-tech industries",
         "比例",
         "ratio",
         Records::kLabs,
         [](F f) -> std::optional<double> { return Ratio(f.hitech_labs, f.labs); },
         {"hitech_labs", "labs"}},
        {"voucher_redemption_yuan",
         "创新券兑付金额",
         "Paid with innovation vouchers",
         "元",
         "yuan",
         Records::kDeliveries,
         [](F f) -> std::optional<double> { return f.voucher_fen / 100.0; },
         {"voucher_fen"}},
        {"service_products",
         "服务产品数",
         "Service products",
         "项",
         "items",
         Records::kServices,
         [](F f) { return Count(f.services); },
         {"services"}},
    };
    return measures;
}

const Measure* FindMeasure(std::string_view code) {
    const auto& all = Measures();
    auto it = std::find_if(all.begin(), all.end(), [&](const Measure& m) { return m.code == code; });
    return it == all.end() ? nullptr : &*it;
}

json::object FiguresJson(const Figures& figures) {
    json::object out;
    for (const FigureField& f : FigureFields()) out[f.name] = figures.*f.member;
    return out;
}

Figures FiguresFrom(const json::object& stored) {
    Figures figures;
    for (const FigureField& f : FigureFields()) {
        if (const json::value* v = stored.if_contains(f.name); v && v->is_int64()) figures.*f.member = v->as_int64();
    }
    return figures;
}

std::int64_t FigureOf(const Figures& figures, std::string_view name) {
    for (const FigureField& f : FigureFields()) {
        if (f.name == name) return figures.*f.member;
    }
    return 0;
}

std::string_view RecordsName(Records records) {
    switch (records) {
        case Records::kInstruments: return "instruments";
        case Records::kDeliveries: return "deliveries";
        case Records::kExternalDeliveries: return "deliveries";
        case Records::kRatings: return "ratings";
        case Records::kLabs: return "labs";
        case Records::kServices: return "services";
    }
    return "";
}

}  // namespace keyuan::assessment
