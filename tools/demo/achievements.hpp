#pragma once
// The achievement library's demo rows (issue 14): achievements of the research organisations and
// firms, with their transformation statuses and industry codes, and the talents and R&D teams
// that made them. Generated organisation by organisation into the rows of one transaction.

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "tools/demo/bulk_insert.hpp"
#include "tools/demo/model.hpp"
#include "tools/demo/random.hpp"
#include "tools/demo/validation.hpp"

namespace keyuan::demo {

/// The rows of one transaction, parents before children.
struct ResultRows {
    TableRows talents;
    TableRows talent_industries;
    TableRows teams;
    TableRows team_members;
    TableRows team_industries;
    TableRows achievements;
    TableRows achievement_industries;
    TableRows achievement_statuses;
    TableRows outbox;

    ResultRows();
    std::size_t size() const;
    void clear();
    /// Inserts them all, each talent, team and achievement once it passed its kind's validation
    /// with its link rows (team members after their talents).
    void Insert(store::Session& session, const RowChecks& checks) const;
};

class ResultMaker {
public:
    /// `now` stamps the search outbox rows.
    ResultMaker(Random& rng, Date as_of, const IdStart& ids, std::string now);

    /// Appends `talents` talents of `org`, about one team per ten of them (three to eight
    /// members each), and `achievements` achievements.
    void AddOrganization(const DemoOrg& org, int talents, int achievements, ResultRows& out);

    /// The last serial given per registration-number prefix, as the module keeps it in
    /// achievement_registration_serials, so that the next approval takes the next one.
    TableRows Serials() const;

    std::int64_t teams_made() const { return next_team_ - first_team_; }

private:
    void AddAchievement(const DemoOrg& org, ResultRows& out);  // achievements.cpp
    std::string RegistrationNumber(const DemoOrg& org, std::string_view achievement_class, int year);
    void AddTalent(const DemoOrg& org, ResultRows& out);  // talents.cpp
    void AddTeam(const DemoOrg& org, const std::vector<std::int64_t>& talents, ResultRows& out);
    /// A research field of one of the organisation's domains.
    const LabField& FieldOf(const DemoOrg& org);
    /// 1–3 level-4 industry codes: the field's, and now and then one of a related field.
    std::vector<std::string_view> IndustryCodes(const DemoOrg& org, const LabField& field);

    Random& rng_;
    Date as_of_;
    std::string now_;
    std::int64_t next_talent_;
    std::int64_t next_team_;
    std::int64_t first_team_;
    std::int64_t next_achievement_;
    std::vector<std::vector<const LabField*>> fields_by_domain_;
    std::map<std::string, int> serials_;  // prefix (region 3 + year 4 + type 1) → last serial
};

}  // namespace keyuan::demo
