#include "modules/tech_demands/broker_store.hpp"

#include <boost/json/array.hpp>

#include <map>

#include "access/masking.hpp"
#include "core/clock.hpp"
#include "store/guarded_update.hpp"

namespace keyuan::tech_demands {
namespace json = boost::json;

namespace {

constexpr const char* kColumns =
    "SELECT b.id, b.user_id, b.org_id, COALESCE(o.name, ''), b.name, b.certificate_no, b.level, b.issuing_body, "
    "b.valid_until, b.introduction, b.phone, b.email, b.status, b.reason, b.version, b.created_at, b.updated_at "
    "FROM tech_brokers b LEFT JOIN organizations o ON o.id = b.org_id ";

Broker BrokerOfRow(const store::Row& r) {
    Broker b;
    b.id = r.Int(0);
    b.user_id = r.Int(1);
    if (!r.IsNull(2)) b.org_id = r.Int(2);
    b.org_name = r.Text(3);
    std::string* texts[] = {&b.name,         &b.certificate_no, &b.level, &b.issuing_body, &b.valid_until,
                            &b.introduction, &b.phone,          &b.email, &b.status,       &b.reason};
    for (std::size_t i = 0; i < std::size(texts); ++i) *texts[i] = r.Text(4 + i);
    b.version = r.Int(14);
    b.created_at = r.Text(15);
    b.updated_at = r.Text(16);
    return b;
}

/// The fields and districts of brokers [first, last], read in one statement each.
void LoadLinks(store::Session& s, std::map<std::int64_t, Broker>& by_id) {
    if (by_id.empty()) return;
    std::int64_t first = by_id.begin()->first, last = by_id.rbegin()->first;
    store::Rows codes =
        s.Query("SELECT broker_id, code FROM tech_broker_industries WHERE broker_id BETWEEN $1 AND $2 ORDER BY 1, 2",
                {first, last});
    for (std::size_t i = 0; i < codes.size(); ++i) {
        if (auto it = by_id.find(codes[i].Int(0)); it != by_id.end())
            it->second.industry_codes.emplace_back(codes[i].Text(1));
    }
    store::Rows districts = s.Query(
        "SELECT broker_id, district_code FROM tech_broker_districts WHERE broker_id BETWEEN $1 AND $2 ORDER BY 1, 2",
        {first, last});
    for (std::size_t i = 0; i < districts.size(); ++i) {
        if (auto it = by_id.find(districts[i].Int(0)); it != by_id.end()) {
            it->second.district_codes.emplace_back(districts[i].Text(1));
        }
    }
}

std::optional<Broker> LoadOne(store::Session& s, const std::string& where, std::int64_t key) {
    store::Rows rows = s.Query(std::string(kColumns) + where, {key});
    if (rows.empty()) return std::nullopt;
    std::map<std::int64_t, Broker> by_id;
    Broker b = BrokerOfRow(rows[0]);
    by_id.emplace(b.id, std::move(b));
    LoadLinks(s, by_id);
    return std::move(by_id.begin()->second);
}

}  // namespace

std::optional<Broker> LoadBroker(store::Session& s, std::int64_t id) {
    return LoadOne(s, "WHERE b.id = $1", id);
}

std::optional<Broker> LoadBrokerOfUser(store::Session& s, std::int64_t user_id) {
    return LoadOne(s, "WHERE b.user_id = $1", user_id);
}

std::vector<Broker> LoadBrokers(store::Session& s, const std::vector<std::int64_t>& ids) {
    std::vector<Broker> out;
    if (ids.empty()) return out;
    std::string in;
    std::vector<store::Param> params;
    for (std::int64_t id : ids) {
        params.emplace_back(id);
        in += (in.empty() ? "$" : ", $") + std::to_string(params.size());
    }
    store::Rows rows = s.Query(std::string(kColumns) + "WHERE b.id IN (" + in + ")", params);
    std::map<std::int64_t, Broker> by_id;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        Broker b = BrokerOfRow(rows[i]);
        by_id.emplace(b.id, std::move(b));
    }
    LoadLinks(s, by_id);
    for (std::int64_t id : ids) {
        if (auto it = by_id.find(id); it != by_id.end()) out.push_back(std::move(it->second));
    }
    return out;
}

access::ObjectScope ScopeOf(const Broker& b) {
    return access::ObjectScope{.owner_user_id = b.user_id, .org_id = b.org_id};
}

std::int64_t SaveBroker(store::Session& s, std::int64_t id, std::int64_t user_id, const BrokerInput& in,
                        std::optional<std::int64_t> version, bool back_to_pending) {
    std::string now = clock::NowUtc();
    std::vector<store::Param> params = {in.org_id ? store::Param(*in.org_id) : store::Param(nullptr),
                                        in.name,
                                        in.certificate_no,
                                        in.level,
                                        in.issuing_body,
                                        in.valid_until,
                                        in.introduction,
                                        in.phone,
                                        in.email,
                                        now};
    if (id == 0) {
        params.emplace_back(user_id);
        id = s.Query(
                  "INSERT INTO tech_brokers (org_id, name, certificate_no, level, issuing_body, valid_until, "
                  "introduction, phone, email, created_at, updated_at, user_id, status) "
                  "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10, $11, 'pending') RETURNING id",
                  params)
                 .front()
                 .Int(0);
    } else {
        std::string sets =
            "org_id = $1, name = $2, certificate_no = $3, level = $4, issuing_body = $5, valid_until = $6, "
            "introduction = $7, phone = $8, email = $9, updated_at = $10";
        // A changed qualification is checked again before the broker takes demands.
        if (back_to_pending) sets += ", status = 'pending', reason = ''";
        store::UpdateGuarded(s, {.table = "tech_brokers", .id = id, .version = *version}, sets, std::move(params));
        s.Execute("DELETE FROM tech_broker_industries WHERE broker_id = $1", {id});
        s.Execute("DELETE FROM tech_broker_districts WHERE broker_id = $1", {id});
    }
    for (const std::string& code : in.industry_codes) {
        s.Execute("INSERT INTO tech_broker_industries (broker_id, code) VALUES ($1, $2)", {id, code});
    }
    for (const std::string& code : in.district_codes) {
        s.Execute("INSERT INTO tech_broker_districts (broker_id, district_code) VALUES ($1, $2)", {id, code});
    }
    return id;
}

json::object BrokerJson(const Broker& b, bool whole) {
    json::array codes, districts;
    for (const std::string& c : b.industry_codes) codes.push_back(json::string(c));
    for (const std::string& d : b.district_codes) districts.push_back(json::string(d));
    return json::object{{"id", std::to_string(b.id)},
                        {"user_id", std::to_string(b.user_id)},
                        {"org_id", b.org_id ? json::value(std::to_string(*b.org_id)) : json::value(nullptr)},
                        {"org_name", b.org_name},
                        {"name", b.name},
                        {"certificate_no", b.certificate_no},
                        {"level", b.level},
                        {"issuing_body", b.issuing_body},
                        {"valid_until", b.valid_until},
                        {"introduction", b.introduction},
                        {"phone", whole ? b.phone : access::MaskPhone(b.phone)},
                        {"email", whole ? b.email : access::MaskEmail(b.email)},
                        {"industry_codes", std::move(codes)},
                        {"district_codes", std::move(districts)},
                        {"status", b.status},
                        {"reason", b.reason},
                        {"version", b.version},
                        {"created_at", b.created_at},
                        {"updated_at", b.updated_at}};
}

bool MayHandleDemands(const Broker& b, const std::string& today) {
    return b.status == "active" && b.valid_until >= today;
}

}  // namespace keyuan::tech_demands
