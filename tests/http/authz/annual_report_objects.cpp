#include <boost/json.hpp>

#include "http/authz/matrix_objects.hpp"

namespace keyuan::testing {

void MakeAnnualReportObjects(const TradeActors& a, MatrixObjects& objects) {
    // A draft of 2024 of org_a (inside, the matrix's unit and department) and one of org_b (outside).
    objects["/api/v1/annual-reports"] = {
        CreatedId(a.unit_a.Post("/api/v1/annual-reports", Body({{"year", 2024}})), 201),
        CreatedId(a.unit_b.Post("/api/v1/annual-reports", Body({{"year", 2024}})), 201)};
    objects["/api/v1/annual-reports/deadlines"] = {"2024", "2024"};
}

}  // namespace keyuan::testing
