#pragma once
// UTF-8 decoding and encoding shared by search folding, request validation and file imports.

#include <cstddef>
#include <string>
#include <string_view>

namespace keyuan::utf8 {

/// Decodes one UTF-8 sequence at `i`; returns the code point and advances, or -1 for a bad
/// byte (overlong forms, surrogates and values beyond U+10FFFF are bad too).
long NextCodePoint(std::string_view s, std::size_t& i);

/// Appends code point `cp` encoded as UTF-8.
void AppendUtf8(std::string& out, long cp);

/// How many characters (code points) valid UTF-8 `text` holds: what a person counts, and what
/// every limit "at most N characters" of the API means (a Chinese character is three bytes).
std::size_t CountCodePoints(std::string_view text);

/// The longest prefix of `text` of at most `max_bytes` bytes that does not cut a character in two.
std::string_view Prefix(std::string_view text, std::size_t max_bytes);

/// Whether `text` is well-formed UTF-8.
bool IsValid(std::string_view text);

/// Which control characters text from a client may hold.
enum class Controls {
    kNone,        // names, paths, query parameters: no C0 control and no DEL at all
    kLineBreaks,  // free text: tab, line feed and carriage return, nothing else
};

/// Whether `text` is well-formed UTF-8 holding no control character beyond what `allowed`
/// lets through. NUL in particular never passes: PostgreSQL cannot store it, and text cut at
/// a NUL would no longer match what was checked or hashed.
bool IsCleanText(std::string_view text, Controls allowed);

}  // namespace keyuan::utf8
