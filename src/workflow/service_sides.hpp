#pragma once
// The two sides of a service that a lifecycle runs between (bookings, orders): the provider
// unit that serves and its client. Who may act on each side, and the effect that tells the
// other side of a step, are the same for every such kind.

#include <functional>
#include <vector>

#include "core/role.hpp"
#include "workflow/definition.hpp"

namespace keyuan::workflow {

enum class Side { kClient, kProvider };

/// The provider side: the unit's admins within their organisation, the operators everywhere.
std::vector<Grant> ProviderGrants();

/// The client side: each of `roles` on its own objects and, with `assigned`, on those assigned
/// to it (a booking made for a colleague).
std::vector<Grant> ClientGrants(const std::vector<Role>& roles, bool assigned);

/// How a kind tells one side of its object about a step (a notice of `kind`, with the step's reason).
using Teller = void (*)(StepContext& step, Side side, const char* kind);

/// The effect that runs `check` first (it may refuse the step by throwing) and then tells `side`.
std::function<void(StepContext&)> Tell(Teller teller, Side side, const char* kind,
                                       std::function<void(StepContext&)> check = nullptr);

}  // namespace keyuan::workflow
