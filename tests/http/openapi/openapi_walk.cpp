#include "http/openapi/openapi_walk.hpp"

#include <cctype>

#include "support/json_schema.hpp"

namespace keyuan::testing {
namespace json = boost::json;

::testing::AssertionResult Conforms(const json::value& document, const std::string& method, const std::string& pattern,
                                    const HttpResponse& response) {
    std::string path = pattern.substr(std::string("/api/v1").size()), verb = method;
    for (char& c : verb) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const json::value* item = document.at("paths").as_object().if_contains(path);
    const json::value* operation = item ? item->as_object().if_contains(verb) : nullptr;
    if (!operation) return ::testing::AssertionFailure() << method << " " << pattern << " is not in the document";
    const json::value* declared = operation->at("responses").as_object().if_contains(std::to_string(response.status));
    if (!declared) {
        return ::testing::AssertionFailure() << method << " " << pattern << " answered " << response.status
                                             << ", which the document does not list: " << response.body;
    }
    if (const json::value* ref = declared->as_object().if_contains("$ref")) {
        std::string name(ref->as_string());
        declared = document.at("components").at("responses").as_object().if_contains(name.substr(name.rfind('/') + 1));
        if (!declared) return ::testing::AssertionFailure() << "dangling " << name;
    }
    const json::value* content = declared->as_object().if_contains("content");
    const json::value* media = content ? content->as_object().if_contains("application/json") : nullptr;
    // A file (CSV, XLSX, a download) is checked for being declared as one: its bytes are not JSON.
    std::string type = response.Header("content-type");
    type = type.substr(0, type.find(';'));
    if (!type.empty() && type != "application/json" && content) {
        for (const auto& [declared_type, _] : content->as_object()) {
            if (declared_type != "application/json") return ::testing::AssertionSuccess();
        }
        return ::testing::AssertionFailure()
               << method << " " << pattern << " answered " << type << ", which the document does not declare";
    }
    if (!media) return ::testing::AssertionSuccess();
    json::value body;
    try {
        body = response.Json();
    } catch (const std::exception& e) {
        return ::testing::AssertionFailure() << method << " " << pattern << ": not JSON: " << response.body;
    }
    std::vector<std::string> violations = SchemaViolations(document, media->at("schema"), body);
    if (violations.empty()) return ::testing::AssertionSuccess();
    auto failure = ::testing::AssertionFailure();
    failure << method << " " << pattern << " " << response.status << " breaks its schema:";
    for (const std::string& v : violations) failure << "\n  " << v;
    return failure << "\n  body: " << response.body.substr(0, 2000);
}

::testing::AssertionResult AnswersWith(const json::value& document, const std::string& method,
                                       const std::string& pattern, const HttpResponse& response, int status) {
    if (response.status != status) {
        return ::testing::AssertionFailure() << method << " " << pattern << " answered " << response.status << ", not "
                                             << status << ": " << response.body.substr(0, 500);
    }
    return Conforms(document, method, pattern, response);
}

std::vector<std::pair<std::string, std::string>> RegisteredKinds(const json::value& document) {
    std::vector<std::pair<std::string, std::string>> out;
    const std::string prefix = "#/components/schemas/";
    for (const auto& [path, item] : document.at("paths").as_object()) {
        const json::value* post = item.as_object().if_contains("post");
        if (!post || std::string_view(path).find('{') != std::string_view::npos) continue;
        const json::value* body = post->as_object().if_contains("requestBody");
        if (!body) continue;
        const json::value* media = body->at("content").as_object().if_contains("application/json");
        const json::value* ref = media ? media->at("schema").as_object().if_contains("$ref") : nullptr;
        if (!ref) continue;
        std::string name(ref->as_string());
        if (!name.starts_with(prefix) || !name.ends_with("Create")) continue;
        name = name.substr(prefix.size(), name.size() - prefix.size() - 6);
        out.emplace_back(name, "/api/v1" + std::string(path));
    }
    return out;
}

}  // namespace keyuan::testing
