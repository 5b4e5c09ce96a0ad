#pragma once
// The request fields of a broker's profile, a demand's broker and a broker's work log, declared
// once: broker_input.cpp, assignment_routes.cpp and work_routes.cpp read by them, route_docs.cpp
// describes them (docs/design/data-exchange.md decision 13).

#include <vector>

#include "http/body_fields.hpp"
#include "modules/tech_demands/vocabulary.hpp"

namespace keyuan::tech_demands {

using BodyType = http::BodyField::Type;

/// A broker's profile (POST /tech-brokers, PATCH /tech-brokers/me: the whole profile each time).
namespace broker {
inline const http::BodyField kName{.name = "name", .required = true, .max_chars = 50, .min_chars = 1};
inline const http::BodyField kCertificateNo{
    .name = "certificate_no", .required = true, .max_chars = 50, .min_chars = 1};
inline const http::BodyField kLevel{
    .name = "level", .type = BodyType::kEnum, .required = true, .allowed = kBrokerLevels};
inline const http::BodyField kIssuingBody{.name = "issuing_body", .required = true, .max_chars = 100, .min_chars = 1};
inline const http::BodyField kValidUntil{
    .name = "valid_until", .type = BodyType::kDate, .required = true, .description = "not lapsed when registering"};
inline const http::BodyField kIntroduction{.name = "introduction", .max_chars = 2000};
inline const http::BodyField kPhone{.name = "phone", .max_chars = 30};
inline const http::BodyField kEmail{.name = "email", .max_chars = 100};
inline const http::BodyField kIndustryCodes{.name = "industry_codes",
                                            .type = BodyType::kStringList,
                                            .required = true,
                                            .max_chars = 4,
                                            .max_items = 20,
                                            .description = "4-digit GB/T 4754-2017 codes, at least one"};
inline const http::BodyField kDistrictCodes{.name = "district_codes",
                                            .type = BodyType::kStringList,
                                            .required = true,
                                            .max_chars = 6,
                                            .max_items = 20,
                                            .description = "districts served, at least one"};
inline const http::BodyField kOrgId{.name = "org_id", .max_chars = 20, .description = "the broker's agency"};
inline const std::vector<http::BodyField> kFields{kName,          kCertificateNo, kLevel, kIssuingBody,
                                                  kValidUntil,    kIntroduction,  kPhone, kEmail,
                                                  kIndustryCodes, kDistrictCodes, kOrgId};
}  // namespace broker

/// The broker a demand's owner asks (POST /tech-demands/{id}/brokers): an active one.
inline const http::BodyField kBrokerIdField{.name = "broker_id", .required = true, .max_chars = 20};

/// What a broker did for a demand (POST /tech-demands/{id}/work-logs).
namespace work_log {
inline const http::BodyField kWorkDate{.name = "work_date",
                                       .type = BodyType::kDate,
                                       .required = true,
                                       .description = "not in the future, nor before the assignment"};
inline const http::BodyField kKind{.name = "kind", .type = BodyType::kEnum, .required = true, .allowed = kWorkKinds};
inline const http::BodyField kNote{.name = "note", .max_chars = kMaxNoteChars};
inline const std::vector<http::BodyField> kFields{kWorkDate, kKind, kNote};
}  // namespace work_log

}  // namespace keyuan::tech_demands
