#include "tools/demo/resources.hpp"

#include <cassert>

namespace keyuan::demo {

ResourceRows::ResourceRows()
    : labs("labs", {"id", "org_id", "base_id", "name", "kind", "address", "district_code", "open_status", "description",
                    "contact_name", "contact_phone", "contact_email", "status", "review_reason", "version",
                    "created_by", "created_at", "updated_at"}),
      lab_industries("lab_industries", {"lab_id", "code", "scope"}),
      instruments("instruments", {"id",
                                  "org_id",
                                  "lab_id",
                                  "name",
                                  "name_en",
                                  "class_code",
                                  "model",
                                  "manufacturer",
                                  "country",
                                  "original_value_fen",
                                  "purchase_date",
                                  "acceptance_date",
                                  "registration_due_date",
                                  "registered_on",
                                  "registered_late",
                                  "location",
                                  "district_code",
                                  "technical_indicators",
                                  "functions",
                                  "open_status",
                                  "service_modes",
                                  "fee_standard",
                                  "booking_rules",
                                  "contact_name",
                                  "contact_phone",
                                  "contact_email",
                                  "duty_free",
                                  "customs_supervision_end",
                                  "status",
                                  "review_reason",
                                  "version",
                                  "created_by",
                                  "created_at",
                                  "updated_at"}),
      instrument_industries("instrument_industries", {"instrument_id", "code"}),
      services("services", {"id",
                            "org_id",
                            "lab_id",
                            "name",
                            "kind",
                            "field",
                            "content",
                            "parameters",
                            "price_fen",
                            "price_unit",
                            "contact_name",
                            "contact_phone",
                            "contact_email",
                            "remarks",
                            "cnas_cert_no",
                            "cnas_expiry",
                            "cma_cert_no",
                            "cma_expiry",
                            "district_code",
                            "status",
                            "review_reason",
                            "version",
                            "created_by",
                            "created_at",
                            "updated_at"}),
      service_industries("service_industries", {"service_id", "code"}),
      outbox(OutboxTable()) {}

TableRows OutboxTable() {
    return TableRows("search_outbox", {"object_type", "object_id", "created_at"});
}

std::size_t ResourceRows::size() const {
    return labs.size() + lab_industries.size() + instruments.size() + instrument_industries.size() + services.size() +
           service_industries.size() + outbox.size();
}

void ResourceRows::clear() {
    for (TableRows* t :
         {&labs, &lab_industries, &instruments, &instrument_industries, &services, &service_industries, &outbox}) {
        t->clear();
    }
}

void ResourceRows::Insert(store::Session& session, const RowChecks& checks) const {
    for (auto [resources, links] : {std::pair{&labs, &lab_industries}, std::pair{&instruments, &instrument_industries},
                                    std::pair{&services, &service_industries}}) {
        checks.Insert(session, *resources, {{"industry_codes", links}});
        InsertRows(session, *links);
    }
    InsertRows(session, outbox);
}

Review PickReview(Random& rng) {
    double x = rng.Unit();
    if (x < 0.86) return {"approved", ""};
    if (x < 0.91) return {"submitted", ""};
    if (x < 0.94) return {"returned", rng.Pick(Words("return_reason"))};
    return {"draft", ""};
}

ResourceMaker::ResourceMaker(Random& rng, const WorkingCalendar& calendar, Date as_of, const IdStart& ids,
                             std::string now)
    : rng_(rng),
      calendar_(calendar),
      as_of_(as_of),
      now_(std::move(now)),
      next_lab_(ids.labs),
      next_instrument_(ids.instruments),
      next_service_(ids.services),
      fields_by_domain_(kDomainCount) {
    const std::vector<InstrumentKind>& kinds = InstrumentKinds();
    for (std::size_t i = 0; i < kinds.size(); ++i) kind_index_.emplace(kinds[i].name, i);
    for (const LabField& f : LabFields()) {
        fields_by_domain_[static_cast<std::size_t>(f.domain)].push_back(&f);
        for ([[maybe_unused]] std::string_view kind : f.instruments) {
            assert(kind_index_.contains(kind) && "a lab field names an instrument kind that InstrumentKinds() lacks");
        }
    }
}

void ResourceMaker::AddLab(const DemoOrg& org, int instruments, int services, ResourceRows& out) {
    DemoLab lab = MakeLab(org, out);
    for (int i = 0; i < instruments; ++i) AddInstrument(lab, out);
    for (int i = 0; i < services; ++i) AddService(lab, out);
}

void ResourceMaker::LinkIndustries(TableRows& table, std::int64_t id, const LabField& field) {
    table.Add({id, field.codes[0]});
    if (field.codes.size() > 1 && rng_.Chance(0.5)) table.Add({id, field.codes[1]});
}

}  // namespace keyuan::demo
