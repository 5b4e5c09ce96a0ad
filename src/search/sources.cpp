#include "search/sources.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "core/clock.hpp"

namespace keyuan::search {
namespace json = boost::json;

namespace {

struct Source {
    std::string type;
    std::string table;
    std::string industry_table;  // "" if none
    std::string industry_fk;
    std::string columns;  // after t.id, t.org_id, o.name, t.updated_at
    std::function<void(const store::Row&, SearchDocument&)> fill;
};

std::string Text(const store::Row& r, std::size_t col) {
    return std::string(r.Text(col));
}

// The first photo stored on this platform, as the result card's thumbnail: the pages' content
// security policy shows images from here only, and a visitor's browser then asks no one else.
std::string Thumbnail(std::string_view photos_json) {
    boost::system::error_code ec;
    json::value photos = json::parse(photos_json, ec);
    if (ec || !photos.is_array()) return "";
    for (const json::value& photo : photos.get_array()) {
        if (photo.is_string() && photo.get_string().starts_with("/api/v1/media/")) {
            return std::string(photo.get_string());
        }
    }
    return "";
}

void FillInstrument(const store::Row& r, SearchDocument& d) {
    d.title = Text(r, 4) + " " + Text(r, 5) + " " + Text(r, 6);
    d.label = Text(r, 4);
    d.class_code = Text(r, 7);
    d.body = Text(r, 8) + " " + Text(r, 9) + " " + Text(r, 10) + " " + Text(r, 11) + " " + Text(r, 12) + " " +
             Text(r, 2) + " " + Text(r, 15);
    d.district_code = Text(r, 13);
    d.open_status = Text(r, 14);
    json::object display{
        {"name", Text(r, 4)},           {"name_en", Text(r, 5)},      {"model", Text(r, 6)},
        {"manufacturer", Text(r, 8)},   {"org_name", Text(r, 2)},     {"district_code", d.district_code},
        {"open_status", d.open_status}, {"class_code", d.class_code}, {"original_value_fen", r.Int(16)}};
    if (std::string photo = Thumbnail(r.Text(17)); !photo.empty()) display["photo"] = photo;
    d.display_json = json::serialize(display);
}

void FillLab(const store::Row& r, SearchDocument& d) {
    d.title = Text(r, 4);
    d.body = Text(r, 5) + " " + Text(r, 2) + " " + Text(r, 6);
    d.district_code = Text(r, 7);
    d.open_status = Text(r, 8);
    d.display_json = json::serialize(json::object{{"name", d.title},
                                                  {"kind", Text(r, 9)},
                                                  {"org_name", Text(r, 2)},
                                                  {"district_code", d.district_code},
                                                  {"open_status", d.open_status}});
}

void FillService(const store::Row& r, SearchDocument& d) {
    d.title = Text(r, 4);
    d.body = Text(r, 5) + " " + Text(r, 6) + " " + Text(r, 7) + " " + Text(r, 2);
    d.district_code = Text(r, 8);
    d.price_fen = r.OptInt(9);
    std::string today = clock::TodayShanghai();
    if (!r.IsNull(11) && !Text(r, 11).empty() && Text(r, 12) >= today) d.accreditations.push_back("cnas");
    if (!r.IsNull(13) && !Text(r, 13).empty() && Text(r, 14) >= today) d.accreditations.push_back("cma");
    json::object display{{"name", d.title},
                         {"kind", Text(r, 15)},
                         {"field", Text(r, 5)},
                         {"org_name", Text(r, 2)},
                         {"district_code", d.district_code},
                         {"price_unit", Text(r, 10)}};
    display["price_fen"] = d.price_fen ? json::value(*d.price_fen) : json::value(nullptr);
    json::array accreditations;
    for (const std::string& a : d.accreditations) accreditations.emplace_back(a);
    display["accreditations"] = std::move(accreditations);
    d.display_json = json::serialize(display);
}

void FillFinance(const store::Row& r, SearchDocument& d) {
    d.title = Text(r, 4);
    d.body = Text(r, 5) + " " + Text(r, 6) + " " + Text(r, 2);
    d.display_json = json::serialize(json::object{{"name", d.title}, {"kind", Text(r, 7)}, {"org_name", Text(r, 2)}});
}

const std::vector<Source>& Sources() {
    static const std::vector<Source> sources = {
        {"instrument", "instruments", "instrument_industries", "instrument_id",
         "t.name, t.name_en, t.model, t.class_code, t.manufacturer, t.country, t.functions, t.technical_indicators, "
         "COALESCE(c.name, ''), COALESCE(t.district_code, ''), t.open_status, t.location, t.original_value_fen, "
         "t.photos",
         FillInstrument},
        {"lab", "labs", "lab_industries", "lab_id",
         "t.name, t.description, t.address, COALESCE(t.district_code, ''), t.open_status, t.kind", FillLab},
        {"service", "services", "service_industries", "service_id",
         "t.name, t.field, t.content, t.parameters, COALESCE(t.district_code, o.district_code, ''), t.price_fen, "
         "t.price_unit, t.cnas_cert_no, t.cnas_expiry, t.cma_cert_no, t.cma_expiry, t.kind",
         FillService},
        {"finance_product", "finance_products", "", "", "t.name, t.features, t.eligibility, t.kind", FillFinance},
    };
    return sources;
}

const Source* FindSource(const std::string& type) {
    for (const Source& s : Sources()) {
        if (s.type == type) return &s;
    }
    return nullptr;
}

std::string SelectFor(const Source& src) {
    std::string join = src.type == "instrument" ? " LEFT JOIN instrument_classes c ON c.code = t.class_code" : "";
    return "SELECT t.id, t.org_id, o.name, t.updated_at, " + src.columns + " FROM " + src.table +
           " t JOIN organizations o ON o.id = t.org_id" + join + " WHERE t.status = 'approved'";
}

SearchDocument Build(store::Session& s, const Source& src, const store::Row& r) {
    SearchDocument d;
    d.type = src.type;
    d.id = r.Int(0);
    d.org_id = r.Int(1);
    d.updated_at = r.Text(3);
    src.fill(r, d);
    if (!src.industry_table.empty()) {
        std::string scope = src.type == "lab" ? "scope" : "''";
        store::Rows codes = s.Query("SELECT code, " + scope + " FROM " + src.industry_table + " WHERE " +
                                        src.industry_fk + " = $1 ORDER BY code",
                                    {d.id});
        for (std::size_t i = 0; i < codes.size(); ++i) {
            d.industry_codes.emplace_back(codes[i].Text(0));
            d.body += " " + std::string(codes[i].Text(1));
        }
        if (!d.industry_codes.empty()) {
            store::Rows hitech =
                s.Query("SELECT DISTINCT x.industry_id FROM hitech_subcategories x JOIN " + src.industry_table +
                            " l ON l.code = "
                            "x.code WHERE l." +
                            src.industry_fk + " = $1",
                        {d.id});
            for (std::size_t i = 0; i < hitech.size(); ++i) d.hitech_industries.push_back(hitech[i].Int(0));
        }
    }
    return d;
}

}  // namespace

const std::vector<std::string>& IndexedTypes() {
    static const std::vector<std::string> types = [] {
        std::vector<std::string> out;
        for (const Source& s : Sources()) out.push_back(s.type);
        return out;
    }();
    return types;
}

std::optional<SearchDocument> LoadDocument(store::Session& s, const std::string& type, std::int64_t id) {
    const Source* src = FindSource(type);
    if (!src) return std::nullopt;
    store::Rows rows = s.Query(SelectFor(*src) + " AND t.id = $1", {id});
    if (rows.empty()) return std::nullopt;
    return Build(s, *src, rows.front());
}

std::vector<SearchDocument> LoadDocuments(store::Session& s, const std::string& type, std::int64_t after_id,
                                          int limit) {
    std::vector<SearchDocument> out;
    const Source* src = FindSource(type);
    if (!src) return out;
    store::Rows rows = s.Query(SelectFor(*src) + " AND t.id > $1 ORDER BY t.id LIMIT $2", {after_id, limit});
    for (std::size_t i = 0; i < rows.size(); ++i) out.push_back(Build(s, *src, rows[i]));
    return out;
}

std::vector<std::pair<std::string, std::int64_t>> ObjectsOfOrganization(store::Session& s, std::int64_t org_id) {
    std::vector<std::pair<std::string, std::int64_t>> out;
    for (const Source& src : Sources()) {
        store::Rows rows = s.Query("SELECT id FROM " + src.table + " WHERE org_id = $1", {org_id});
        for (std::size_t i = 0; i < rows.size(); ++i) out.emplace_back(src.type, rows[i].Int(0));
    }
    return out;
}

}  // namespace keyuan::search
