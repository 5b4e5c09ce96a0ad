#include "modules/delivery/views.hpp"

namespace keyuan::delivery {
namespace json = boost::json;

namespace {

json::value OptId(std::optional<std::int64_t> id) {
    return id ? json::value(std::to_string(*id)) : json::value(nullptr);
}

json::value OptText(std::optional<std::string> text) {
    return text ? json::value(*text) : json::value(nullptr);
}

}  // namespace

json::object DeliveryJson(const store::Row& r) {
    return json::object{{"id", std::to_string(r.Int(0))},
                        {"source_kind", r.Text(1)},
                        {"source_id", std::to_string(r.Int(2))},
                        {"resource_kind", r.Text(3)},
                        {"resource_id", std::to_string(r.Int(4))},
                        {"provider_org_id", std::to_string(r.Int(5))},
                        {"client_org_id", OptId(r.OptInt(6))},
                        {"client_user_id", std::to_string(r.Int(7))},
                        {"client_industry_code", OptText(r.OptText(8))},
                        {"client_district_code", OptText(r.OptText(9))},
                        {"internal", r.Bool(10)},
                        {"service_mode", r.Text(11)},
                        {"minutes_used", r.Int(12)},
                        {"samples", r.Int(13)},
                        {"fee_fen", r.Int(14)},
                        {"voucher_fen", r.Int(15)},
                        {"note", r.Text(16)},
                        {"delivered_on", r.Text(17)},
                        {"recorded_at", r.Text(18)}};
}

json::object RatingJson(const store::Row& r) {
    int score = static_cast<int>(r.Int(4));
    return json::object{{"id", std::to_string(r.Int(0))},
                        {"delivery_id", std::to_string(r.Int(1))},
                        {"resource_kind", r.Text(2)},
                        {"resource_id", std::to_string(r.Int(3))},
                        {"score", score},
                        {"level", LevelName(score)},
                        {"comment", r.Text(5)},
                        {"rated_at", r.Text(6)},
                        {"reply", OptText(r.OptText(7))},
                        {"replied_at", OptText(r.OptText(8))},
                        {"version", r.Int(9)}};
}

std::string_view LevelName(int score) {
    switch (score) {
        case 5: return "very_satisfied";
        case 4: return "satisfied";
        case 3: return "fair";
        case 2: return "dissatisfied";
        default: return "very_poor";
    }
}

}  // namespace keyuan::delivery
