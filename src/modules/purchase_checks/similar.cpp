#include "modules/purchase_checks/similar.hpp"

#include <boost/json/object.hpp>

#include <algorithm>
#include <cctype>
#include <map>

#include "core/clock.hpp"
#include "core/utf8.hpp"

namespace keyuan::purchase_checks {
namespace json = boost::json;

namespace {

/// The text's character bigrams as sorted, distinct 64-bit keys (two code points each), ASCII
/// letters folded to lower case, spaces and ASCII punctuation left out.
std::vector<std::uint64_t> Bigrams(std::string_view text) {
    std::vector<std::uint64_t> out;
    std::uint64_t previous = 0;
    bool have_previous = false;
    std::size_t i = 0;
    while (i < text.size()) {
        long cp = utf8::NextCodePoint(text, i);
        if (cp < 0) break;
        if (cp < 128 && !std::isalnum(static_cast<int>(cp))) continue;
        std::uint64_t point = static_cast<std::uint64_t>(cp < 128 ? std::tolower(static_cast<int>(cp)) : cp);
        if (have_previous) out.push_back(previous << 32 | point);
        previous = point;
        have_previous = true;
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

/// 0–100: the share of the shorter set found in the other.
int Overlap(const std::vector<std::uint64_t>& x, const std::vector<std::uint64_t>& y) {
    if (x.empty() || y.empty()) return 0;
    std::size_t shared = 0;
    auto a = x.begin(), b = y.begin();
    while (a != x.end() && b != y.end()) {
        if (*a < *b)
            ++a;
        else if (*b < *a)
            ++b;
        else
            ++shared, ++a, ++b;
    }
    return static_cast<int>(shared * 100 / std::min(x.size(), y.size()));
}

bool SameText(std::string_view a, std::string_view b) {
    if (a.empty() || a.size() != b.size()) return false;
    return std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
        return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
    });
}

struct Candidate {
    std::int64_t id = 0, org_id = 0;
    std::string org_name, district_code, class_code, name, model, manufacturer, open_status;
    bool bookable = false;
    int tier = 2;      // 0 the unit, 1 its district, 2 the city
    int likeness = 0;  // 0–100
    std::int64_t effective_minutes = 0, external_minutes = 0, booked_minutes = 0;
};

constexpr const char* kTierNames[] = {"unit", "district", "city"};

/// Same class 30, same model 25, same maker 15, and up to 30 for the overlap of the texts
/// (`planned`: the bigrams of the plan's name, model and specifications, made once per list).
int Likeness(const Planned& p, const std::vector<std::uint64_t>& planned, const Candidate& c, std::string_view specs) {
    int points = c.class_code == p.class_code ? 30 : 0;
    if (SameText(p.model, c.model)) points += 25;
    if (SameText(p.manufacturer, c.manufacturer)) points += 15;
    points += Overlap(planned, Bigrams(c.name + " " + c.model + " " + std::string(specs))) * 30 / 100;
    return points;
}

/// Last year's hours and the next 30 days' bookings of the shown instruments, in two queries.
void AddUse(store::Session& s, std::vector<Candidate>& shown, int year) {
    if (shown.empty()) return;
    std::map<std::int64_t, Candidate*> by_id;
    std::vector<store::Param> params;
    for (Candidate& c : shown) {
        by_id[c.id] = &c;
        params.emplace_back(c.id);
    }
    std::string in = store::Placeholders(3, shown.size());
    std::vector<store::Param> use{std::to_string(year) + "-01-01", std::to_string(year) + "-12-31"};
    use.insert(use.end(), params.begin(), params.end());
    store::Rows rows = s.Query(
        "SELECT resource_id, SUM(minutes_used), SUM(CASE WHEN internal = 0 THEN minutes_used ELSE 0 END) "
        "FROM deliveries WHERE resource_kind = 'instrument' AND delivered_on BETWEEN $1 AND $2 "
        "AND resource_id IN (" +
            in + ") GROUP BY resource_id",
        use);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        Candidate& c = *by_id.at(rows[i].Int(0));
        c.effective_minutes = rows[i].Int(1);
        c.external_minutes = rows[i].Int(2);
    }
    std::int64_t now = clock::NowUnix() / 60;
    std::vector<store::Param> booked{now, now + 30 * 1440};
    booked.insert(booked.end(), params.begin(), params.end());
    rows = s.Query(
        "SELECT instrument_id, SUM(end_minute - start_minute) FROM bookings WHERE status IN ('requested', 'approved') "
        "AND start_minute >= $1 AND start_minute < $2 AND instrument_id IN (" +
            in + ") GROUP BY instrument_id",
        booked);
    for (std::size_t i = 0; i < rows.size(); ++i) by_id.at(rows[i].Int(0))->booked_minutes = rows[i].Int(1);
}

}  // namespace

int BigramOverlap(const std::string& a, const std::string& b) {
    return Overlap(Bigrams(a), Bigrams(b));
}

Planned PlannedOf(store::Session& s, std::int64_t check_id) {
    store::Rows rows = s.Query(
        "SELECT org_id, COALESCE(district_code, ''), class_code, name, model, manufacturer, key_specs "
        "FROM purchase_checks WHERE id = $1",
        {check_id});
    store::Row r = rows[0];
    return Planned{.org_id = r.Int(0),
                   .district_code = std::string(r.Text(1)),
                   .class_code = std::string(r.Text(2)),
                   .name = std::string(r.Text(3)),
                   .model = std::string(r.Text(4)),
                   .manufacturer = std::string(r.Text(5)),
                   .key_specs = std::string(r.Text(6))};
}

namespace {

std::vector<Candidate> ReadCandidates(store::Session& s, const Planned& p, const std::string& classes) {
    std::vector<Candidate> out;
    std::vector<std::uint64_t> planned = Bigrams(p.name + " " + p.model + " " + p.key_specs);
    // Nearest first, and within a tier the same model and maker first, so that the cap never drops
    // the unit's own, nor an instrument of the same model; the text's likeness ranks what was read.
    store::Rows rows = s.Query(
        "SELECT i.id, i.org_id, o.name, COALESCE(i.district_code, ''), i.class_code, i.name, i.model, i.manufacturer, "
        "i.technical_indicators, i.open_status, CASE WHEN br.instrument_id IS NULL THEN 0 ELSE 1 END, "
        "CASE WHEN i.org_id = $2 THEN 0 WHEN i.district_code = $3 THEN 1 ELSE 2 END AS tier "
        "FROM instruments i JOIN organizations o ON o.id = i.org_id LEFT JOIN booking_rules br ON br.instrument_id = "
        "i.id "
        "WHERE i.status = 'approved' AND " +
            classes +
            " ORDER BY tier, CASE WHEN $5 <> '' AND LOWER(i.model) = LOWER($5) THEN 0 ELSE 1 END, "
            "CASE WHEN $6 <> '' AND LOWER(i.manufacturer) = LOWER($6) THEN 0 ELSE 1 END, i.id LIMIT $4",
        {p.class_code, p.org_id, p.district_code, kCandidatesRead, p.model, p.manufacturer});
    out.reserve(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        store::Row r = rows[i];
        Candidate c{.id = r.Int(0),
                    .org_id = r.Int(1),
                    .org_name = std::string(r.Text(2)),
                    .district_code = std::string(r.Text(3)),
                    .class_code = std::string(r.Text(4)),
                    .name = std::string(r.Text(5)),
                    .model = std::string(r.Text(6)),
                    .manufacturer = std::string(r.Text(7)),
                    .open_status = std::string(r.Text(9)),
                    .bookable = r.Int(10) != 0,
                    .tier = static_cast<int>(r.Int(11))};
        c.likeness = Likeness(p, planned, c, r.Text(8));
        out.push_back(std::move(c));
    }
    return out;
}

}  // namespace

json::array SimilarInstruments(store::Session& s, const Planned& p, const Settings& settings, int year) {
    std::vector<Candidate> all = ReadCandidates(s, p, "i.class_code = $1");
    // A thin class also meets its siblings under one parent: a planned "液相色谱仪" then finds the
    // unit's "液相色谱-质谱联用仪".
    if (all.size() < static_cast<std::size_t>(kSimilarShown)) {
        std::vector<Candidate> more = ReadCandidates(
            s, p,
            "i.class_code IN (SELECT c.code FROM instrument_classes c JOIN instrument_classes me ON me.code = $1 "
            "WHERE me.parent_code IS NOT NULL AND c.parent_code = me.parent_code AND c.code <> me.code)");
        all.insert(all.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
    }
    std::stable_sort(all.begin(), all.end(), [](const Candidate& a, const Candidate& b) {
        return a.tier != b.tier ? a.tier < b.tier : a.likeness > b.likeness;
    });
    if (all.size() > static_cast<std::size_t>(kSimilarShown)) all.resize(kSimilarShown);
    AddUse(s, all, year);
    json::array out;
    for (const Candidate& c : all) {
        std::int64_t effective_hours = c.effective_minutes / 60;
        out.push_back(json::object{{"instrument_id", std::to_string(c.id)},
                                   {"name", c.name},
                                   {"org_id", std::to_string(c.org_id)},
                                   {"org_name", c.org_name},
                                   {"district_code", c.district_code},
                                   {"class_code", c.class_code},
                                   {"model", c.model},
                                   {"manufacturer", c.manufacturer},
                                   {"tier", kTierNames[c.tier]},
                                   {"likeness", c.likeness},
                                   {"open_status", c.open_status},
                                   {"bookable", c.bookable},
                                   {"year", year},
                                   {"effective_hours", effective_hours},
                                   {"external_hours", c.external_minutes / 60},
                                   {"booked_hours_next_30_days", c.booked_minutes / 60},
                                   {"saturated", effective_hours >= settings.saturation_hours}});
    }
    return out;
}

}  // namespace keyuan::purchase_checks
