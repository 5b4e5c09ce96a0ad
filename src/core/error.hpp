#pragma once
// Expected outcomes as values: an Error carries a stable machine code, a message safe to show
// a person (zh-CN and en), the HTTP status it maps to, and every bad field.

#include <string>
#include <utility>
#include <vector>

namespace keyuan {

/// Stable machine words of the API's error shape (../shared/API.md "Errors").
enum class ErrorCode {
    kValidationFailed,
    kBadRequest,
    kInvalidJson,
    kUnauthenticated,
    kForbidden,
    kCsrfFailed,
    kPasswordChangeRequired,
    kSecondFactorRequired,
    kNotFound,
    kMethodNotAllowed,
    kConflict,
    kPreconditionFailed,
    kPayloadTooLarge,
    kUnsupportedMediaType,
    kUnprocessable,
    kRateLimited,
    kHeadersTooLarge,
    kInternal,
    kUnavailable,
};

/// The wire word for a code, e.g. "validation_failed".
const char* ErrorCodeName(ErrorCode code);
/// The HTTP status a code maps to.
int ErrorCodeStatus(ErrorCode code);

/// A message in the two languages the platform speaks.
struct Text {
    std::string zh;
    std::string en;
};

/// One bad field of a request; `field` is a dotted path such as "contacts.0.phone".
struct FieldError {
    std::string field;
    Text message;
};

/// An expected failure that the client may see in full.
struct Error {
    ErrorCode code = ErrorCode::kInternal;
    Text message;
    std::vector<FieldError> fields;

    static Error Make(ErrorCode code, std::string zh, std::string en) {
        return Error{code, Text{std::move(zh), std::move(en)}, {}};
    }
    static Error NotFound() { return Make(ErrorCode::kNotFound, "对象不存在", "Not found"); }
    static Error Forbidden() { return Make(ErrorCode::kForbidden, "无权执行此操作", "Not allowed"); }
    static Error Unauthenticated() { return Make(ErrorCode::kUnauthenticated, "请先登录", "Authentication required"); }
    static Error Conflict(std::string zh, std::string en) {
        return Make(ErrorCode::kConflict, std::move(zh), std::move(en));
    }
    static Error BadRequest(std::string zh, std::string en) {
        return Make(ErrorCode::kBadRequest, std::move(zh), std::move(en));
    }
    /// A 500 that names only the incident (the request id); the log holds the cause.
    static Error Internal(const std::string& incident) {
        return Make(ErrorCode::kInternal, "服务器内部错误，事件编号 " + incident,
                    "Internal error, incident " + incident);
    }
    static Error PayloadTooLarge() { return Make(ErrorCode::kPayloadTooLarge, "请求体过大", "Request body too large"); }
    static Error Validation(std::vector<FieldError> fields) {
        Error e = Make(ErrorCode::kValidationFailed, "请求数据有误", "The request has invalid fields");
        e.fields = std::move(fields);
        return e;
    }
};

/// Thrown where unwinding is the clearest way out of deep parsing or a transaction body;
/// the HTTP layer turns it into the API's error shape.
class ApiError : public std::exception {
public:
    explicit ApiError(Error error) : error_(std::move(error)) {}
    const Error& error() const noexcept { return error_; }
    const char* what() const noexcept override { return ErrorCodeName(error_.code); }

private:
    Error error_;
};

/// Collects field errors so that a request reports every bad field, not only the first.
class FieldErrors {
public:
    void Add(std::string field, std::string zh, std::string en) {
        items_.push_back(FieldError{std::move(field), Text{std::move(zh), std::move(en)}});
    }
    bool empty() const { return items_.empty(); }
    const std::vector<FieldError>& items() const { return items_; }
    /// Throws ApiError(validation_failed) when any field was added.
    void ThrowIfAny() const {
        if (!items_.empty()) throw ApiError(Error::Validation(items_));
    }

private:
    std::vector<FieldError> items_;
};

}  // namespace keyuan
