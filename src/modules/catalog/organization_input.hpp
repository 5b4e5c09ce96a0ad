#pragma once
// An organisation as a request body gives it, validated: the fields' limits, the credit code's
// check character, and that the district and the competent department exist. The API's
// create and update use it, and so does the demo generator, so that demo organisations pass
// the same validation as real ones.

#include <boost/json/object.hpp>

#include <optional>
#include <string>

#include "store/database.hpp"

namespace keyuan::catalog {

struct OrgInput {
    std::optional<std::string> name, credit_code, kind, district_code, department_code, address, contacts_json;
    std::optional<bool> is_sme;
};

/// Reads and validates an organisation from `body`; `partial` for PATCH (nothing required).
/// Looks the codes up in `s`. Throws ApiError (validation_failed, naming the fields).
OrgInput ReadOrgInput(const boost::json::object& body, store::Session& s, bool partial);

}  // namespace keyuan::catalog
