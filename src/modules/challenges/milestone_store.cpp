#include "modules/challenges/milestone_store.hpp"

#include "core/clock.hpp"
#include "http/json.hpp"

namespace keyuan::challenges {
namespace json = boost::json;

namespace {

constexpr const char* kMilestoneSelect =
    "SELECT m.id, m.challenge_id, m.application_id, m.amount_fen, m.version, a.org_id, o.name, m.title, m.due_on, "
    "m.status, m.report_note, m.reject_reason, m.created_at, c.status, c.department_code, m.reported_at, "
    "m.confirmed_at FROM challenge_milestones m JOIN challenge_applications a ON a.id = m.application_id "
    "JOIN organizations o ON o.id = a.org_id JOIN challenges c ON c.id = m.challenge_id ";

Milestone MilestoneOfRow(const store::Row& r) {
    return Milestone{.id = r.Int(0),
                     .challenge_id = r.Int(1),
                     .application_id = r.Int(2),
                     .amount_fen = r.Int(3),
                     .version = r.Int(4),
                     .org_id = r.Int(5),
                     .org_name = std::string(r.Text(6)),
                     .title = std::string(r.Text(7)),
                     .due_on = std::string(r.Text(8)),
                     .status = std::string(r.Text(9)),
                     .report_note = std::string(r.Text(10)),
                     .reject_reason = std::string(r.Text(11)),
                     .created_at = std::string(r.Text(12)),
                     .challenge_status = std::string(r.Text(13)),
                     .department_code = std::string(r.Text(14)),
                     .reported_at = r.OptText(15),
                     .confirmed_at = r.OptText(16)};
}

}  // namespace

std::optional<Milestone> LoadMilestone(store::Session& s, std::int64_t id) {
    static const std::string kSql = std::string(kMilestoneSelect) + "WHERE m.id = $1";
    store::Rows rows = s.Query(kSql, {id});
    if (rows.empty()) return std::nullopt;
    return MilestoneOfRow(rows[0]);
}

std::vector<Milestone> MilestonesOf(store::Session& s, std::int64_t challenge_id,
                                    std::optional<std::int64_t> application_id) {
    static const std::string kAll = std::string(kMilestoneSelect) + "WHERE m.challenge_id = $1 ORDER BY m.due_on, m.id";
    static const std::string kOne =
        std::string(kMilestoneSelect) + "WHERE m.challenge_id = $1 AND m.application_id = $2 ORDER BY m.due_on, m.id";
    store::Rows rows = application_id ? s.Query(kOne, {challenge_id, *application_id}) : s.Query(kAll, {challenge_id});
    std::vector<Milestone> out;
    for (std::size_t i = 0; i < rows.size(); ++i) out.push_back(MilestoneOfRow(rows[i]));
    return out;
}

access::ObjectScope ScopeOf(const Milestone& m) {
    return access::ObjectScope{.org_id = m.org_id, .department_code = m.department_code};
}

std::int64_t InsertMilestone(store::Session& s, const Milestone& m, std::int64_t user_id) {
    return s
        .Query(
            "INSERT INTO challenge_milestones (challenge_id, application_id, title, due_on, amount_fen, created_by, "
            "created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id",
            {m.challenge_id, m.application_id, m.title, m.due_on, m.amount_fen, user_id, clock::NowUtc()})
        .front()
        .Int(0);
}

json::object MilestoneJson(const Milestone& m) {
    return json::object{{"id", std::to_string(m.id)},
                        {"challenge_id", std::to_string(m.challenge_id)},
                        {"application_id", std::to_string(m.application_id)},
                        {"org_id", std::to_string(m.org_id)},
                        {"org_name", m.org_name},
                        {"title", m.title},
                        {"due_on", m.due_on},
                        {"amount_fen", m.amount_fen},
                        {"status", m.status},
                        {"version", m.version},
                        {"report_note", m.report_note},
                        {"reject_reason", m.reject_reason},
                        {"reported_at", http::TextOrNull(m.reported_at)},
                        {"confirmed_at", http::TextOrNull(m.confirmed_at)},
                        {"created_at", m.created_at}};
}

}  // namespace keyuan::challenges
