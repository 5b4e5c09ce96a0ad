#include "modules/media/collector.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include <filesystem>
#include <set>
#include <string_view>
#include <system_error>

#include "changes/audit.hpp"
#include "core/caller.hpp"
#include "modules/media/module.hpp"

namespace keyuan::media {
namespace fs = std::filesystem;

namespace {

/// Adds the file name of every photo URL in `text` (JSON or not) to `names`.
void CollectNames(std::string_view text, std::set<std::string>& names) {
    for (std::size_t at = text.find(kMediaUrlPrefix); at != std::string_view::npos;
         at = text.find(kMediaUrlPrefix, at + 1)) {
        std::size_t start = at + kMediaUrlPrefix.size();
        std::size_t end = text.find_first_not_of("0123456789abcdef.jpngwebp", start);
        std::string_view name =
            text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
        if (IsMediaName(name)) names.emplace(name);
    }
}

std::set<std::string> ReferencedNames(store::Database& db, const std::vector<modules::MediaReference>& references) {
    std::set<std::string> names;
    db.Read([&](store::Session& s) {
        // Table and column names come from the modules' declarations, never from a request.
        for (const modules::MediaReference& r : references) {
            store::Rows current =
                s.Query("SELECT " + r.column + " FROM " + r.table + " WHERE " + r.column + " LIKE '%/api/v1/media/%'");
            for (std::size_t i = 0; i < current.size(); ++i) CollectNames(current[i].Text(0), names);
        }
        store::Rows versions = s.Query("SELECT data_json FROM object_versions WHERE data_json LIKE '%/api/v1/media/%'");
        for (std::size_t i = 0; i < versions.size(); ++i) CollectNames(versions[i].Text(0), names);
    });
    return names;
}

}  // namespace

CollectReport CollectUnreferenced(store::Database& db, const std::vector<modules::MediaReference>& references,
                                  const std::string& media_dir, std::chrono::seconds grace, bool dry_run) {
    CollectReport report;
    // The references are read before the files are listed: a photo uploaded and saved in
    // between is young, and kept.
    std::set<std::string> referenced = ReferencedNames(db, references);
    auto cutoff = fs::file_time_type::clock::now() - grace;
    std::error_code ec;
    if (!fs::exists(media_dir, ec)) return report;
    for (const fs::directory_entry& entry : fs::recursive_directory_iterator(media_dir)) {
        if (!entry.is_regular_file()) continue;
        std::string name = entry.path().filename().string();
        bool temporary = name.find(".tmp-") != std::string::npos;
        if (!temporary && !IsMediaName(name)) continue;  // not ours: never touched
        if (!temporary && referenced.contains(name)) {
            ++report.referenced;
            continue;
        }
        if (entry.last_write_time() > cutoff) {
            ++report.young;
            continue;
        }
        std::uintmax_t size = entry.file_size();
        if (!dry_run && !fs::remove(entry.path(), ec)) continue;
        report.removed.push_back(name);
        report.bytes_removed += static_cast<std::int64_t>(size);
    }
    if (!dry_run && !report.removed.empty()) {
        boost::json::array removed(report.removed.begin(), report.removed.end());
        db.Write([&](store::Session& s) {
            audit::Record(s, Actor{nullptr, "", "cli"},
                          {.event_type = "media.collected",
                           .object_type = "media",
                           .object_id = "collect",
                           .after_json = boost::json::serialize(
                               boost::json::object{{"removed", std::move(removed)}, {"bytes", report.bytes_removed}})});
        });
    }
    return report;
}

}  // namespace keyuan::media
