#include "modules/catalog/hitech_import.hpp"

#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "changes/audit.hpp"
#include "core/clock.hpp"
#include "exchange/import_door.hpp"
#include "exchange/table.hpp"
#include "http/json.hpp"
#include "modules/catalog/subcategories.hpp"
#include "search/outbox.hpp"
#include "store/guarded_update.hpp"

namespace keyuan::catalog {
namespace json = boost::json;
using http::Request;

namespace {

constexpr std::string_view kKind = "hitech_catalog";
constexpr std::size_t kMaxListedErrors = 100;
constexpr std::size_t kMaxListedChanges = 500;

enum Column { kIndustry, kName, kCode, kScope, kColumnCount };

// Header words people use for each column, in the seed's Chinese and in English.
const std::vector<std::vector<std::string_view>> kHeaders = {
    {"产业", "高精尖产业", "所属产业", "产业名称", "industry"},
    {"子类", "子类名称", "细分领域", "细分行业", "subcategory", "sub-category"},
    {"行业代码", "国民经济行业代码", "代码", "code"},
    {"经营范围", "经营范围表述", "scope"},
};

struct PlannedRow {
    int row = 0;
    std::string industry, name, code, scope;
    std::int64_t industry_id = 0;
    std::optional<std::int64_t> existing_id;
    std::int64_t existing_version = 0;  // what the plan read: the update is guarded by it
    std::string action;                 // "created", "updated", "unchanged"
};

std::string Lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
    return text;
}

std::size_t CountChars(const std::string& text) {
    std::size_t n = 0;
    for (unsigned char c : text) n += (c & 0xC0) != 0x80;
    return n;
}

/// Column positions from the header row; names each missing required column.
std::array<int, kColumnCount> MapHeader(const exchange::TableRow& header, FieldErrors& errors) {
    std::array<int, kColumnCount> at{-1, -1, -1, -1};
    for (std::size_t i = 0; i < header.cells.size(); ++i) {
        std::string cell = Lower(header.cells[i]);
        for (int c = 0; c < kColumnCount; ++c) {
            const auto& words = kHeaders[static_cast<std::size_t>(c)];
            if (at[c] < 0 && std::find(words.begin(), words.end(), cell) != words.end()) at[c] = static_cast<int>(i);
        }
    }
    for (int c : {kIndustry, kName, kCode}) {
        if (at[c] < 0) {
            std::string word(kHeaders[static_cast<std::size_t>(c)].front());
            errors.Add("file", "第一行须为表头，缺少列：" + word,
                       "The first row must be the header; missing column: " + word);
        }
    }
    return at;
}

/// Validates every row against the catalog and decides what each does; nothing is written.
std::vector<PlannedRow> Plan(store::Session& s, const exchange::Table& table, FieldErrors& errors) {
    std::vector<PlannedRow> plan;
    if (table.rows.size() < 2) {
        errors.Add("file", "文件没有数据行（第一行为表头）", "The file has no data rows (the first row is the header)");
        return plan;
    }
    std::array<int, kColumnCount> at = MapHeader(table.rows.front(), errors);
    if (!errors.empty()) return plan;

    std::map<std::string, std::int64_t, std::less<>> industries;
    store::Rows rows = s.Query("SELECT id, name FROM hitech_industries");
    for (std::size_t i = 0; i < rows.size(); ++i) industries.emplace(rows[i].Text(1), rows[i].Int(0));
    std::size_t error_count = 0;
    auto fail = [&](int row, std::string_view field, std::string zh, std::string en) {
        if (++error_count <= kMaxListedErrors) {
            errors.Add("rows[" + std::to_string(row) + "]." + std::string(field), std::move(zh), std::move(en));
        }
    };
    auto cell = [&](const exchange::TableRow& r, Column c) -> std::string {
        return at[c] >= 0 && static_cast<std::size_t>(at[c]) < r.cells.size() ? r.cells[static_cast<std::size_t>(at[c])]
                                                                              : "";
    };
    std::set<std::tuple<std::int64_t, std::string, std::string>> seen;
    for (std::size_t i = 1; i < table.rows.size(); ++i) {
        const exchange::TableRow& r = table.rows[i];
        PlannedRow p{.row = r.number,
                     .industry = cell(r, kIndustry),
                     .name = cell(r, kName),
                     .code = cell(r, kCode),
                     .scope = cell(r, kScope)};
        std::size_t errors_before = error_count;
        if (auto it = industries.find(p.industry); it != industries.end()) {
            p.industry_id = it->second;
        } else {
            fail(p.row, "industry", "不是目录中的产业：" + p.industry, "Not an industry of the catalog: " + p.industry);
        }
        if (p.name.empty() || CountChars(p.name) > 100) {
            fail(p.row, "subcategory", "子类名称须为 1–100 个字符", "The sub-category must be 1–100 characters");
        }
        if (p.code.size() != 4 ||
            s.Query("SELECT 1 FROM industry_codes WHERE code = $1 AND level = 4", {p.code}).empty()) {
            fail(p.row, "code", "不是 GB/T 4754-2017 的 4 位行业小类代码：" + p.code,
                 "Not a 4-digit GB/T 4754-2017 code: " + p.code);
        }
        if (CountChars(p.scope) > 600)
            fail(p.row, "scope", "经营范围不能超过 600 个字符", "The scope is longer than 600 characters");
        if (error_count == errors_before && !seen.emplace(p.industry_id, p.name, p.code).second) {
            fail(p.row, "subcategory", "与前面的行重复", "Repeats an earlier row");
        }
        if (error_count != errors_before) continue;
        store::Rows existing = s.Query(
            "SELECT id, scope, version FROM hitech_subcategories WHERE industry_id = $1 AND name = $2 AND code = $3",
            {p.industry_id, p.name, p.code});
        if (existing.empty()) {
            p.action = "created";
        } else {
            p.existing_id = existing.front().Int(0);
            p.existing_version = existing.front().Int(2);
            // An empty scope cell keeps the stored phrase: a sheet of codes alone changes no wording.
            p.action = p.scope.empty() || p.scope == existing.front().Text(1) ? "unchanged" : "updated";
        }
        plan.push_back(std::move(p));
    }
    if (error_count > kMaxListedErrors) {
        errors.Add("file", "另有 " + std::to_string(error_count - kMaxListedErrors) + " 处错误未列出",
                   std::to_string(error_count - kMaxListedErrors) + " more errors are not listed");
    }
    return plan;
}

void Apply(store::Session& s, std::vector<PlannedRow>& plan, const Actor& actor) {
    std::string now = clock::NowUtc();
    for (PlannedRow& p : plan) {
        if (p.action == "created") {
            p.existing_id = s.InsertReturningId(
                "INSERT INTO hitech_subcategories (industry_id, name, code, scope, updated_at) VALUES ($1, $2, $3, $4, "
                "$5) RETURNING id",
                {p.industry_id, p.name, p.code, p.scope, now});
        } else if (p.action == "updated") {
            store::UpdateGuarded(s,
                                 {.table = "hitech_subcategories", .id = *p.existing_id, .version = p.existing_version},
                                 "scope = $1, updated_at = $2", {p.scope, now});
        } else {
            continue;
        }
        RecordSubcategoryChange(s, actor, *p.existing_id, p.action == "created" ? "imported" : "reimported",
                                std::nullopt);
        if (p.action == "created") search::RecordIndustryCodeChange(s, p.code);
    }
}

json::object Summary(const std::vector<PlannedRow>& plan, bool dry_run) {
    std::map<std::string, std::int64_t> counts{{"created", 0}, {"updated", 0}, {"unchanged", 0}};
    json::array changes;
    for (const PlannedRow& p : plan) {
        ++counts[p.action];
        if (p.action == "unchanged" || changes.size() >= kMaxListedChanges) continue;
        json::object change{{"row", p.row},   {"action", p.action}, {"industry", p.industry},
                            {"name", p.name}, {"code", p.code},     {"scope", p.scope}};
        if (p.existing_id) change["id"] = std::to_string(*p.existing_id);
        changes.push_back(std::move(change));
    }
    return json::object{{"kind", kKind},
                        {"dry_run", dry_run},
                        {"rows", static_cast<std::int64_t>(plan.size())},
                        {"created", counts["created"]},
                        {"updated", counts["updated"]},
                        {"unchanged", counts["unchanged"]},
                        {"changes", std::move(changes)}};
}

bool ReadDryRun(const Request& r, FieldErrors& errors) {
    std::string value = r.Query("dry_run").value_or("false");
    if (value == "true" || value == "1") return true;
    if (value != "false" && value != "0") errors.Add("dry_run", "须为 true 或 false", "Must be true or false");
    return false;
}

}  // namespace

void AddHitechImport(modules::ModuleContext& context) {
    store::Database& db = context.db;
    const access::Policy& policy = context.policy;
    // /imports is the platform's one door for spreadsheets (API.md), owned by the imports module,
    // which passes ?kind=hitech_catalog on to this handler (exchange/import_door.hpp).
    exchange::ImportDoorOf(context).handlers[std::string(kKind)] = [&db, &policy](Request& r) {
        // Who may import comes before what was sent: a visitor learns nothing about the request.
        policy.RequireAction(r.caller.get(), "industry_catalog.update");
        FieldErrors errors;
        std::string kind = r.Query("kind").value_or("");
        if (kind != kKind) errors.Add("kind", "须为 hitech_catalog", "Must be hitech_catalog");
        bool dry_run = ReadDryRun(r, errors);
        errors.ThrowIfAny();
        exchange::Table table;
        try {
            table = exchange::ReadTable(r.body);
        } catch (const exchange::TableError& e) {
            throw ApiError(e.ToError());
        }
        json::object summary;
        auto plan_or_throw = [&](store::Session& s) {
            FieldErrors problems;
            std::vector<PlannedRow> plan = Plan(s, table, problems);
            problems.ThrowIfAny();  // a sheet with any bad row changes nothing
            return plan;
        };
        if (dry_run) {
            db.Read([&](store::Session& s) { summary = Summary(plan_or_throw(s), true); });
            return http::JsonResponse(200, summary);
        }
        db.Write([&](store::Session& s) {
            std::vector<PlannedRow> plan = plan_or_throw(s);
            Apply(s, plan, r.ToActor());
            summary = Summary(plan, false);
            audit::Record(s, r.ToActor(),
                          {.event_type = "industry_catalog.imported",
                           .object_type = "hitech_catalog",
                           .object_id = "",
                           .after_json = json::serialize(summary)});
        });
        return http::JsonResponse(200, summary);
    };
}

}  // namespace keyuan::catalog
