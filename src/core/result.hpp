#pragma once
// Result<T>: a value or an Error, for outcomes that are part of normal flow.

#include <cassert>
#include <utility>
#include <variant>

#include "core/error.hpp"

namespace keyuan {

template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : data_(std::move(value)) {}      // NOLINT(google-explicit-constructor)
    Result(Error error) : data_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

    bool ok() const { return data_.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& value() & {
        assert(ok() && "Result::value() on an error");
        return std::get<0>(data_);
    }
    const T& value() const& {
        assert(ok() && "Result::value() on an error");
        return std::get<0>(data_);
    }
    T&& value() && {
        assert(ok() && "Result::value() on an error");
        return std::get<0>(std::move(data_));
    }
    const Error& error() const {
        assert(!ok() && "Result::error() on a value");
        return std::get<1>(data_);
    }
    /// The value, or throws ApiError so the HTTP layer answers with the error.
    T ValueOrThrow() && {
        if (!ok()) throw ApiError(std::get<1>(std::move(data_)));
        return std::get<0>(std::move(data_));
    }

private:
    std::variant<T, Error> data_;
};

}  // namespace keyuan
