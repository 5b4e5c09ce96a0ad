#include <boost/json.hpp>

#include "http/authz/matrix_objects.hpp"

namespace keyuan::testing {

void MakeAnnualReportObjects(const TradeActors& a, MatrixObjects& objects) {
    // A draft of 2024 of org_a (inside, the matrix's unit and department) and one of org_b (outside),
    // each with its stamped PDF.
    auto report = [](Session& unit) {
        std::string id = CreatedId(unit.Post("/api/v1/annual-reports", Body({{"year", 2024}})), 201);
        std::string file =
            CreatedId(unit.Send("POST", "/api/v1/annual-reports/" + id + "/attachments?name=r.pdf&purpose=report_pdf",
                                "%PDF-1.7 matrix", {{"Content-Type", "application/octet-stream"}}),
                      201);
        return std::pair{id, file};
    };
    auto [inside, inside_file] = report(a.unit_a);
    auto [outside, outside_file] = report(a.unit_b);
    objects["/api/v1/annual-reports"] = {inside, outside};
    objects["/api/v1/annual-reports {attachment_id}"] = {inside_file, outside_file};
    objects["/api/v1/annual-reports/deadlines"] = {"2024", "2024"};
}

}  // namespace keyuan::testing
