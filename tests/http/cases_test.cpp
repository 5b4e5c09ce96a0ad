// HTTP cases as data (tests/http/cases/README.md): every tests/http/cases/<module>/<file>.test
// becomes the test suite Cases_<module>_<file>, one test per case, named after the case. All
// files share one server and one fixture (the catalog world, a few accounts and objects), built
// once per process, and run once per database engine like the other HTTP tests. A failure
// points at the case file's line.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <algorithm>
#include <deque>
#include <filesystem>
#include <map>
#include <set>

#include "support/case_file.hpp"
#include "support/catalog_fixture.hpp"

namespace keyuan::testing {
namespace {

namespace json = boost::json;

/// The server, the accounts and the objects every case file may use (README.md lists them).
class CaseFixture : public CatalogSuite<CaseFixture> {
public:
    static void CreateUsers() {
        CatalogSuite<CaseFixture>::CreateUsers();
        std::map<std::string, std::string>& v = variables_;
        v = {{"org_a", world_.org_a},
             {"org_b", world_.org_b},
             {"org_fin", world_.org_fin},
             {"good_password", kGoodPassword}};
        for (const auto& [username, role] : {std::pair{"secadm", "security_admin"}, std::pair{"plain", "expert"},
                                             std::pair{"sysonly", "system_admin"}}) {
            v[std::string(username) + "_id"] = CreateReadyUser(Db(), username, role);
            world_.sessions.emplace(username, LogIn(Port(), username));
        }
        // tech_demands: a broker account without a profile yet.
        v["broker_id"] = CreateReadyUser(Db(), "broker", "broker");
        world_.sessions.emplace("broker", LogIn(Port(), "broker"));
        Session& unit = As("unit_a");
        Session& reviewer = As("reviewer_edu");
        v["instrument_draft"] = CreateResource(unit, "instruments", InstrumentBody("案例用草稿仪器"));
        v["instrument_submitted"] = CreateResource(unit, "instruments", InstrumentBody("案例用待审仪器"));
        EXPECT_EQ(Act(unit, "instruments", v["instrument_submitted"], "submit").status, 200);
        v["instrument_approved"] = CreateApproved(unit, reviewer, "instruments", InstrumentBody("案例用已批仪器"));
        v["instrument_withdrawn"] = CreateApproved(unit, reviewer, "instruments", InstrumentBody("案例用撤回仪器"));
        EXPECT_EQ(unit.Send("DELETE", "/api/v1/instruments/" + v["instrument_withdrawn"]).status, 200);
        for (const auto& [name, org] : {std::pair{"base_a", world_.org_a}, std::pair{"base_b", world_.org_b}}) {
            HttpResponse r =
                As("operator")
                    .Post("/api/v1/bases",
                          Body({{"name", std::string("案例用基地 ") + name}, {"kind", "base"}, {"org_id", org}}));
            EXPECT_EQ(r.status, 201) << r.body;
            v[name] = Str(r.Json(), "id");
        }
    }

    /// One server for every case file: started by the first suite, stopped after the last test.
    static void SetUpTestSuite() {
        if (!started_) ServerSuite<CaseFixture>::SetUpTestSuite();
        started_ = true;
    }
    static void TearDownTestSuite() {}
    static void Stop() {
        if (started_) ServerSuite<CaseFixture>::TearDownTestSuite();
        started_ = false;
    }

protected:
    static inline bool started_ = false;
    static inline std::map<std::string, std::string> variables_;
};

class CaseServerStopper : public ::testing::Environment {
public:
    void TearDown() override { CaseFixture::Stop(); }
};

bool Contains(const std::vector<std::string>& list, const std::string& item) {
    return std::find(list.begin(), list.end(), item) != list.end();
}

std::string Joined(const std::vector<std::string>& list) {
    std::string out;
    for (const std::string& s : list) out += (out.empty() ? "" : " ") + s;
    return "[" + out + "]";
}

/// One case: sends its request as its caller and checks the answer.
class CaseTest : public CaseFixture {
public:
    explicit CaseTest(const HttpCase& c) : case_(c) {}

    void TestBody() override {
        // Dates when the case runs, not when the fixture was built: a run may cross midnight.
        variables_["today"] = ShanghaiDate();
        variables_["tomorrow"] = ShanghaiDate(1);
        std::string target = Fill(case_.target, case_.line);
        std::vector<std::pair<std::string, std::string>> headers;
        for (const auto& [name, value] : case_.headers) headers.emplace_back(name, Fill(value, case_.line));
        std::string body = Fill(case_.body, case_.line);
        std::string request = case_.method + " " + target + " as " + case_.caller;
        HttpResponse r;
        if (case_.caller == "visitor") {
            r = Visitor().Send(case_.method, target, body, headers);
        } else if (world_.sessions.contains(case_.caller)) {
            r = As(case_.caller).Send(case_.method, target, body, headers);
        } else {
            ADD_FAILURE_AT(case_.file.c_str(), case_.line) << "no account " << case_.caller << " in the fixture";
            return;
        }
        ::testing::AssertionResult status = case_.code.empty() ? ::testing::AssertionResult(r.status == case_.status)
                                                               : IsError(r, case_.status, case_.code);
        if (!status) {
            ADD_FAILURE_AT(case_.file.c_str(), case_.line)
                << request << ": expected " << case_.status << (case_.code.empty() ? "" : " " + case_.code) << ", got "
                << r.status << " " << r.body << " " << status.message();
            return;
        }
        for (const CaseCheck& check : case_.checks) {
            try {
                std::string why = Mismatch(check, r);
                if (!why.empty()) ADD_FAILURE_AT(case_.file.c_str(), check.line) << request << ": " << why;
            } catch (const std::exception& e) {
                ADD_FAILURE_AT(case_.file.c_str(), check.line) << request << ": " << e.what() << " in " << r.body;
            }
        }
    }

private:
    /// `text` with every ${name} replaced by the fixture's value.
    std::string Fill(std::string text, int line) const {
        for (std::size_t at = text.find("${"); at != std::string::npos; at = text.find("${", at)) {
            std::size_t end = text.find('}', at);
            std::string name = text.substr(at + 2, end == std::string::npos ? end : end - at - 2);
            auto it = variables_.find(name);
            if (end == std::string::npos || it == variables_.end()) {
                ADD_FAILURE_AT(case_.file.c_str(), line) << "unknown variable ${" << name << "}";
                return text;
            }
            text.replace(at, end - at + 1, it->second);
            at += it->second.size();
        }
        return text;
    }

    /// Why the answer fails `check`; "" if it passes.
    std::string Mismatch(const CaseCheck& check, const HttpResponse& r) const {
        using Kind = CaseCheck::Kind;
        std::vector<std::string> words;
        for (const std::string& w : check.words) words.push_back(Fill(w, check.line));
        std::string text = Fill(check.text, check.line);
        switch (check.kind) {
            case Kind::kFields:
            case Kind::kFieldsAnyOrder:
            case Kind::kFieldsInclude: {
                std::vector<std::string> fields = ErrorFields(r);
                bool ok = check.kind == Kind::kFields ? fields == words
                          : check.kind == Kind::kFieldsAnyOrder
                              ? std::set(fields.begin(), fields.end()) == std::set(words.begin(), words.end())
                              : std::all_of(words.begin(), words.end(),
                                            [&](const std::string& w) { return Contains(fields, w); });
                return ok ? "" : "fields " + Joined(fields) + ", expected " + Joined(words);
            }
            case Kind::kMessage:
            case Kind::kMessageContains: {
                std::vector<std::string> messages = FieldMessages(r, check.subject);
                bool ok = check.kind == Kind::kMessage
                              ? messages == std::vector<std::string>{text}
                              : std::any_of(messages.begin(), messages.end(),
                                            [&](const std::string& m) { return m.find(text) != std::string::npos; });
                return ok ? "" : "messages for " + check.subject + ": " + Joined(messages) + ", expected " + text;
            }
            case Kind::kJson: {
                json::value expected = json::parse(text);
                json::value body = r.Json();
                std::error_code ec;
                const json::value* actual = body.find_pointer(check.subject, ec);
                if (actual && *actual == expected) return "";
                return check.subject + " is " + (actual ? json::serialize(*actual) : "absent") + ", expected " + text;
            }
            case Kind::kIdsInclude:
            case Kind::kIdsExclude: {
                std::vector<std::string> ids = ListIds(r);
                bool include = check.kind == Kind::kIdsInclude;
                for (const std::string& id : words) {
                    if (Contains(ids, id) != include)
                        return "ids " + Joined(ids) + (include ? " lack " : " hold ") + id;
                }
                return "";
            }
        }
        return "unknown check";
    }

    const HttpCase& case_;
};

/// A line of a case file that could not be read: a failing test of its own.
class UnreadableCase : public CaseFixture {
public:
    UnreadableCase(std::string path, CaseFileError error) : path_(std::move(path)), error_(std::move(error)) {}
    void TestBody() override { ADD_FAILURE_AT(path_.c_str(), error_.line) << error_.why; }

private:
    std::string path_;
    CaseFileError error_;
};

/// Registers every case of tests/http/cases before main runs (the cases must outlive the tests).
[[maybe_unused]] const bool kRegistered = [] {
    static std::deque<HttpCase> cases;
    const std::filesystem::path root = std::string(KEYUAN_SOURCE_DIR) + "/tests/http/cases";
    std::vector<std::filesystem::path> files;
    std::error_code unreadable;  // not thrown: an exception before main would hide every other test
    for (std::filesystem::recursive_directory_iterator it(root, unreadable), end; !unreadable && it != end;
         it.increment(unreadable)) {
        if (it->path().extension() == ".test") files.push_back(it->path());
    }
    if (unreadable) {
        ::testing::RegisterTest("Cases", "folder_unreadable", nullptr, nullptr, root.c_str(), 0, [root, unreadable]() {
            return new UnreadableCase(root.string(), {0, unreadable.message()});
        });
    }
    std::sort(files.begin(), files.end());
    for (const std::filesystem::path& path : files) {
        std::string suite = "Cases_" + path.parent_path().filename().string() + "_" + path.stem().string();
        CaseFile file = ReadCaseFile(path.string());
        std::set<std::string> names;
        for (const CaseFileError& error : file.errors) {
            std::string name = "unreadable_line_" + std::to_string(error.line);
            names.insert(name);
            ::testing::RegisterTest(
                suite.c_str(), name.c_str(), nullptr, nullptr, path.c_str(), error.line,
                [path, error]() -> CaseFixture* { return new UnreadableCase(path.string(), error); });
        }
        for (HttpCase& c : file.cases) {
            std::string name = CaseTestName(c.name);
            if (!names.insert(name).second) name += "_line_" + std::to_string(c.line);
            const HttpCase& kept = cases.emplace_back(std::move(c));
            ::testing::RegisterTest(suite.c_str(), name.c_str(), nullptr, nullptr, kept.file.c_str(), kept.line,
                                    [&kept]() -> CaseFixture* { return new CaseTest(kept); });
        }
    }
    ::testing::AddGlobalTestEnvironment(new CaseServerStopper);
    return true;
}();

}  // namespace
}  // namespace keyuan::testing
