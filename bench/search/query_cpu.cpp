// CPU per uncached query, without HTTP: opens a keyuan search index, answers every query of a
// mix (bench/search/queries.tsv: "text<TAB>type") ROUNDS times on one thread with the result
// cache off, and prints the thread CPU time per query, per query of the mix and in all. This
// isolates the engine's cost from the server's, and is what `perf record` is pointed at:
//
//   build/bench/search_query_cpu INDEX_DIR bench/search/queries.tsv [ROUNDS]
#include <time.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "search/index.hpp"

namespace {

double ThreadCpuMs() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

struct Line {
    std::string text, type;
    double ms = 0;
    std::int64_t total = 0;
    bool exact = true;
};

std::vector<Line> ReadMix(const char* path) {
    std::vector<Line> mix;
    std::ifstream in(path);
    for (std::string line; std::getline(in, line);) {
        if (line.empty() || line[0] == '#') continue;
        std::size_t tab = line.find('\t');
        mix.push_back({line.substr(0, tab), tab == std::string::npos ? "" : line.substr(tab + 1)});
    }
    return mix;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::cerr << "usage: search_query_cpu INDEX_DIR QUERIES_TSV [ROUNDS]\n";
        return 2;
    }
    int rounds = argc > 3 ? std::atoi(argv[3]) : 5;
    std::vector<Line> mix = ReadMix(argv[2]);
    keyuan::search::SearchIndex index(argv[1], 0);
    std::string today = keyuan::clock::TodayShanghai();
    auto ask = [&index, &today](Line& l) {
        keyuan::search::SearchQuery q;
        q.text = l.text;
        if (!l.type.empty()) q.types = {l.type};
        q.open_on = today;  // as the search route asks: only what is still offered today
        auto r = index.Search(q);
        l.total = r->total;
        l.exact = r->total_exact;
    };
    for (Line& l : mix) ask(l);  // warm the page cache
    double all = 0;
    for (int round = 0; round < rounds; ++round) {
        for (Line& l : mix) {
            double t0 = ThreadCpuMs();
            ask(l);
            double ms = ThreadCpuMs() - t0;
            l.ms += ms / rounds;
            all += ms;
        }
    }
    std::sort(mix.begin(), mix.end(), [](const Line& a, const Line& b) { return a.ms > b.ms; });
    for (const Line& l : mix) {
        std::printf("%8.2f ms  %7lld%s  %s%s%s\n", l.ms, static_cast<long long>(l.total), l.exact ? " " : "+",
                    l.text.c_str(), l.type.empty() ? "" : "  type=", l.type.c_str());
    }
    std::printf("mean CPU per query: %.2f ms over %zu queries x %d rounds\n",
                all / static_cast<double>(mix.size() * static_cast<std::size_t>(rounds)), mix.size(), rounds);
}
