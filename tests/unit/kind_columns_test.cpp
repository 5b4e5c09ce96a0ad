// Each registered kind's spreadsheet columns (docs/design/data-exchange.md §1): they cover the
// kind's required fields and links, and the template's example row, read as an import reads it,
// is a body the registry's own validation accepts.
#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>

#include "access/policy.hpp"
#include "exchange/row_reader.hpp"
#include "modules/achievements/specs.hpp"
#include "modules/catalog/specs.hpp"
#include "registry/engine.hpp"
#include "support/temp_database.hpp"

namespace keyuan {
namespace {

std::vector<registry::ResourceSpec> ImportedKinds() {
    return {catalog::LabSpec(),
            catalog::InstrumentSpec(),
            catalog::ServiceSpec(),
            catalog::FinanceProductSpec(),
            achievements::AchievementSpec(),
            achievements::TalentSpec()};
}

bool Covers(const exchange::Columns& columns, const std::string& key) {
    for (const exchange::Column& c : columns.list) {
        if (c.key == key || c.unit_key == key) return true;
    }
    return false;
}

TEST(KindColumns, CoverEveryRequiredFieldAndLink) {
    for (const registry::ResourceSpec& spec : ImportedKinds()) {
        ASSERT_FALSE(spec.columns.list.empty()) << spec.kind;
        for (const registry::FieldSpec& f : spec.fields) {
            if (f.required && !f.derived) {
                EXPECT_TRUE(Covers(spec.columns, f.name)) << spec.kind << "." << f.name;
            }
        }
        for (const registry::LinkSpec& l : spec.links) {
            if (l.min_items > 0) {
                EXPECT_TRUE(Covers(spec.columns, l.name) || Covers(spec.columns, l.detail_name))
                    << spec.kind << "." << l.name;
            }
        }
        for (const exchange::Column& c : spec.columns.list) {
            EXPECT_FALSE(c.zh.empty() || c.en.empty()) << spec.kind << "." << c.key;
            if (c.required) {
                EXPECT_FALSE(c.example.empty()) << spec.kind << "." << c.key << " needs an example";
            }
            // Every API key a column fills is a field or link of the kind (the importer's own aside).
            bool known = c.import_only || c.key == "scope" || registry::FindField(spec, c.key) ||
                         registry::FindLink(spec, c.key) || c.key == "industries";
            EXPECT_TRUE(known) << spec.kind << "." << c.key;
        }
    }
}

class KindColumnsRoundTrip : public ::testing::Test {
protected:
    void SetUp() override {
        (*db_).Write([](store::Session& s) {
            s.Execute(
                "INSERT INTO organizations (id, name, credit_code, kind, created_at, updated_at) VALUES "
                "(1, '测试单位', '91110108MA00000000', 'company', '2026-12-07T00:00:00Z', '2026-12-07T00:00:00Z')");
        });
    }
    testing::TempDatabase db_{"kind-columns"};
};

TEST_F(KindColumnsRoundTrip, TheTemplatesExampleRowIsABodyTheRegistryAccepts) {
    access::Policy policy;
    for (registry::ResourceSpec spec : ImportedKinds()) {
        exchange::Table table;
        exchange::TableRow header{.number = 1}, example{.number = 2};
        for (const exchange::Column& c : spec.columns.list) {
            if (!c.lookup_table.empty()) continue;  // a name of another object: resolved by the importer
            header.cells.push_back(c.zh);
            example.cells.push_back(c.example);
        }
        table.rows = {header, example};
        auto match = exchange::MatchHeader(table, spec.columns.list);
        ASSERT_TRUE(match.ok()) << spec.kind;
        exchange::RowBody row = exchange::ReadRow(table.rows[1], table, match.value(), spec.columns.list);
        ASSERT_TRUE(row.errors.empty()) << spec.kind << ": " << row.errors.front().column;
        if (spec.columns.shape) spec.columns.shape(row.body);
        for (const exchange::Column& c : spec.columns.list) {
            if (c.import_only) row.body.erase(c.key);
        }
        row.body["org_id"] = "1";
        registry::ResourceEngine engine(spec, *db_, policy, 0);
        (*db_).Write([&](store::Session& s) {
            try {
                registry::Values values = engine.CheckCreate(s, row.body);
                EXPECT_TRUE(values.count("name")) << spec.kind;
            } catch (const ApiError& e) {
                ADD_FAILURE() << spec.kind << " refused " << boost::json::serialize(row.body) << ": " << e.what();
            }
        });
    }
}

TEST(KindColumns, ALabsIndustryRowsCarryTheirScope) {
    exchange::Columns columns = catalog::LabSpec().columns;
    boost::json::object body{{"industries", boost::json::array{"3921", "3962"}}, {"scope", "制造设备"}};
    columns.shape(body);
    EXPECT_EQ(boost::json::serialize(body),
              R"({"industries":[{"code":"3921","scope":"制造设备"},{"code":"3962","scope":"制造设备"}]})");
}

TEST(KindColumns, AchievementStatusesAsTheSeedWritesThem) {
    exchange::Columns columns = achievements::AchievementSpec().columns;
    for (const char* cell : {"2 3", "2、3", "2,3", "2，3", "2\n3"}) {
        exchange::Table table;
        table.rows = {{.number = 1, .cells = {"科技成果名称", "转化情况"}}, {.number = 2, .cells = {"成果", cell}}};
        auto match = exchange::MatchHeader(table, columns.list);
        ASSERT_FALSE(match.ok());  // class, funding and industry codes are required columns
        std::vector<exchange::Column> two = {columns.list[2], columns.list[6]};
        ASSERT_EQ(two[1].key, "statuses");
        auto only = exchange::MatchHeader(table, two);
        ASSERT_TRUE(only.ok());
        exchange::RowBody row = exchange::ReadRow(table.rows[1], table, only.value(), two);
        EXPECT_EQ(boost::json::serialize(row.body.at("statuses")), R"(["2","3"])") << cell;
    }
}

}  // namespace
}  // namespace keyuan
