#!/usr/bin/env bash
# Fails when an include crosses a module boundary (docs/CONTRIBUTING.md, docs/ARCHITECTURE.md):
#  - core includes only core;
#  - the platform layers (store, http, search, exchange, access, changes, jobs, workflow, registry)
#    include no module, except the registration interface modules/module_context.hpp;
#  - a module reaches another only through its module.hpp, service.hpp or settings.hpp.
set -euo pipefail
cd "$(dirname "$0")/.."
status=0
fail() { echo "boundary: $*" >&2; status=1; }

while IFS= read -r line; do
  fail "core reaches outward: $line"
done < <(grep -rn '#include "' src/core | grep -v '#include "core/' || true)

for layer in store http search exchange access changes jobs workflow registry; do
  while IFS= read -r line; do
    fail "$layer includes a module: $line"
  done < <(grep -rn '#include "modules/' "src/$layer" | grep -v 'modules/module_context.hpp' || true)
done

for dir in src/modules/*/; do
  module=$(basename "$dir")
  while IFS= read -r line; do
    fail "$module reaches into another module's internals: $line"
  done < <(grep -rn '#include "modules/' "$dir" | grep -v "modules/$module/" | grep -v 'modules/module_context.hpp' |
    grep -Ev 'modules/[a-z_]+/(module|service|settings)\.hpp' || true)
done
exit $status
