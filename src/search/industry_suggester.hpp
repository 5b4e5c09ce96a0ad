#pragma once
// Proposes GB/T 4754-2017 industry codes for a piece of text (a new lab, instrument,
// service or achievement), so that units classify consistently (seed 000).

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace keyuan::search {

struct IndustrySuggestion {
    std::string code;
    std::string name;
    int score = 0;                    // 0–100, relative to the best possible match
    std::vector<std::string> hitech;  // names of catalog industries the code belongs to
};

class IndustrySuggester {
public:
    /// Indexes every 4-digit code with its name, description and the catalog's scope phrases.
    explicit IndustrySuggester(store::Database& db);
    ~IndustrySuggester();

    /// Up to `limit` codes, best first. Thread-safe.
    std::vector<IndustrySuggestion> Suggest(const std::string& text, int limit) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace keyuan::search
