#pragma once
// Query-side economy for the CJK n-gram index, shared by query.cpp and its tests.

#include <xapian.h>

namespace keyuan::search::detail {

/// The same query without the CJK single-character terms that an AND already implies through
/// a sibling bigram: the index holds 质 and 谱 wherever it holds 质谱, so AND(质, 质谱, 谱)
/// matches exactly what 质谱 alone matches, but walks two long posting lists fewer. Descends
/// through AND, OR, AND_NOT, AND_MAYBE and XOR; leaves phrases (which need the unigrams'
/// positions) and everything else as they are. Thread-safe.
Xapian::Query DropImpliedUnigrams(const Xapian::Query& query);

}  // namespace keyuan::search::detail
