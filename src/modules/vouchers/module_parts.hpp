#pragma once
// The vouchers module's parts, as module.cpp wires them (internal to the module).

#include "access/policy.hpp"
#include "http/paging.hpp"
#include "modules/module_context.hpp"
#include "workflow/queues.hpp"
#include "workflow/workflow.hpp"

namespace keyuan::vouchers {

/// Policy actions: manage (the operator: programmes, providers, relations, reviews, corrections),
/// oversee (read every application, voucher, claim and report: operators and the finance bureau),
/// hold (an enterprise applies and spends), claim (a provider unit claims redemption), settle (the
/// finance bureau co-approves and pays).
void DeclarePermissions(access::Policy& policy);

/// /api/v1/voucher-programmes and their providers (programme_routes.cpp).
void RegisterProgrammeRoutes(modules::ModuleContext& context);
/// /api/v1/organization-relations (relation_routes.cpp).
void RegisterRelationRoutes(modules::ModuleContext& context);
/// /api/v1/voucher-applications (application_routes.cpp).
void RegisterApplicationRoutes(modules::ModuleContext& context, const workflow::Workflow& lifecycle);
/// /api/v1/vouchers: the holder's vouchers, balances, uses and movements (voucher_routes.cpp).
void RegisterVoucherRoutes(modules::ModuleContext& context);
/// /api/v1/voucher-claims and /api/v1/voucher-settlements (claim_routes.cpp).
void RegisterClaimRoutes(modules::ModuleContext& context);
/// Reports and corrections (report_routes.cpp).
void RegisterReportRoutes(modules::ModuleContext& context);

/// Whether the caller oversees vouchers (operators and the finance bureau).
bool Oversees(const access::Policy& policy, const Caller* caller);

/// A list's scope: everything for an overseer (returns true); otherwise the caller needs
/// `action` and sees its organisation's rows only (`column` = its org), 403 without one.
bool ScopeToOwnOrganization(const access::Policy& policy, const Caller* caller, std::string_view action,
                            std::string_view column, workflow::Conditions& where);

/// One page of a list: the count and the ids of `from` ("vouchers v") under `where` in `order`
/// (newest first by default), each shown by `show` (list_page.cpp).
boost::json::object ListPage(store::Database& db, const std::string& from, workflow::Conditions& where,
                             const http::Paging& paging,
                             const std::function<boost::json::object(store::Session&, std::int64_t)>& show,
                             const std::string& order = "1 DESC");

/// Describes the most used routes above for the OpenAPI document (route_docs.cpp).
void DescribeRoutes(http::Router& router);

}  // namespace keyuan::vouchers
