#pragma once
// Routes by method and path pattern ("/api/v1/instruments/{id}"). Modules add their routes
// at start-up; lookups afterwards are read-only and thread-safe.

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "http/request.hpp"
#include "http/route_doc.hpp"

namespace keyuan::http {

using Handler = std::function<Response(Request&)>;

struct RouteOptions {
    /// False for handlers that never block (no database, no file I/O): they run on the
    /// network thread and skip the hop to the worker pool.
    bool blocking = true;
    /// For a blocking route that can often answer from memory: tried first on the network
    /// thread, for requests that carry no credentials (no middleware runs). It must not block
    /// or throw; nullopt sends the request on to the handler as usual.
    std::function<std::optional<Response>(const Request&)> from_memory;
    /// The largest body the route accepts; 0: the server's `max_body_bytes`. Only routes that
    /// take files raise it, so that every other route keeps the small limit.
    std::size_t max_body_bytes = 0;
};

/// What a lookup found.
struct RouteMatch {
    enum class Kind { kFound, kNotFound, kMethodNotAllowed };
    Kind kind = Kind::kNotFound;
    const Handler* handler = nullptr;
    RouteOptions options;
    std::vector<std::pair<std::string, std::string>> params;
    std::string allow;         // for kMethodNotAllowed: "GET, POST"
    std::string_view pattern;  // the route's pattern, as registered (lives as long as the router)
};

class Router {
public:
    /// Adds a route. Throws std::logic_error on a malformed or duplicate pattern.
    void Add(Method method, std::string_view pattern, Handler handler, RouteOptions options = {});
    void Get(std::string_view p, Handler h, RouteOptions o = {}) { Add(Method::kGet, p, std::move(h), o); }
    void Post(std::string_view p, Handler h, RouteOptions o = {}) { Add(Method::kPost, p, std::move(h), o); }
    void Patch(std::string_view p, Handler h, RouteOptions o = {}) { Add(Method::kPatch, p, std::move(h), o); }
    void Put(std::string_view p, Handler h, RouteOptions o = {}) { Add(Method::kPut, p, std::move(h), o); }
    void Delete(std::string_view p, Handler h, RouteOptions o = {}) { Add(Method::kDelete, p, std::move(h), o); }

    /// Finds the route for a decoded path. HEAD falls back to GET.
    RouteMatch Match(Method method, std::string_view path) const;

    /// The body limit of the route a request head names: the route's own, else `fallback`.
    std::size_t BodyLimit(Method method, std::string_view path, std::size_t fallback) const;
    /// The largest limit any route raised to (0 when none did).
    std::size_t LargestBodyLimit() const;

    /// Every (method, pattern), for the OpenAPI document and tests.
    std::vector<std::pair<Method, std::string>> Routes() const;

    /// Attaches the OpenAPI description to a route added before (throws std::logic_error if
    /// there is none): kept apart from RouteOptions so that matching never copies it.
    void Describe(Method method, std::string_view pattern, RouteDoc doc);
    /// A schema the descriptions refer to as #/components/schemas/NAME; the first one given wins.
    void AddSchema(const std::string& name, boost::json::value schema);

    struct DescribedRoute {
        Method method;
        std::string pattern;
        const RouteDoc* doc;  // nullptr: not described
    };
    /// Every route with its description, in the order they were added.
    std::vector<DescribedRoute> Described() const;
    const boost::json::object& Schemas() const { return schemas_; }

private:
    struct Segment {
        std::string text;
        bool is_param = false;
    };
    struct Route {
        Method method;
        std::string pattern;
        std::vector<Segment> segments;
        Handler handler;
        RouteOptions options;
        std::shared_ptr<const RouteDoc> doc;
    };
    static bool MatchSegments(const Route& route, const std::vector<std::string_view>& parts,
                              std::vector<std::pair<std::string, std::string>>* params);

    std::vector<Route> routes_;
    boost::json::object schemas_;
};

}  // namespace keyuan::http
