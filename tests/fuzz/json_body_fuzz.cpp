// JSON request bodies as every handler reads them: refused in the API's error shape or
// accepted, and when accepted, no string holds a control character other than tab and line
// breaks (what is stored and hashed is exactly what came in); typed reading of its fields
// collects problems into a validation error whose answer is itself valid JSON.
#include <cstdint>
#include <cstdlib>
#include <string>

#include <boost/json.hpp>

#include "core/error.hpp"
#include "http/json.hpp"

namespace {

void CheckStrings(const boost::json::value& v) {
    if (v.is_string()) {
        for (unsigned char c : v.get_string()) {
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') std::abort();
        }
    } else if (v.is_array()) {
        for (const auto& item : v.get_array()) CheckStrings(item);
    } else if (v.is_object()) {
        for (const auto& [key, item] : v.get_object()) {
            for (unsigned char c : key) {
                if (c < 0x20) std::abort();
            }
            CheckStrings(item);
        }
    }
}

/// Reads the fields an endpoint might declare; the refusal must name them in a JSON answer.
void ReadFields(const boost::json::object& body) {
    keyuan::http::JsonReader reader(body);
    reader.String("name", {.required = true, .max_chars = 20, .min_chars = 1});
    reader.Int("count", false, -5, 1000);
    reader.Bool("active", false);
    reader.Enum("kind", false, {"lab", "instrument"});
    reader.Date("date", false);
    reader.StringList("tags", false, 5, 10);
    reader.Raw("extra");
    try {
        reader.Finish();
    } catch (const keyuan::ApiError& e) {
        std::error_code ec;
        boost::json::parse(keyuan::http::ErrorBody(e.error(), keyuan::http::Lang::kEn), ec);
        if (ec || e.error().fields.empty()) std::abort();
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    keyuan::http::Request request;
    request.headers.push_back({"content-type", "application/json; charset=utf-8"});
    request.body.assign(reinterpret_cast<const char*>(data), size);
    try {
        boost::json::object body = keyuan::http::ParseJsonObject(request);
        CheckStrings(body);
        ReadFields(body);
    } catch (const keyuan::ApiError& e) {
        if (e.error().code == keyuan::ErrorCode::kInternal) std::abort();
    }
    return 0;
}
