#pragma once
// The request fields of a delivery, a rating and a reply, declared once: records.cpp, ratings.cpp and
// module.cpp read by them, route_docs.cpp describes them (docs/design/data-exchange.md decision 13).

#include <vector>

#include "http/body_fields.hpp"

namespace keyuan::delivery {

using FieldType = http::BodyField::Type;

/// What the provider delivered (POST {base}/{id}/delivery); minutes or samples, at least one.
inline const std::vector<http::BodyField> kDeliveryFields{
    {.name = "minutes_used", .type = FieldType::kInteger, .min = 0, .max = 24 * 60},
    {.name = "samples", .type = FieldType::kInteger, .min = 0, .max = 100000},
    {.name = "fee_fen", .type = FieldType::kInteger, .required = true, .min = 0, .max = 100'000'000'00},
    {.name = "service_mode",
     .type = FieldType::kEnum,
     .required = true,
     .allowed = {"occupancy", "technical", "commissioned", "remote"}},
    {.name = "client_industry_code", .max_chars = 8},
    {.name = "note", .max_chars = 500}};

/// The client's rating (POST {base}/{id}/rating): the national platform's five levels.
inline const std::vector<http::BodyField> kRatingFields{
    {.name = "score", .type = FieldType::kInteger, .required = true, .min = 1, .max = 5},
    {.name = "comment", .max_chars = 500}};

/// The provider's one reply to a rating.
inline const http::BodyField kReplyField{.name = "reply", .required = true, .max_chars = 500, .min_chars = 1};

}  // namespace keyuan::delivery
