#include "modules/backup/database_check.hpp"

#include "changes/audit.hpp"
#include "store/snapshot.hpp"

namespace keyuan::backup {

std::vector<std::string> CheckDatabase(store::Database& db, const Manifest& manifest) {
    std::map<std::string, std::int64_t> counts;
    db.Read([&](store::Session& s) { counts = store::CountRows(s, db.engine()); });
    std::vector<std::string> problems = CompareCounts(manifest.tables, counts);
    audit::VerifyReport chain = audit::Verify(db);
    if (!chain.ok()) {
        problems.push_back("audit chain broken at record " + std::to_string(*chain.first_bad_id) + ": " + chain.reason);
    } else if (chain.checked != manifest.audit_sealed || chain.last_hash != manifest.audit_last_hash) {
        problems.push_back("audit chain: " + std::to_string(chain.checked) + " records ending in " +
                           chain.last_hash.substr(0, 12) + ", the manifest says " +
                           std::to_string(manifest.audit_sealed) + " ending in " +
                           manifest.audit_last_hash.substr(0, 12));
    }
    return problems;
}

}  // namespace keyuan::backup
