#pragma once
// Open challenges (揭榜挂帅, issue 18 §1, docs/design/challenges.md): a publisher (the operator, or a
// department) hangs out a key technical problem with its indicators, reward and deadline; units apply
// with a proposal; an expert panel scores every proposal; one or more are chosen; the task agreement's
// milestones are tracked to acceptance (验收).

#include "modules/module_context.hpp"

namespace keyuan::challenges {

void Register(modules::ModuleContext& context);
/// The search source of published challenges (type `challenge`), for one-shot commands too.
void Declare(modules::Declarations& declarations);

}  // namespace keyuan::challenges
