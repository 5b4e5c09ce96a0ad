#include "core/error.hpp"

namespace keyuan {

const char* ErrorCodeName(ErrorCode code) {
    switch (code) {
        case ErrorCode::kValidationFailed: return "validation_failed";
        case ErrorCode::kBadRequest: return "bad_request";
        case ErrorCode::kInvalidJson: return "invalid_json";
        case ErrorCode::kUnauthenticated: return "unauthenticated";
        case ErrorCode::kForbidden: return "forbidden";
        case ErrorCode::kCsrfFailed: return "csrf_failed";
        case ErrorCode::kPasswordChangeRequired: return "password_change_required";
        case ErrorCode::kSecondFactorRequired: return "second_factor_required";
        case ErrorCode::kNotFound: return "not_found";
        case ErrorCode::kMethodNotAllowed: return "method_not_allowed";
        case ErrorCode::kConflict: return "conflict";
        case ErrorCode::kPreconditionFailed: return "precondition_failed";
        case ErrorCode::kPayloadTooLarge: return "payload_too_large";
        case ErrorCode::kUnsupportedMediaType: return "unsupported_media_type";
        case ErrorCode::kUnprocessable: return "unprocessable";
        case ErrorCode::kRateLimited: return "rate_limited";
        case ErrorCode::kHeadersTooLarge: return "headers_too_large";
        case ErrorCode::kInternal: return "internal";
        case ErrorCode::kUnavailable: return "unavailable";
    }
    return "internal";
}

int ErrorCodeStatus(ErrorCode code) {
    switch (code) {
        case ErrorCode::kValidationFailed: return 422;
        case ErrorCode::kBadRequest: return 400;
        case ErrorCode::kInvalidJson: return 400;
        case ErrorCode::kUnauthenticated: return 401;
        case ErrorCode::kForbidden: return 403;
        case ErrorCode::kCsrfFailed: return 403;
        case ErrorCode::kPasswordChangeRequired: return 403;
        case ErrorCode::kSecondFactorRequired: return 403;
        case ErrorCode::kNotFound: return 404;
        case ErrorCode::kMethodNotAllowed: return 405;
        case ErrorCode::kConflict: return 409;
        case ErrorCode::kPreconditionFailed: return 412;
        case ErrorCode::kPayloadTooLarge: return 413;
        case ErrorCode::kUnsupportedMediaType: return 415;
        case ErrorCode::kUnprocessable: return 422;
        case ErrorCode::kRateLimited: return 429;
        case ErrorCode::kHeadersTooLarge: return 431;
        case ErrorCode::kInternal: return 500;
        case ErrorCode::kUnavailable: return 503;
    }
    return 500;
}

}  // namespace keyuan
