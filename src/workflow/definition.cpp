#include "workflow/definition.hpp"

#include <algorithm>
#include <set>
#include <stdexcept>

namespace keyuan::workflow {

const State* Definition::FindState(std::string_view name) const {
    auto it = std::find_if(states.begin(), states.end(), [&](const State& s) { return s.name == name; });
    return it == states.end() ? nullptr : &*it;
}

const Transition* Definition::FindTransition(std::string_view action) const {
    auto it =
        std::find_if(transitions.begin(), transitions.end(), [&](const Transition& t) { return t.action == action; });
    return it == transitions.end() ? nullptr : &*it;
}

void Validate(const Definition& d) {
    std::vector<std::string> faults;
    auto fault = [&](const std::string& what) { faults.push_back(what); };
    if (d.kind.empty() || d.table.empty()) fault("kind and table are required");
    if (!d.load) fault("load is required");
    if (!d.FindState(d.initial)) fault("initial state '" + d.initial + "' is not declared");
    std::set<std::string> actions;
    for (const Transition& t : d.transitions) {
        if (!actions.insert(t.action).second) fault("action '" + t.action + "' is declared twice");
        if (t.action.empty() || t.action.find_first_not_of("abcdefghijklmnopqrstuvwxyz_") != std::string::npos) {
            fault("action '" + t.action + "' must be lower-case letters and _");
        }
        if (!d.FindState(t.to)) fault(t.action + ": target state '" + t.to + "' is not declared");
        if (t.from.empty()) fault(t.action + ": no state to leave from");
        for (const std::string& from : t.from) {
            if (!d.FindState(from)) fault(t.action + ": source state '" + from + "' is not declared");
        }
        if (t.who.empty()) fault(t.action + ": nobody may perform it");
        for (const Grant& g : t.who) {
            if (RoleName(g.role).empty()) fault(t.action + ": unknown role");
        }
        if (t.keeps_reason && d.reason_column.empty()) fault(t.action + ": keeps_reason without a reason_column");
    }
    // Every state must be reachable from the initial one.
    std::set<std::string> reached = {d.initial};
    for (bool grew = true; grew;) {
        grew = false;
        for (const Transition& t : d.transitions) {
            bool from_reached =
                std::any_of(t.from.begin(), t.from.end(), [&](const auto& f) { return reached.count(f); });
            if (from_reached && reached.insert(t.to).second) grew = true;
        }
    }
    for (const State& s : d.states) {
        if (!reached.count(s.name)) fault("state '" + s.name + "' cannot be reached from '" + d.initial + "'");
    }
    if (faults.empty()) return;
    std::string message = "workflow " + d.kind + ":";
    for (const std::string& f : faults) message += " " + f + ";";
    throw std::logic_error(message);
}

}  // namespace keyuan::workflow
