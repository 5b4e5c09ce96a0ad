#pragma once
// Abbreviations people type for instruments and methods (电镜, SEM, 核磁 …). The index adds
// them to every document that spells out the full term, so any query form finds it.

#include <string>

namespace keyuan::search {

/// The abbreviations of full terms found in `folded_text`, separated by spaces ("" if none).
std::string AbbreviationsFor(const std::string& folded_text);

}  // namespace keyuan::search
