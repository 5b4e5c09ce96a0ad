#include <boost/json/serialize.hpp>

#include "changes/change_record.hpp"
#include "core/clock.hpp"
#include "http/json.hpp"
#include "modules/delivery/fields.hpp"
#include "modules/delivery/service.hpp"
#include "modules/delivery/views.hpp"
#include "modules/vouchers/service.hpp"
#include "store/errors.hpp"

namespace keyuan::delivery {
namespace json = boost::json;

Fields ReadFields(const json::object& body) {
    http::JsonReader reader(body);
    Fields f;
    const std::vector<http::BodyField>& d = kDeliveryFields;
    f.minutes_used = http::ReadInt(reader, d[0]).value_or(0);
    f.samples = http::ReadInt(reader, d[1]).value_or(0);
    f.fee = Fen(http::ReadInt(reader, d[2]).value_or(0));
    f.service_mode = http::ReadEnum(reader, d[3]).value_or("");
    f.client_industry_code = http::ReadString(reader, d[4]);
    f.note = http::ReadString(reader, d[5]).value_or("");
    std::vector<FieldError> problems = reader.Collect();
    if (problems.empty() && f.minutes_used == 0 && f.samples == 0) {
        problems.push_back({"minutes_used", {"须填写实际使用时长或样品数", "Give the minutes used or the samples"}});
    }
    if (!problems.empty()) throw ApiError(Error::Validation(std::move(problems)));
    return f;
}

json::object Record(store::Session& s, const Actor& actor, const Source& source, const Fields& f) {
    if (!s.Query("SELECT 1 FROM deliveries WHERE source_kind = $1 AND source_id = $2", {source.kind, source.id})
             .empty()) {
        throw ApiError(Error::Conflict("已登记服务记录", "The delivery is recorded already"));
    }
    if (f.client_industry_code &&
        s.Query("SELECT 1 FROM industry_codes WHERE code = $1", {*f.client_industry_code}).empty()) {
        throw ApiError(Error::Validation({{"client_industry_code", {"行业代码不存在", "Unknown industry code"}}}));
    }
    std::optional<std::string> district;
    if (source.client_org_id) {
        store::Rows org = s.Query("SELECT district_code FROM organizations WHERE id = $1", {*source.client_org_id});
        if (!org.empty()) district = org[0].OptText(0);
    }
    bool internal = source.client_org_id && *source.client_org_id == source.provider_org_id;
    std::int64_t id = s.InsertReturningId(
        "INSERT INTO deliveries (source_kind, source_id, resource_kind, resource_id, provider_org_id, client_org_id, "
        "client_user_id, client_industry_code, client_district_code, internal, service_mode, minutes_used, samples, "
        "fee_fen, note, delivered_on, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, "
        "$12, $13, $14, $15, $16, $17, $18) RETURNING id",
        {source.kind, source.id, source.resource_kind, source.resource_id, source.provider_org_id, source.client_org_id,
         source.client_user_id, f.client_industry_code, district, internal, f.service_mode, f.minutes_used, f.samples,
         f.fee.fen(), f.note, clock::TodayShanghai(), actor.caller ? actor.caller->user_id : 0, clock::NowUtc()});
    // A voucher that paid part of it: its reservation is consumed at most to the programme's share
    // of the fee charged, in this transaction, and the delivery record says how much it paid.
    Fen paid = vouchers::ConsumeOnDelivery(s, actor, source.kind, source.id, f.fee);
    if (paid.fen() > 0) s.Execute("UPDATE deliveries SET voucher_fen = $1 WHERE id = $2", {paid.fen(), id});
    json::object record = DeliveryOf(s, source.kind, source.id).as_object();
    changes::Record(
        s, actor,
        {.object_type = "delivery", .object_id = id, .event = "recorded", .after_json = json::serialize(record)});
    return record;
}

json::value DeliveryOf(store::Session& s, std::string_view kind, std::int64_t id) {
    std::map<std::int64_t, json::object> found = DeliveriesOf(s, kind, {id});
    return found.empty() ? json::value(nullptr) : json::value(std::move(found.begin()->second));
}

std::map<std::int64_t, json::object> DeliveriesOf(store::Session& s, std::string_view kind,
                                                  const std::vector<std::int64_t>& ids) {
    std::map<std::int64_t, json::object> out;
    if (ids.empty()) return out;
    std::vector<store::Param> params = {std::string(kind)};
    params.insert(params.end(), ids.begin(), ids.end());
    store::Rows rows = s.Query(std::string(kDeliverySelect) + " WHERE d.source_kind = $1 AND d.source_id IN (" +
                                   store::Placeholders(2, ids.size()) + ")",
                               params);
    for (std::size_t i = 0; i < rows.size(); ++i) out.emplace(rows[i].Int(2), DeliveryJson(rows[i]));
    return out;
}

}  // namespace keyuan::delivery
