#pragma once
// The slots the booking benchmark asks for, shared by the load generator (through keyuan's API)
// and the direct-SQL baseline, so that both ask for the same mix.
//
// Every instrument is open 00:00-24:00 local time in 60-minute slots (bench/booking/run.sh sets
// the rules). Slot 0 of `base_minute` (the first minute of a local day, UTC minutes since the
// epoch) on each instrument is the "hot" slot: run.sh books all of them before measuring, so a
// request for one is a deliberate collision (409). The other requests draw a day in
// [day_from, day_to] after base_minute and an hour at random; among those, collisions happen
// only by chance (about 1 % in a 60 s run).

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <random>
#include <string>
#include <vector>

namespace bench {

struct SlotMix {
    std::int64_t base_minute = 0;
    int day_from = 1;
    int day_to = 180;
    double hot_share = 0.2;
};

struct Slot {
    std::size_t instrument = 0;  // index into the instrument list
    std::int64_t start = 0;      // UTC minutes since the epoch
    std::int64_t end = 0;
    bool hot = false;
};

inline Slot DrawSlot(const SlotMix& mix, std::size_t instruments, std::mt19937_64& rng) {
    Slot s;
    s.instrument = std::uniform_int_distribution<std::size_t>(0, instruments - 1)(rng);
    s.hot = std::uniform_real_distribution<double>(0, 1)(rng) < mix.hot_share;
    if (s.hot) {
        s.start = mix.base_minute;
    } else {
        int day = std::uniform_int_distribution<int>(mix.day_from, mix.day_to)(rng);
        int hour = std::uniform_int_distribution<int>(0, 23)(rng);
        s.start = mix.base_minute + day * 1440LL + hour * 60LL;
    }
    s.end = s.start + 60;
    return s;
}

/// RFC 3339 UTC text of a minute, as keyuan writes it ("2026-12-07T01:30:00Z").
inline std::string MinuteText(std::int64_t minute) {
    std::time_t t = static_cast<std::time_t>(minute * 60);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

/// One non-empty line per entry.
inline std::vector<std::string> ReadLines(const std::string& path) {
    std::vector<std::string> out;
    if (FILE* f = std::fopen(path.c_str(), "r")) {
        char line[4096];
        while (std::fgets(line, sizeof line, f)) {
            std::string s(line);
            while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
            if (!s.empty()) out.push_back(s);
        }
        std::fclose(f);
    }
    return out;
}

/// The flags both programs share: the instruments, the slot mix, how long, the seed.
struct RunFlags {
    std::vector<std::string> instruments;
    SlotMix mix;
    double duration = 60;
    std::uint64_t seed = 1;

    /// Takes one of these flags; false for any other.
    bool Take(const std::string& flag, const std::string& v) {
        if (flag == "--instruments")
            instruments = ReadLines(v);
        else if (flag == "--duration")
            duration = std::stod(v);
        else if (flag == "--hot-share")
            mix.hot_share = std::stod(v);
        else if (flag == "--base-minute")
            mix.base_minute = std::stoll(v);
        else if (flag == "--day-from")
            mix.day_from = std::stoi(v);
        else if (flag == "--day-to")
            mix.day_to = std::stoi(v);
        else if (flag == "--seed")
            seed = std::stoull(v);
        else
            return false;
        return true;
    }
    bool Complete() const { return !instruments.empty() && mix.base_minute > 0; }
};

/// The p-th percentile (0-100) of latencies in microseconds, sorted in place; 0 when empty.
inline double PercentileMs(std::vector<std::int64_t>& us, double p) {
    if (us.empty()) return 0;
    std::sort(us.begin(), us.end());
    std::size_t i = static_cast<std::size_t>(p / 100.0 * static_cast<double>(us.size() - 1) + 0.5);
    return static_cast<double>(us[i]) / 1000.0;
}

/// The answers of a run; printed as the key=value lines bench/booking/run.sh reads.
struct Tally {
    std::int64_t ok = 0, conflict = 0, other = 0, net_errors = 0;
    std::vector<std::int64_t> latency_all, latency_ok;  // microseconds

    void Add(const Tally& t) {
        ok += t.ok;
        conflict += t.conflict;
        other += t.other;
        net_errors += t.net_errors;
        latency_all.insert(latency_all.end(), t.latency_all.begin(), t.latency_all.end());
        latency_ok.insert(latency_ok.end(), t.latency_ok.begin(), t.latency_ok.end());
    }

    void Print(double seconds) {
        auto n = [](std::int64_t v) { return static_cast<long long>(v); };
        std::int64_t answers = ok + conflict + other;
        std::printf("seconds=%.2f\nok=%lld\nconflict=%lld\nother=%lld\nnet_errors=%lld\n", seconds, n(ok), n(conflict),
                    n(other), n(net_errors));
        std::printf("ok_per_s=%.1f\nanswers_per_s=%.1f\nconflict_share=%.3f\n", static_cast<double>(ok) / seconds,
                    static_cast<double>(answers) / seconds,
                    answers ? static_cast<double>(conflict) / static_cast<double>(answers) : 0.0);
        std::printf("p50_all_ms=%.2f\np99_all_ms=%.2f\n", PercentileMs(latency_all, 50), PercentileMs(latency_all, 99));
        std::printf("p50_ok_ms=%.2f\np99_ok_ms=%.2f\n", PercentileMs(latency_ok, 50), PercentileMs(latency_ok, 99));
    }
};

}  // namespace bench
