// The accounts module's commands: `user create` (the first security administrator has no one
// to create it through the API) and `token create` (a bearer token for scripts).
#include <cstdlib>
#include <functional>
#include <iostream>

#include "modules/accounts/module.hpp"

namespace keyuan::accounts {
namespace {

/// Prints an ApiError's fields one per line, in English (operators read the terminal).
void PrintApiError(const char* command, const ApiError& e) {
    std::cerr << "keyuan " << command << ": " << e.error().message.en << "\n";
    for (const FieldError& f : e.error().fields) std::cerr << "  " << f.field << ": " << f.message.en << "\n";
}

/// Runs `work` on an account service over the opened database: an ApiError is printed field by
/// field, any other failure as the database's, in one line.
int WithService(const modules::CommandCall& call, const char* command,
                const std::function<void(AccountService&)>& work) {
    auto db = call.open_database();
    if (!db) return 1;
    access::Policy policy;
    DeclarePermissions(policy);
    AccountService service(*db, policy, call.settings.Of<SecuritySettings>());
    try {
        work(service);
    } catch (const ApiError& e) {
        PrintApiError(command, e);
        return 1;
    } catch (const std::exception& e) {
        return call.database_failed(e);
    }
    return 0;
}

int UserCreate(const modules::CommandCall& call) {
    const auto& flags = call.flags;
    for (const char* required : {"username", "password", "role"}) {
        if (!flags.count(required)) {
            std::cerr << "keyuan user create: --" << required << " is required\n";
            return 2;
        }
    }
    NewUser user;
    user.username = flags.at("username");
    user.password = flags.at("password");
    std::string roles = flags.at("role");
    for (std::size_t start = 0; start <= roles.size();) {
        std::size_t comma = std::min(roles.find(',', start), roles.size());
        std::string name = roles.substr(start, comma - start);
        auto role = ParseRole(name);
        if (!role) {
            std::cerr << "keyuan user create: unknown role '" << name << "'\n";
            return 2;
        }
        user.roles.push_back(*role);
        start = comma + 1;
    }
    if (flags.count("org")) user.org_id = std::atoll(flags.at("org").c_str());
    if (flags.count("department")) user.department_code = flags.at("department");
    if (flags.count("district")) user.district_code = flags.at("district");
    if (flags.count("display-name")) user.display_name = flags.at("display-name");
    user.must_change_password = !flags.count("no-password-change");
    return WithService(call, "user create", [&](AccountService& service) {
        UserView created = service.BootstrapUser(user);
        std::cout << "created user " << created.username << " (id " << created.id << ")\n";
    });
}

int TokenCreate(const modules::CommandCall& call) {
    if (!call.flags.count("username")) {
        std::cerr << "keyuan token create: --username is required\n";
        return 2;
    }
    int max_days = call.settings.Of<SecuritySettings>().token_max_days;
    int days = call.flags.count("days") ? std::atoi(call.flags.at("days").c_str()) : 90;
    if (days < 1 || days > max_days) {
        std::cerr << "keyuan token create: --days must be 1 to " << max_days << "\n";
        return 2;
    }
    return WithService(call, "token create", [&](AccountService& service) {
        std::cout << service.BootstrapToken(call.flags.at("username"), days).secret << "\n";
    });
}

}  // namespace

void Declare(modules::Declarations& declarations) {
    declarations.settings.push_back(SecuritySettingsReader());
    declarations.commands.push_back({{"user", "create"},
                                     "create an account (e.g. the first security administrator)",
                                     {{"username", "U", "login name"},
                                      {"password", "P", "initial password; it must be changed at first login"},
                                      {"role", "R[,R]", "role identifiers, e.g. security_admin or unit_admin"},
                                      {"org", "ID", "organization id"},
                                      {"department", "CODE", "competent department (department reviewers)"},
                                      {"district", "CODE", "district (district officers)"},
                                      {"display-name", "NAME", "name shown in the UI"},
                                      {"no-password-change", "", "do not require a password change at first login"}},
                                     UserCreate});
    declarations.commands.push_back(
        {{"token", "create"},
         "create a bearer token for a user and print only the token",
         {{"username", "U", "the token's user"}, {"days", "N", "validity in days (default 90)"}},
         TokenCreate});
}

}  // namespace keyuan::accounts
