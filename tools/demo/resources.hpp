#pragma once
// Labs with their instruments and service products, generated lab by lab into the rows of
// one transaction.

#include <cstdint>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "core/date.hpp"
#include "tools/demo/bulk_insert.hpp"
#include "tools/demo/model.hpp"
#include "tools/demo/random.hpp"
#include "tools/demo/validation.hpp"

namespace keyuan::demo {

/// The rows of one transaction: labs, instruments, services, their industry links, and the
/// search outbox rows that bring them into the search index (as any other write does).
struct ResourceRows {
    TableRows labs;
    TableRows lab_industries;
    TableRows instruments;
    TableRows instrument_industries;
    TableRows services;
    TableRows service_industries;
    TableRows outbox;

    ResourceRows();
    std::size_t size() const;
    void clear();
    /// Inserts them all, parents before children, each resource once it passed its kind's
    /// validation (its lab is in by then).
    void Insert(store::Session& session, const RowChecks& checks) const;
};

/// The search outbox table, for ResourceRows and the finance products.
TableRows OutboxTable();

/// A review status with a reason when it was returned; most registrations are approved.
struct Review {
    std::string_view status;
    std::string_view reason;
};
Review PickReview(Random& rng);

/// A lab while its instruments and services are made.
struct DemoLab {
    std::int64_t id = 0;
    const DemoOrg* org = nullptr;
    const LabField* field = nullptr;
    std::string address;
    Person contact;
    Date created;
    std::string cnas_no, cma_no;  // empty when not accredited
    Date cnas_expiry, cma_expiry;
    std::vector<std::pair<std::size_t, std::size_t>> instruments;  // (kind, model) indices
    std::unordered_set<std::string> service_names;
};

class ResourceMaker {
public:
    /// `now` stamps the search outbox rows (they are pruned a week after it).
    ResourceMaker(Random& rng, const WorkingCalendar& calendar, Date as_of, const IdStart& ids, std::string now);

    /// Appends a lab of `org` with `instruments` instruments and `services` services.
    void AddLab(const DemoOrg& org, int instruments, int services, ResourceRows& out);

private:
    DemoLab MakeLab(const DemoOrg& org, ResourceRows& out);        // labs.cpp
    void AddLabIndustries(const DemoLab& lab, ResourceRows& out);  // labs.cpp
    void Accredit(DemoLab& lab);                                   // labs.cpp
    void AddInstrument(DemoLab& lab, ResourceRows& out);           // instruments.cpp
    void AddService(DemoLab& lab, ResourceRows& out);              // services.cpp
    /// Links a resource to its lab's first industry code, and half the time to the second.
    void LinkIndustries(TableRows& table, std::int64_t id, const LabField& field);

    Random& rng_;
    const WorkingCalendar& calendar_;
    Date as_of_;
    std::string now_;
    std::int64_t next_lab_;
    std::int64_t next_instrument_;
    std::int64_t next_service_;
    std::unordered_map<std::string_view, std::size_t> kind_index_;
    std::vector<std::vector<const LabField*>> fields_by_domain_;
    std::int64_t names_org_ = 0;  // the organisation whose lab names are in lab_names_
    std::unordered_set<std::string> lab_names_;
};

}  // namespace keyuan::demo
