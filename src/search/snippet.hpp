#pragma once
// The lines of a result's text shown under its title, with the words searched for marked.

#include <string>
#include <string_view>
#include <vector>

namespace keyuan::search {

/// The words of folded query text worth marking: split on white space, without Xapian's
/// operators (AND, OR, NOT) and signs, longest first; at most 16.
std::vector<std::string> WordsToMark(std::string_view folded);

/// About `length` bytes of `text` around the first place where one of `words` occurs (compared
/// ignoring ASCII case), cut at UTF-8 character boundaries, "…" where text was cut, HTML-escaped,
/// each occurrence of a word inside wrapped in <mark>…</mark>. The text's start when no word
/// occurs. Reads the text once per word: no tokenising, no index access.
std::string Snippet(std::string_view text, const std::vector<std::string>& words, std::size_t length = 160);

}  // namespace keyuan::search
