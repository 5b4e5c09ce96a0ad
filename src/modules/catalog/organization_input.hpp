#pragma once
// An organisation as a request body gives it, validated: the fields' limits, the credit code's
// check character, and that the district and the competent department exist. The API's
// create and update use it, and so does the demo generator, so that demo organisations pass
// the same validation as real ones.

#include <boost/json/object.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "http/body_fields.hpp"
#include "store/database.hpp"

namespace keyuan::catalog {

/// What an organisation is (universities, institutes, hospitals, enterprises …).
inline const std::vector<std::string_view> kOrganizationKinds = {"university",
                                                                 "research_institute",
                                                                 "hospital",
                                                                 "enterprise",
                                                                 "state_owned_enterprise",
                                                                 "financial_institution",
                                                                 "agency",
                                                                 "other"};

/// The plain fields of an organisation as a body gives them (required on create; a PATCH names
/// what changes), declared once for ReadOrgInput and the document. `contacts` is read apart
/// (kMaxContacts objects of name, phone, email and role texts, each at most 100 characters).
namespace organization {
inline const http::BodyField kName{.name = "name", .required = true, .max_chars = 100, .min_chars = 1};
inline const http::BodyField kCreditCode{.name = "credit_code",
                                         .required = true,
                                         .max_chars = 18,
                                         .description = "统一社会信用代码 with its check character"};
inline const http::BodyField kKind{
    .name = "kind", .type = http::BodyField::Type::kEnum, .required = true, .allowed = kOrganizationKinds};
inline const http::BodyField kDistrictCode{.name = "district_code", .required = true, .max_chars = 6};
inline const http::BodyField kDepartmentCode{
    .name = "department_code", .max_chars = 20, .description = "the competent department; empty: none"};
inline const http::BodyField kAddress{.name = "address", .max_chars = 200};
inline const http::BodyField kIsSme{.name = "is_sme", .type = http::BodyField::Type::kBoolean};
inline const std::vector<http::BodyField> kFields{kName,           kCreditCode, kKind, kDistrictCode,
                                                  kDepartmentCode, kAddress,    kIsSme};
inline constexpr std::size_t kMaxContacts = 10;
}  // namespace organization

struct OrgInput {
    std::optional<std::string> name, credit_code, kind, district_code, department_code, address, contacts_json;
    std::optional<bool> is_sme;
};

/// Reads and validates an organisation from `body`; `partial` for PATCH (nothing required).
/// Looks the codes up in `s`. Throws ApiError (validation_failed, naming the fields).
OrgInput ReadOrgInput(const boost::json::object& body, store::Session& s, bool partial);

}  // namespace keyuan::catalog
