#pragma once
// Text folding applied to everything indexed and every query, so that 質譜 finds 质谱,
// ＳＥＭ finds SEM and Orbitrap finds orbitrap.

#include <string>
#include <string_view>

namespace keyuan::search {

/// Traditional → simplified Chinese (OpenCC t2s), full-width → half-width, ASCII lower case.
/// Invalid UTF-8 bytes are dropped. Thread-safe.
std::string FoldText(std::string_view text);

}  // namespace keyuan::search
