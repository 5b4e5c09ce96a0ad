#include "http/json.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

namespace keyuan::http {
namespace {

Request JsonRequest(std::string body, std::string type = "application/json") {
    Request r;
    r.headers.push_back({"content-type", std::move(type)});
    r.body = std::move(body);
    return r;
}

ErrorCode CodeOf(const Request& r) {
    try {
        ParseJsonObject(r);
    } catch (const ApiError& e) {
        return e.error().code;
    }
    return ErrorCode::kInternal;
}

TEST(ParseJsonObject, RejectsBadInputWithTheRightCode) {
    EXPECT_EQ(CodeOf(JsonRequest("{\"a\":")), ErrorCode::kInvalidJson);
    EXPECT_EQ(CodeOf(JsonRequest("[1,2]")), ErrorCode::kInvalidJson);
    EXPECT_EQ(CodeOf(JsonRequest("{\"a\":\"\xff\xfe\"}")), ErrorCode::kInvalidJson);  // bad UTF-8
    EXPECT_EQ(CodeOf(JsonRequest("{\"a\":1}", "text/plain")), ErrorCode::kUnsupportedMediaType);
    std::string deep(100, '[');
    EXPECT_EQ(CodeOf(JsonRequest("{\"a\":" + deep + "}")), ErrorCode::kInvalidJson);
    EXPECT_NO_THROW(ParseJsonObject(JsonRequest("{\"名称\":\"质谱仪\"}", "application/json; charset=utf-8")));
}

TEST(JsonReader, CollectsEveryBadFieldIncludingUnknownOnes) {
    auto obj =
        boost::json::parse(R"({"name": 5, "count": "x", "kind": "zzz", "date": "2026-02-30", "extra": 1})").as_object();
    JsonReader r(obj);
    r.String("name", {.required = true});
    r.Int("count", true, 0, 10);
    r.Enum("kind", true, {"a", "b"});
    r.Date("date", true);
    r.String("missing", {.required = true});
    try {
        r.Finish();
        FAIL() << "no error";
    } catch (const ApiError& e) {
        std::vector<std::string> fields;
        for (const auto& f : e.error().fields) fields.push_back(f.field);
        EXPECT_EQ(fields, (std::vector<std::string>{"name", "count", "kind", "date", "missing", "extra"}));
        EXPECT_EQ(e.error().code, ErrorCode::kValidationFailed);
    }
}

TEST(JsonReader, CountsCharactersNotBytes) {
    auto obj = boost::json::parse(R"({"name": "扫描电子显微镜"})").as_object();  // 7 characters, 21 bytes
    JsonReader ok(obj);
    EXPECT_EQ(ok.String("name", {.required = true, .max_chars = 7}).value(), "扫描电子显微镜");
    EXPECT_NO_THROW(ok.Finish());
    JsonReader too_long(obj);
    too_long.String("name", {.required = true, .max_chars = 6});
    EXPECT_THROW(too_long.Finish(), ApiError);
}

TEST(JsonReader, ValidDates) {
    auto obj = boost::json::parse(R"({"a": "2024-02-29", "b": "2023-02-29", "c": "2026-13-01"})").as_object();
    JsonReader r(obj);
    EXPECT_TRUE(r.Date("a", true).has_value());
    EXPECT_FALSE(r.Date("b", true).has_value());
    EXPECT_FALSE(r.Date("c", true).has_value());
}

TEST(ErrorBody, HasTheApiShapeInBothLanguages) {
    Error e = Error::Validation({{"credit_code", {"校验位错误", "Wrong check character"}}});
    auto zh = boost::json::parse(ErrorBody(e, Lang::kZh));
    EXPECT_EQ(zh.at("error").at("code").as_string(), "validation_failed");
    EXPECT_EQ(zh.at("error").at("fields").at(0).at("message").as_string(), "校验位错误");
    auto en = boost::json::parse(ErrorBody(e, Lang::kEn));
    EXPECT_EQ(en.at("error").at("fields").at(0).at("message").as_string(), "Wrong check character");
    EXPECT_FALSE(
        boost::json::parse(ErrorBody(Error::NotFound(), Lang::kZh)).at("error").as_object().contains("fields"));
}

TEST(ErrorCodes, MapToStatuses) {
    EXPECT_EQ(ErrorCodeStatus(ErrorCode::kNotFound), 404);
    EXPECT_EQ(ErrorCodeStatus(ErrorCode::kConflict), 409);
    EXPECT_EQ(ErrorCodeStatus(ErrorCode::kPayloadTooLarge), 413);
    EXPECT_EQ(ErrorCodeStatus(ErrorCode::kRateLimited), 429);
    EXPECT_STREQ(ErrorCodeName(ErrorCode::kValidationFailed), "validation_failed");
}

}  // namespace
}  // namespace keyuan::http
