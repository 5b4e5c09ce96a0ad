#pragma once
// Made-up but well-formed identifiers: people's names, phone numbers, e-mail addresses on the
// reserved example.com domain, unified social credit codes, timestamps.

#include <cstdint>
#include <string>
#include <string_view>

#include "core/date.hpp"
#include "tools/demo/model.hpp"
#include "tools/demo/random.hpp"

namespace keyuan::demo {

/// A Chinese personal name, e.g. 王晓东.
std::string PersonName(Random& rng);
/// A Beijing landline, e.g. 010-62781234.
std::string OfficePhone(Random& rng);
/// A mainland mobile number, e.g. 13912345678.
std::string MobilePhone(Random& rng);
/// A contact person with an office phone and `mailbox`@org<id>.example.com.
Person MakeContact(Random& rng, std::int64_t org_id, std::string_view mailbox);

/// An 18-character unified social credit code: the registration authority and category
/// (`prefix2`, e.g. "91" for a company, "12" for a public institution), the division code,
/// a GB 11714 organisation code with its own check digit, and the GB 32100 check character.
/// `letters` gives new-style organisation codes ("MA…"); otherwise digits only.
std::string CreditCode(Random& rng, std::string_view prefix2, std::string_view division, bool letters);

/// A time on `day` during Beijing office hours, as RFC 3339 UTC ("2025-03-04T02:17:45Z").
std::string OfficeTime(Random& rng, Date day);

/// A day uniformly in [from, to].
Date DayBetween(Random& rng, Date from, Date to);

}  // namespace keyuan::demo
