// The OpenAPI descriptions of the voucher routes. Applications, vouchers, claims and settlements
// (application_routes.cpp, voucher_routes.cpp, claim_routes.cpp) are read field by field: the limits
// here are the JsonReader's there. Programmes, providers, corrections, refusals and relations are
// read by the declarations of fields.hpp, described from the same. The answers are ProgrammeJson's,
// ClaimJson's, UseJson's, ledger::MovementsJson's and the routes' own.
#include "http/doc_shapes.hpp"
#include "http/router.hpp"
#include "modules/vouchers/fields.hpp"
#include "modules/vouchers/module_parts.hpp"
#include "modules/vouchers/programme_store.hpp"

namespace keyuan::vouchers {
namespace json = boost::json;
using namespace http::doc;

namespace {

json::object ProgrammeSchema() {
    json::array kinds;
    for (std::string_view k : kServiceKinds) kinds.emplace_back(k);
    return Object({{"id", Id()},
                   {"year", Integer()},
                   {"name", Str()},
                   {"budget_fen", Integer()},
                   {"share_percent", Integer()},
                   {"cap_per_enterprise_fen", Integer()},
                   {"cap_per_order_fen", Integer()},
                   {"co_approval_fen", Integer()},
                   {"use_by_days", Integer()},
                   {"redeem_by_days", Integer()},
                   {"max_staff", Integer()},
                   {"max_revenue_fen", Integer()},
                   {"max_registered_capital_fen", Integer()},
                   {"startup_teams", Boolean()},
                   {"kinds", ArrayOf(json::object{{"type", "string"}, {"enum", std::move(kinds)}})},
                   {"source", Str()},
                   {"status", Enum({"draft", "open", "closed"})},
                   {"version", Integer()},
                   {"created_at", Str()},
                   {"updated_at", Str()},
                   {"budget_left_fen", Integer()}},
                  {"id", "year", "name", "budget_fen", "share_percent", "kinds", "status", "version"});
}

/// The programme's providers (programme_routes.cpp Providers), the answer of their routes.
json::object ProvidersSchema() {
    return ItemsOf(Object({{"org_id", Id()},
                           {"name", Str()},
                           {"district_code", Str()},
                           {"admitted_at", Str()},
                           {"suspended", Boolean()},
                           {"suspend_reason", Str()}},
                          {"org_id", "name", "suspended"}));
}

json::object MovementSchema() {
    return Object({{"id", Id()},
                   {"at", Str()},
                   {"from", Str()},
                   {"to", Str()},
                   {"amount_fen", Integer()},
                   {"movement", Str()},
                   {"cause_type", Str()},
                   {"cause_id", Str()},
                   {"programme_id", Id()},
                   {"actor_user_id", Nullable(Id())},
                   {"reason", Str()},
                   {"hash", Str()}},
                  {"id", "at", "from", "to", "amount_fen", "movement", "hash"});
}

json::object ClaimSchema() {
    return Object({{"id", Id()},
                   {"use_id", Id()},
                   {"programme_id", Id()},
                   {"provider_org_id", Id()},
                   {"provider_name", Str()},
                   {"amount_fen", Integer()},
                   {"invoice_no", Str()},
                   {"status", Enum({"claimed", "approved", "refused", "settled"})},
                   {"reason", Str()},
                   {"settlement_id", Nullable(Id())},
                   {"version", Integer()},
                   {"created_at", Str()},
                   {"updated_at", Str()},
                   {"object_kind", Str()},
                   {"object_id", Id()},
                   {"voucher_number", Str()}},
                  {"id", "use_id", "programme_id", "provider_org_id", "amount_fen", "status", "version"});
}

json::object UseSchema() {
    return Object({{"id", Id()},
                   {"voucher_id", Id()},
                   {"voucher_number", Str()},
                   {"object_kind", Str()},
                   {"object_id", Id()},
                   {"provider_org_id", Id()},
                   {"provider_name", Str()},
                   {"client_org_id", Id()},
                   {"service_kind", Str()},
                   {"fee_fen", Integer()},
                   {"amount_fen", Integer()},
                   {"consumed_fen", Integer()},
                   {"status", Enum({"reserved", "consumed", "released"})},
                   {"created_at", Str()},
                   {"updated_at", Str()},
                   {"claim_id", Nullable(Id())}},
                  {"id", "voucher_id", "provider_org_id", "client_org_id", "amount_fen", "status"});
}

/// The report's groupings (report_routes.cpp Grouped): by kind, district, industry, provider.
json::object ReportSchema() {
    json::object group =
        ArrayOf(Object({{"key", Str()}, {"name", Str()}, {"count", Integer()}, {"amount_fen", Integer()}},
                       {"key", "name", "count", "amount_fen"}));
    json::object out = Object({{"programme", http::SchemaRef("VoucherProgramme")},
                               {"vouchers", Integer()},
                               {"enterprises_served", Integer()},
                               {"by_kind", group},
                               {"by_district", group},
                               {"by_industry", group},
                               {"providers", group}},
                              {"programme", "budget_fen", "budget_left_fen", "issued_fen", "paid_fen", "by_kind",
                               "by_district", "by_industry", "providers"});
    json::object& props = out["properties"].as_object();
    for (const char* money : {"budget_fen", "budget_left_fen", "issued_fen", "expired_fen", "refused_fen",
                              "available_fen", "reserved_fen", "earned_fen", "claimed_fen", "paid_fen"}) {
        props[money] = Integer();
    }
    return out;
}

/// /voucher-programmes: a year's rules, opened and closed, its providers and its report.
void DescribeProgrammeRoutes(http::Router& router) {
    using http::Method;
    const std::string base = "/api/v1/voucher-programmes", one = base + "/{id}";
    router.AddSchema("VoucherProgramme", ProgrammeSchema());
    router.AddSchema("VoucherProviders", ProvidersSchema());
    const json::object programme = http::SchemaRef("VoucherProgramme"), providers = http::SchemaRef("VoucherProviders");
    const std::vector<int> body_errors{400, 401, 403, 404, 409, 415, 422};
    router.Describe(Method::kPost, base,
                    {.summary = "Set a year's programme up (operator): a draft until opened",
                     .tags = {"vouchers"},
                     .request = http::BodySchema(programme::kFields),
                     .response = programme,
                     .errors = {400, 401, 403, 415, 422}});
    router.Describe(
        Method::kGet, base,
        {.summary = "Programmes, newest year first (drafts for the operator and finance bureau only)",
         .tags = {"vouchers"},
         .params = Paged({QueryParam("year", Integer()), QueryParam("status", Enum({"draft", "open", "closed"}))}),
         .response = PageOf(programme),
         .errors = {422}});
    router.Describe(Method::kGet, one,
                    {.summary = "One programme with the budget left",
                     .tags = {"vouchers"},
                     .response = programme,
                     .errors = {404}});
    for (auto [action, summary] : {std::pair{"open", "Open a draft programme (operator): its budget enters the ledger"},
                                   std::pair{"close", "Close an open programme (operator)"}}) {
        router.Describe(Method::kPost, one + "/" + action,
                        {.summary = summary,
                         .tags = {"vouchers"},
                         .response = programme,
                         .status = 200,
                         .errors = {401, 403, 404, 409}});
    }
    router.Describe(Method::kGet, one + "/providers",
                    {.summary = "The providers admitted to the programme (public once it is open)",
                     .tags = {"vouchers"},
                     .response = providers,
                     .errors = {404}});
    router.Describe(Method::kPost, one + "/providers",
                    {.summary = "Admit a provider organisation (operator); answers the providers",
                     .tags = {"vouchers"},
                     .request = http::BodySchema({IdField("org_id")}),
                     .response = providers,
                     .errors = body_errors});
    router.Describe(Method::kPost, one + "/providers/{org_id}/suspend",
                    {.summary = "Suspend a provider with the reason (operator); answers the providers",
                     .tags = {"vouchers"},
                     .params = {{.name = "org_id", .in = "path", .schema = Id()}},
                     .request = http::BodySchema({kReasonField}),
                     .response = providers,
                     .status = 200,
                     .errors = body_errors});
    router.Describe(Method::kGet, one + "/report",
                    {.summary = "The programme's budget used and left, by kind, district, industry and provider "
                                "(operators, finance bureau); format=csv|xlsx: the same as a sheet",
                     .tags = {"vouchers"},
                     .params = {QueryParam("format", Enum({"json", "csv", "xlsx"}), "default json")},
                     .response = ReportSchema(),
                     .file_types = kSpreadsheetTypes,
                     .errors = {401, 403, 404, 422}});
}

/// The ledger, its corrections and verification; claims reviewed; settlements, uses, relations.
void DescribeLedgerRoutes(http::Router& router) {
    using http::Method;
    router.AddSchema("VoucherClaim", ClaimSchema());
    router.Describe(Method::kGet, "/api/v1/voucher-ledger",
                    {.summary = "The ledger's movements, newest first (operators, finance bureau)",
                     .tags = {"vouchers"},
                     .params = Paged({QueryParam("programme_id", Id()),
                                      QueryParam("account", json::object{{"type", "string"}, {"maxLength", 100}},
                                                 "movements from or to this account")}),
                     .response = PageOf(MovementSchema()),
                     .errors = {401, 403, 422}});
    router.Describe(Method::kPost, "/api/v1/voucher-ledger/corrections",
                    {.summary = "Correct the ledger (operator): a new movement between two of the programme's accounts",
                     .tags = {"vouchers"},
                     .request = http::BodySchema(correction::kFields),
                     .response = Object({{"from", Str()},
                                         {"to", Str()},
                                         {"amount_fen", Integer()},
                                         {"reason", Str()},
                                         {"from_balance_fen", Integer()},
                                         {"to_balance_fen", Integer()}},
                                        {"from", "to", "amount_fen", "from_balance_fen", "to_balance_fen"}),
                     .errors = {400, 401, 403, 415, 422}});
    router.Describe(
        Method::kGet, "/api/v1/voucher-ledger/verify",
        {.summary = "Replay the whole ledger: hashes, balances, budgets (problem: the first found)",
         .tags = {"vouchers"},
         .response = Object({{"ok", Boolean()}, {"movements", Integer()}, {"accounts", Integer()}, {"problem", Str()}},
                            {"ok", "movements", "accounts", "problem"}),
         .errors = {401, 403}});
    router.Describe(Method::kPost, "/api/v1/voucher-claims/{id}/approve",
                    {.summary = "Approve a claim (operator)",
                     .tags = {"vouchers"},
                     .response = http::SchemaRef("VoucherClaim"),
                     .status = 200,
                     .errors = {401, 403, 404, 409}});
    router.Describe(Method::kPost, "/api/v1/voucher-claims/{id}/refuse",
                    {.summary = "Refuse a claimed or approved claim with the reason (operator): the value returns to "
                                "the budget",
                     .tags = {"vouchers"},
                     .request = http::BodySchema({kReasonField}),
                     .response = http::SchemaRef("VoucherClaim"),
                     .status = 200,
                     .errors = {400, 401, 403, 404, 409, 415, 422}});
    router.Describe(Method::kGet, "/api/v1/voucher-settlements",
                    {.summary = "Settlements, newest first (operators, finance bureau)",
                     .tags = {"vouchers"},
                     .params = Paged(),
                     .response = PageOf(Object({{"id", Id()},
                                                {"payment_reference", Str()},
                                                {"total_fen", Integer()},
                                                {"claims", Integer()},
                                                {"settled_by", Id()},
                                                {"settled_at", Str()}},
                                               {"id", "payment_reference", "total_fen", "claims"})),
                     .errors = {401, 403, 422}});
    router.Describe(Method::kGet, "/api/v1/voucher-uses",
                    {.summary = "Voucher uses, newest 200: the client's, the provider's, or all (overseers)",
                     .tags = {"vouchers"},
                     .params = {QueryParam("view", Enum({"client", "provider", "all"}),
                                           "default: all for overseers, provider for a provider, else client"),
                                QueryParam("status", Enum({"reserved", "consumed", "released"}))},
                     .response = ItemsOf(UseSchema()),
                     .errors = {401, 403, 422}});
    const std::string relations = "/api/v1/organization-relations";
    json::object relation = Object({{"id", Id()},
                                    {"org_a", Id()},
                                    {"org_a_name", Str()},
                                    {"org_b", Id()},
                                    {"org_b_name", Str()},
                                    {"kind", Enum({"parent", "shareholder", "same_representative"})},
                                    {"note", Str()},
                                    {"created_at", Str()}},
                                   {"id", "org_a", "org_b", "kind"});
    router.Describe(Method::kGet, relations,
                    {.summary = "Related organisations, at most 500 (operators, finance bureau)",
                     .tags = {"vouchers"},
                     .params = {QueryParam("org_id", Id(), "the relations of this organisation")},
                     .response = ItemsOf(relation),
                     .errors = {401, 403, 422}});
    router.Describe(Method::kPost, relations,
                    {.summary = "Record that two organisations are related (operator)",
                     .tags = {"vouchers"},
                     .request = http::BodySchema(relation::kFields),
                     .response = relation,
                     .errors = {400, 401, 403, 409, 415, 422}});
    router.Describe(Method::kDelete, relations + "/{id}",
                    {.summary = "A relation that ended (operator)",
                     .tags = {"vouchers"},
                     .status = 204,
                     .errors = {401, 403, 404}});
}

}  // namespace

void DescribeRoutes(http::Router& router) {
    using http::Method;
    DescribeProgrammeRoutes(router);
    DescribeLedgerRoutes(router);
    json::object id{{"type", "string"}, {"pattern", "^[0-9]+$"}, {"maxLength", 20}};
    json::object fen{{"type", "integer"}, {"minimum", 0}, {"maximum", kMaxFen * 100}, {"description", "fen"}};
    json::object object{{"type", "object"}, {"required", {"id"}}};
    json::object page{{"type", "object"}, {"required", {"items"}}};
    std::vector<http::ParamDoc> paging = {{.name = "page", .schema = {{"type", "integer"}}},
                                          {.name = "page_size", .schema = {{"type", "integer"}}}};
    json::object fen_amount = fen;
    fen_amount["minimum"] = 1;
    fen_amount["maximum"] = kMaxFen;
    router.Describe(Method::kPost, "/api/v1/voucher-applications",
                    {.summary = "An enterprise applies for an innovation voucher in an open programme",
                     .tags = {"vouchers"},
                     .request = json::object{{"type", "object"},
                                             {"required",
                                              {"programme_id", "amount_fen", "staff", "revenue_fen",
                                               "registered_capital_fen", "founded_on"}},
                                             {"properties",
                                              {{"programme_id", id},
                                               {"amount_fen", fen_amount},
                                               {"staff", {{"type", "integer"}, {"minimum", 0}, {"maximum", 10000000}}},
                                               {"revenue_fen", fen},
                                               {"registered_capital_fen", fen},
                                               {"founded_on", {{"type", "string"}, {"format", "date"}}},
                                               {"startup_team", {{"type", "boolean"}}},
                                               {"purpose", {{"type", "string"}, {"maxLength", 1000}}}}}},
                     .response = object,
                     .errors = {400, 401, 403, 409, 422}});
    router.Describe(Method::kGet, "/api/v1/voucher-applications",
                    {.summary = "Applications: the enterprise's own, or the reviewers' queue",
                     .tags = {"vouchers"},
                     .params = paging,
                     .response = page,
                     .errors = {401, 403, 422}});
    router.Describe(Method::kGet, "/api/v1/voucher-applications/{id}",
                    {.summary = "One application with its steps",
                     .tags = {"vouchers"},
                     .response = object,
                     .errors = {401, 403, 404}});
    router.Describe(Method::kGet, "/api/v1/vouchers",
                    {.summary = "Vouchers issued (the holder's own, or in the caller's scope), balances in fen",
                     .tags = {"vouchers"},
                     .params = paging,
                     .response = page,
                     .errors = {401, 403, 422}});
    router.Describe(
        Method::kGet, "/api/v1/vouchers/{id}",
        {.summary = "One voucher with its uses", .tags = {"vouchers"}, .response = object, .errors = {401, 403, 404}});
    router.Describe(
        Method::kPost, "/api/v1/voucher-claims",
        {.summary = "The provider claims the voucher part of a completed use, with its invoice",
         .tags = {"vouchers"},
         .request =
             json::object{{"type", "object"},
                          {"required", {"use_id", "invoice_no"}},
                          {"properties", {{"use_id", id}, {"invoice_no", {{"type", "string"}, {"maxLength", 40}}}}}},
         .response = object,
         .errors = {400, 401, 403, 404, 409, 422}});
    router.Describe(Method::kGet, "/api/v1/voucher-claims",
                    {.summary = "Claims: the provider's own, or the finance reviewers' queue",
                     .tags = {"vouchers"},
                     .params = Paged({QueryParam("status", Enum({"claimed", "approved", "refused", "settled"}))}),
                     .response = PageOf(http::SchemaRef("VoucherClaim")),
                     .errors = {401, 403, 422}});
    router.Describe(Method::kPost, "/api/v1/voucher-settlements",
                    {.summary = "Settle approved claims in one payment",
                     .tags = {"vouchers"},
                     .request = json::object{{"type", "object"},
                                             {"required", {"claim_ids", "payment_reference"}},
                                             {"properties",
                                              {{"claim_ids", {{"type", "array"}, {"maxItems", 500}, {"items", id}}},
                                               {"payment_reference", {{"type", "string"}, {"maxLength", 60}}}}}},
                     .response = object,
                     .errors = {400, 401, 403, 409, 422}});
}

}  // namespace keyuan::vouchers
