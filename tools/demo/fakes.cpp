#include "tools/demo/fakes.hpp"

#include <array>
#include <cstdio>

#include "modules/catalog/credit_code.hpp"

namespace keyuan::demo {
namespace {

std::string Digits(Random& rng, int n) {
    std::string out;
    for (int i = 0; i < n; ++i) out += static_cast<char>('0' + rng.Int(0, 9));
    return out;
}

/// GB 11714-1997: the ninth character of an organisation code from its first eight.
char OrganizationCodeCheck(std::string_view body) {
    static constexpr std::array<int, 8> kWeights = {3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (std::size_t i = 0; i < 8; ++i) {
        char c = body[i];
        int value = c >= '0' && c <= '9' ? c - '0' : c - 'A' + 10;
        sum += value * kWeights[i];
    }
    int check = 11 - sum % 11;
    if (check == 10) return 'X';
    return static_cast<char>('0' + (check == 11 ? 0 : check));
}

}  // namespace

std::string PersonName(Random& rng) {
    return std::string(rng.Pick(Words("surname"))) + std::string(rng.Pick(Words("given_name")));
}

std::string OfficePhone(Random& rng) {
    static constexpr std::array<char, 4> kFirst = {'5', '6', '8', '6'};
    return "010-" + std::string(1, rng.Pick(kFirst)) + Digits(rng, 7);
}

std::string MobilePhone(Random& rng) {
    static constexpr std::array<std::string_view, 8> kPrefixes = {"139", "138", "136", "158",
                                                                  "186", "185", "133", "177"};
    return std::string(rng.Pick(kPrefixes)) + Digits(rng, 8);
}

Person MakeContact(Random& rng, std::int64_t org_id, std::string_view mailbox) {
    Person p;
    p.name = PersonName(rng);
    p.phone = OfficePhone(rng);
    p.email = std::string(mailbox) + "@org" + std::to_string(org_id) + ".example.com";
    return p;
}

std::string CreditCode(Random& rng, std::string_view prefix2, std::string_view division, bool letters) {
    // New-style codes issued since 2015 start with "MA" and a two-digit sequence; letters
    // exclude I, O, S, V, Z, which GB 32100 does not allow.
    static constexpr std::string_view kAlnum = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    std::string body = letters ? "MA0" + Digits(rng, 1) : Digits(rng, 4);
    while (body.size() < 8) body += letters ? kAlnum[rng.Index(kAlnum.size())] : static_cast<char>('0' + rng.Int(0, 9));
    std::string first17 = std::string(prefix2) + std::string(division) + body + OrganizationCodeCheck(body);
    return first17 + catalog::CreditCodeCheckCharacter(first17);
}

std::string OfficeTime(Random& rng, Date day) {
    // 09:00–17:59 in Beijing (UTC+8) is 01:00–09:59 UTC on the same day.
    char time[16];
    std::snprintf(time, sizeof time, "T%02d:%02d:%02dZ", static_cast<int>(rng.Int(1, 9)),
                  static_cast<int>(rng.Int(0, 59)), static_cast<int>(rng.Int(0, 59)));
    return day.ToString() + time;
}

Date DayBetween(Random& rng, Date from, Date to) {
    return Date::FromDays(rng.Int(from.days(), to.days()));
}

}  // namespace keyuan::demo
