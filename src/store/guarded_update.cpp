#include "store/guarded_update.hpp"

#include "core/error.hpp"

namespace keyuan::store {

void UpdateGuarded(Session& s, const RowGuard& guard, std::string_view sets, std::vector<Param> params) {
    auto next = [&params](Param p) {
        params.push_back(std::move(p));
        return "$" + std::to_string(params.size());
    };
    std::string sql = "UPDATE " + std::string(guard.table) + " SET " + std::string(sets) +
                      ", version = version + 1 WHERE " + std::string(guard.key) + " = " + next(guard.id) +
                      " AND version = " + next(guard.version);
    if (guard.status) sql += " AND status = " + next(*guard.status);
    if (s.Query(sql, params).affected() != 1) {
        throw ApiError(Error::Conflict("数据已被他人修改，请刷新后重试", "Changed by someone else; reload and retry"));
    }
}

}  // namespace keyuan::store
