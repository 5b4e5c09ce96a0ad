// GET /api/v1/talents/{id}/contact: a talent's phone and e-mail, which answers and lists mask below
// its readers in scope (personal information, PIPL). A signed-in enterprise user asks for them
// one talent at a time, and each reveal is an audit record (who, which talent; never the values).
#include "changes/audit.hpp"
#include "http/json.hpp"
#include "http/paging.hpp"
#include "modules/achievements/module_parts.hpp"

namespace keyuan::achievements {
namespace json = boost::json;

void DeclareContactPermissions(access::Policy& policy) {
    policy.Allow("talent.reveal_contact", Role::kEnterprise, access::Scope::kAll);
    policy.Allow("talent.reveal_contact", Role::kUnitAdmin, access::Scope::kOrganization);
    policy.Allow("talent.reveal_contact", Role::kOperator, access::Scope::kAll);
}

void RegisterContactRoutes(modules::ModuleContext& context, const registry::ResourceEngine& talents) {
    store::Database& db = context.db;
    const access::Policy& policy = context.policy;
    context.router.Get("/api/v1/talents/{id}/contact", [&db, &policy, &talents](http::Request& r) {
        std::int64_t id = http::PathId(r);
        policy.RequireAction(r.caller.get(), "talent.reveal_contact");
        std::optional<registry::StoredResource> talent;
        db.Read([&](store::Session& s) { talent = talents.Load(s, id); });
        // Only a talent the caller may see at all: a published one, or one in the caller's scope.
        bool visible =
            talent && (talent->is_public || policy.Allows(r.caller.get(), "talent.read", talents.ScopeOf(*talent)));
        if (!visible) throw ApiError(Error::NotFound());
        policy.Authorize(r.caller.get(), "talent.reveal_contact", talents.ScopeOf(*talent));
        audit::RecordAlone(
            db, r.ToActor(),
            {.event_type = "talent.contact_revealed", .object_type = "talent", .object_id = std::to_string(id)});
        auto text = [&](const char* name) {
            auto it = talent->values.find(name);
            return it == talent->values.end() ? std::string() : it->second.ToText();
        };
        return http::JsonResponse(200, json::object{{"id", std::to_string(id)},
                                                    {"contact_phone", text("contact_phone")},
                                                    {"contact_email", text("contact_email")}});
    });
}

}  // namespace keyuan::achievements
