#pragma once
// The city overview as a download: one workbook with a sheet per figure (totals, by month, by
// district, by department, by high-tech industry, every unit), or one of them as CSV. The same
// Overview the JSON answer is made of, so the file and the page never disagree.

#include <optional>
#include <string_view>
#include <vector>

#include "exchange/export_table.hpp"
#include "modules/dashboards/overview_figures.hpp"

namespace keyuan::dashboards {

/// The figures a download may name (?figure=): totals, months, districts, departments, industries, units.
inline constexpr std::string_view kOverviewFigures[] = {"totals",      "months",     "districts",
                                                        "departments", "industries", "units"};

/// Every sheet, in the order of kOverviewFigures.
std::vector<exchange::ExportSheet> OverviewSheets(const Overview& overview);

/// The sheet of one figure; nullopt for a name not in kOverviewFigures.
std::optional<exchange::ExportSheet> OverviewSheet(const Overview& overview, std::string_view figure);

/// "城市概况-2026-110108" style file name (without extension) of the scope; ASCII in `ascii`.
std::string OverviewFileName(const OverviewScope& scope, bool ascii);

}  // namespace keyuan::dashboards
