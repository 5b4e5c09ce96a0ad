#pragma once
// JSON shapes of the accounts module's answers.

#include <boost/json/object.hpp>

#include "modules/accounts/service.hpp"

namespace keyuan::accounts {

boost::json::object UserToJson(const UserView& user);
/// A grant of elevated roles as the API shows it.
boost::json::object RoleGrantToJson(const RoleGrantView& grant);
boost::json::object TokenToJson(const TokenView& token);

}  // namespace keyuan::accounts
