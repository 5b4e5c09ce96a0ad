#include "http/router.hpp"

#include <algorithm>
#include <stdexcept>

namespace keyuan::http {
namespace {

std::vector<std::string_view> SplitPath(std::string_view path) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (start <= path.size()) {
        std::size_t slash = path.find('/', start);
        if (slash == std::string_view::npos) slash = path.size();
        if (slash > start) parts.push_back(path.substr(start, slash - start));
        start = slash + 1;
    }
    return parts;
}

}  // namespace

void Router::Add(Method method, std::string_view pattern, Handler handler, RouteOptions options) {
    if (!pattern.starts_with('/')) throw std::logic_error("route pattern must start with '/': " + std::string(pattern));
    Route route{method, std::string(pattern), {}, std::move(handler), options, nullptr};
    for (std::string_view part : SplitPath(pattern)) {
        bool is_param = part.size() > 2 && part.front() == '{' && part.back() == '}';
        route.segments.push_back(Segment{std::string(is_param ? part.substr(1, part.size() - 2) : part), is_param});
    }
    for (const Route& existing : routes_) {
        if (existing.method == method && existing.pattern == route.pattern) {
            throw std::logic_error("duplicate route " + std::string(MethodName(method)) + " " + route.pattern);
        }
    }
    routes_.push_back(std::move(route));
}

bool Router::MatchSegments(const Route& route, const std::vector<std::string_view>& parts,
                           std::vector<std::pair<std::string, std::string>>* params) {
    if (route.segments.size() != parts.size()) return false;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (!route.segments[i].is_param && route.segments[i].text != parts[i]) return false;
    }
    if (params) {
        params->clear();
        for (std::size_t i = 0; i < parts.size(); ++i) {
            if (route.segments[i].is_param) params->emplace_back(route.segments[i].text, std::string(parts[i]));
        }
    }
    return true;
}

std::size_t Router::BodyLimit(Method method, std::string_view path, std::size_t fallback) const {
    RouteMatch match = Match(method, path);
    if (match.kind != RouteMatch::Kind::kFound || match.options.max_body_bytes == 0) return fallback;
    return match.options.max_body_bytes;
}

std::size_t Router::LargestBodyLimit() const {
    std::size_t largest = 0;
    for (const Route& route : routes_) largest = std::max(largest, route.options.max_body_bytes);
    return largest;
}

RouteMatch Router::Match(Method method, std::string_view path) const {
    std::vector<std::string_view> parts = SplitPath(path);
    RouteMatch match;
    const Route* best = nullptr;
    std::size_t best_literals = 0;
    for (const Route& route : routes_) {
        if (!MatchSegments(route, parts, nullptr)) continue;
        bool method_ok = route.method == method || (method == Method::kHead && route.method == Method::kGet);
        if (!method_ok) {
            if (match.allow.find(MethodName(route.method)) == std::string::npos) {
                if (!match.allow.empty()) match.allow += ", ";
                match.allow += MethodName(route.method);
            }
            continue;
        }
        // Prefer the route with the most literal segments: /labs/export over /labs/{id}.
        std::size_t literals = 0;
        for (const Segment& s : route.segments) literals += s.is_param ? 0 : 1;
        if (!best || literals > best_literals) {
            best = &route;
            best_literals = literals;
        }
    }
    if (best) {
        match.kind = RouteMatch::Kind::kFound;
        match.handler = &best->handler;
        match.options = best->options;
        match.pattern = best->pattern;
        MatchSegments(*best, parts, &match.params);
    } else if (!match.allow.empty()) {
        match.kind = RouteMatch::Kind::kMethodNotAllowed;
    }
    return match;
}

std::vector<std::pair<Method, std::string>> Router::Routes() const {
    std::vector<std::pair<Method, std::string>> out;
    out.reserve(routes_.size());
    for (const Route& r : routes_) out.emplace_back(r.method, r.pattern);
    return out;
}

void Router::Describe(Method method, std::string_view pattern, RouteDoc doc) {
    for (Route& route : routes_) {
        if (route.method == method && route.pattern == pattern) {
            route.doc = std::make_shared<const RouteDoc>(std::move(doc));
            return;
        }
    }
    throw std::logic_error("describing a route never added: " + std::string(MethodName(method)) + " " +
                           std::string(pattern));
}

void Router::AddSchema(const std::string& name, boost::json::value schema) {
    if (!schemas_.contains(name)) schemas_[name] = std::move(schema);
}

std::vector<Router::DescribedRoute> Router::Described() const {
    std::vector<DescribedRoute> out;
    out.reserve(routes_.size());
    for (const Route& r : routes_) out.push_back(DescribedRoute{r.method, r.pattern, r.doc.get()});
    return out;
}

}  // namespace keyuan::http
