// Talents (researchers with their title and fields, after the kind of organisation) and R&D
// teams formed from an organisation's own talents; the organisation's research fields, shared
// with its achievements.
#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>

#include <algorithm>
#include <cassert>

#include "tools/demo/achievements.hpp"
#include "tools/demo/fakes.hpp"
#include "tools/demo/resources.hpp"

namespace keyuan::demo {
namespace {

std::string_view TitleList(OrgKind kind) {
    switch (kind) {
        case OrgKind::kUniversity: return "title_university";
        case OrgKind::kInstitute: return "title_institute";
        case OrgKind::kHospital: return "title_hospital";
        default: return "title_firm";
    }
}

}  // namespace

ResultMaker::ResultMaker(Random& rng, Date as_of, const IdStart& ids, std::string now)
    : rng_(rng),
      as_of_(as_of),
      now_(std::move(now)),
      next_talent_(ids.talents),
      next_team_(ids.teams),
      first_team_(ids.teams),
      next_achievement_(ids.achievements),
      fields_by_domain_(kDomainCount) {
    for (const LabField& f : LabFields()) fields_by_domain_[static_cast<std::size_t>(f.domain)].push_back(&f);
}

const LabField& ResultMaker::FieldOf(const DemoOrg& org) {
    // An organisation without a domain of its own (a general university) works in any.
    for (int attempt = 0; attempt < 4; ++attempt) {
        auto domain = org.domains.empty() ? static_cast<std::size_t>(rng_.Index(kDomainCount))
                                          : static_cast<std::size_t>(rng_.Pick(org.domains));
        if (!fields_by_domain_[domain].empty()) return *rng_.Pick(fields_by_domain_[domain]);
    }
    return rng_.Pick(LabFields());
}

std::vector<std::string_view> ResultMaker::IndustryCodes(const DemoOrg& org, const LabField& field) {
    std::vector<std::string_view> codes = {field.codes[0]};
    if (field.codes.size() > 1 && rng_.Chance(0.5)) codes.push_back(field.codes[1]);
    if (rng_.Chance(0.2)) {
        const LabField& other = FieldOf(org);
        if (std::find(codes.begin(), codes.end(), other.codes[0]) == codes.end()) codes.push_back(other.codes[0]);
    }
    return codes;
}

void ResultMaker::AddOrganization(const DemoOrg& org, int talents, int achievements, ResultRows& out) {
    std::vector<std::int64_t> ids;
    for (int i = 0; i < talents; ++i) {
        ids.push_back(next_talent_);
        AddTalent(org, out);
    }
    // About one team per ten talents, of three talents at least.
    int teams = talents < 3 ? 0 : talents / 10 + (rng_.Chance((talents % 10) / 10.0) ? 1 : 0);
    for (int i = 0; i < teams; ++i) AddTeam(org, ids, out);
    for (int i = 0; i < achievements; ++i) AddAchievement(org, out);
}

void ResultMaker::AddTalent(const DemoOrg& org, ResultRows& out) {
    std::int64_t id = next_talent_++;
    const LabField& field = FieldOf(org);
    boost::json::array fields = {boost::json::string(field.name)};
    const LabField& second = FieldOf(org);
    if (second.name != field.name && rng_.Chance(0.5)) fields.emplace_back(second.name);
    std::string specialties = std::string(field.scope);
    if (!field.rnd_services.empty()) specialties += "；擅长" + std::string(rng_.Pick(field.rnd_services));
    Review review = PickReview(rng_);
    Date created = DayBetween(rng_, std::min(org.registered, as_of_.AddDays(-30)), as_of_.AddDays(-30));
    std::string created_at = OfficeTime(rng_, created);
    std::string updated_at = review.status == "draft" ? created_at : OfficeTime(rng_, created.AddDays(rng_.Int(1, 25)));
    out.talents.Add({id, org.id, PersonName(rng_), rng_.Pick(Words(TitleList(org.kind))),
                     boost::json::serialize(fields), specialties,
                     "长期从事" + std::string(field.name) + "方向的研究与技术开发工作。", MobilePhone(rng_),
                     "talent" + std::to_string(id) + "@org" + std::to_string(org.id) + ".example.com", review.status,
                     review.reason, 1, org.admin_user_id, created_at, updated_at});
    for (std::string_view code : IndustryCodes(org, field)) out.talent_industries.Add({id, code});
    out.outbox.Add({"talent", id, now_});
}

void ResultMaker::AddTeam(const DemoOrg& org, const std::vector<std::int64_t>& talents, ResultRows& out) {
    assert(talents.size() >= 3);
    std::int64_t id = next_team_++;
    std::vector<std::int64_t> members = talents;
    rng_.Shuffle(members);
    members.resize(static_cast<std::size_t>(rng_.Int(3, std::min<std::int64_t>(8, members.size()))));
    const LabField& field = FieldOf(org);
    Review review = PickReview(rng_);
    Date created = DayBetween(rng_, std::min(org.registered, as_of_.AddDays(-30)), as_of_.AddDays(-30));
    std::string created_at = OfficeTime(rng_, created);
    std::string updated_at = review.status == "draft" ? created_at : OfficeTime(rng_, created.AddDays(rng_.Int(1, 25)));
    out.teams.Add(
        {id, org.id, org.short_name + std::string(field.name) + std::string(rng_.Pick(Words("team_suffix"))),
         members[0], std::string(field.scope),
         "团队围绕" + std::string(field.name) + "开展协同攻关，由 " + std::to_string(members.size()) + " 名骨干组成。",
         review.status, review.reason, 1, org.admin_user_id, created_at, updated_at});
    for (std::size_t i = 0; i < members.size(); ++i) {
        out.team_members.Add({id, members[i], i == 0 ? "负责人" : i < 3 ? "核心成员" : "成员"});
    }
    for (std::string_view code : IndustryCodes(org, field)) out.team_industries.Add({id, code});
    out.outbox.Add({"team", id, now_});
}

}  // namespace keyuan::demo
