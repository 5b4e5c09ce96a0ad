#pragma once
// HTTP cases as data (tests/http/cases/README.md): a request and the answer it must get, many
// to a file. This reads the files; tests/http/cases_test.cpp sends the requests.

#include <string>
#include <utility>
#include <vector>

namespace keyuan::testing {

/// One line after `expect`: what else the answer must show.
struct CaseCheck {
    enum class Kind {
        kFields,           // fields: a b          the bad fields, exactly these, in this order
        kFieldsAnyOrder,   // fields (any order): a b
        kFieldsInclude,    // fields include: a b
        kMessage,          // message F: TEXT      the messages for F are exactly [TEXT]
        kMessageContains,  // message F contains: TEXT
        kJson,             // json /POINTER: VALUE
        kIdsInclude,       // ids include: ID …    a list answer's items
        kIdsExclude,       // ids exclude: ID …
    };
    int line = 0;
    Kind kind = Kind::kFields;
    std::string subject;             // the field, or the JSON pointer
    std::vector<std::string> words;  // field names or ids
    std::string text;                // the message, or the JSON value
};

/// One request and its expected answer. Text may hold ${variables}, filled in when it runs.
struct HttpCase {
    std::string file;  // the case file's path
    int line = 0;      // of its `case` line
    std::string name;
    std::string caller;  // a username of the fixture, or "visitor"
    std::string method, target;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
    int status = 0;
    std::string code;  // the error code, when the answer is an error
    std::vector<CaseCheck> checks;
};

/// A line of a case file that could not be read, and why.
struct CaseFileError {
    int line = 0;
    std::string why;
};

/// What a case file holds: its cases, and the lines it could not read.
struct CaseFile {
    std::vector<HttpCase> cases;
    std::vector<CaseFileError> errors;
};

/// Reads the case file at `path`.
CaseFile ReadCaseFile(const std::string& path);

/// `name` as a test name: lower-case letters, digits and single underscores.
std::string CaseTestName(const std::string& name);

}  // namespace keyuan::testing
