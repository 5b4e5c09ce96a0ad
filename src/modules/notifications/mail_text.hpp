#pragma once
// What an e-mail says for a notification. The web renders the inbox from kind and params in
// the browser's language; a mail has to carry its text, so the server writes it here: Chinese
// first, English below, per kind, and a general text for kinds it does not know yet (service
// orders and whatever comes next still send something sensible).

#include <boost/json/object.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace keyuan::notifications {

struct MailText {
    std::string subject;
    std::string body;  // lines separated by "\n"
};

/// The subject and body for a notification of `kind` with `params` (as Notify stored them).
/// Every value taken from params is cleaned (CleanText), so no parameter can add a line or a
/// header.
MailText MailTextOf(std::string_view kind, const boost::json::object& params);

/// `text` on one line: control characters (CR and LF included) and Unicode line separators
/// become spaces, bad UTF-8 becomes U+FFFD, and more than `max_bytes` is cut at a character
/// boundary with "…".
std::string CleanText(std::string_view text, std::size_t max_bytes = 200);

}  // namespace keyuan::notifications
