#include "store/postgres/pipeline.hpp"

#include <libpq-fe.h>

namespace keyuan::store::postgres {

void PgResultDeleter::operator()(pg_result* result) const {
    PQclear(result);
}

bool ReadUntilSync(pg_conn* conn, const std::function<void(std::size_t, PgResult)>& take) {
    // Each query answers its results and then a null; the sync answers PGRES_PIPELINE_SYNC. A
    // broken connection answers nulls only: two in a row end the wait.
    std::size_t query = 0;
    int nulls = 0;
    while (PQstatus(conn) == CONNECTION_OK) {
        PGresult* raw = PQgetResult(conn);
        if (raw == nullptr) {
            if (++nulls >= 2) return false;
            ++query;
            continue;
        }
        nulls = 0;
        PgResult result(raw);
        if (PQresultStatus(raw) == PGRES_PIPELINE_SYNC) return true;
        take(query, std::move(result));
    }
    return false;
}

BeginAndFirst SendBeginAndPrepared(pg_conn* conn, const char* begin, const char* name, int count,
                                   const char* const* values) {
    BeginAndFirst out;
    if (PQenterPipelineMode(conn) != 1) return out;
    bool sent = PQsendQueryParams(conn, begin, 0, nullptr, nullptr, nullptr, nullptr, 0) == 1 &&
                PQsendQueryPrepared(conn, name, count, values, nullptr, nullptr, /*resultFormat=*/0) == 1 &&
                PQpipelineSync(conn) == 1;
    if (sent) {
        ReadUntilSync(conn, [&](std::size_t query, PgResult result) {
            PgResult& slot = query == 0 ? out.begin : out.first;
            if (!slot && query <= 1) slot = std::move(result);
        });
    }
    // Fails only with results still unread, on a connection that is lost anyway: the caller
    // sees the missing result, and EnsureUsable resets the connection before its next use.
    PQexitPipelineMode(conn);
    return out;
}

}  // namespace keyuan::store::postgres
