// The scheme a new cycle starts from: the national structure of 国科办基〔2022〕93号 细则 (组织管理,
// 运行使用, 共享服务; grades 优秀/良好/合格/较差; ties by 共享服务; instruments ≥ 50万元), the seed 000
// indicator of resources sorted and services delivered around the high-tech industries, and formula
// templates of a published university scheme. No national weights were published
// (../shared/reference/policy-rules-wave2.md §2): the weights are this platform's default, and the
// operator changes them per cycle.
#include <boost/json/parse.hpp>

#include "modules/assessment/scheme.hpp"

namespace keyuan::assessment {

namespace {

constexpr const char* kDefault = R"json({
  "name": "科研设施与仪器开放共享评价考核（平台默认方案）",
  "source": "结构与等级：国科办基〔2022〕93号《中央级高校和科研院所等单位重大科研基础设施和大型科研仪器开放共享评价考核实施细则》（2026年修订）；高精尖指标：2020年首都科技条件平台“围绕高精尖产业开展资源梳理及开展的服务情况”；共享率、收益率公式：高校评价方案模板；年均对外机时目标273小时：2025年度全国评价平均值。权重为本平台默认值（国家未公布），由运营方按年度调整。",
  "total": 100,
  "scope": {"min_original_value_fen": 50000000},
  "groups": [
    {"code": "organization", "name": "组织管理", "name_en": "Organisation and management", "indicators": [
      {"code": "open_rate", "name": "科研仪器开放率", "name_en": "Share of instruments open",
       "measure": "open_rate", "weight": 10, "rule": {"kind": "linear", "target": 1}},
      {"code": "timely_registration", "name": "按时登记率", "name_en": "Registered in time",
       "measure": "timely_registration_rate", "weight": 5, "rule": {"kind": "linear", "target": 1}},
      {"code": "online_service", "name": "在线服务平台建设（可在线预约仪器占比）", "name_en": "Bookable online",
       "measure": "bookable_share", "weight": 5, "rule": {"kind": "linear", "target": 1}}]},
    {"code": "operation", "name": "运行使用", "name_en": "Operation and use", "indicators": [
      {"code": "effective_hours", "name": "仪器运行机时（台均有效机时）", "name_en": "Effective hours per instrument",
       "measure": "effective_hours_per_instrument", "weight": 15, "rule": {"kind": "linear", "target": 1200}},
      {"code": "open_hours", "name": "台均开放机时", "name_en": "Open hours per instrument",
       "measure": "open_hours_per_instrument", "weight": 5, "rule": {"kind": "linear", "target": 1800}},
      {"code": "revenue_rate", "name": "收益率", "name_en": "Revenue rate",
       "measure": "revenue_rate", "weight": 10, "rule": {"kind": "linear", "target": 0.2}}]},
    {"code": "sharing", "name": "共享服务", "name_en": "Sharing and service", "indicators": [
      {"code": "external_hours", "name": "共享机时（台均对外机时）", "name_en": "External hours per instrument",
       "measure": "external_hours_per_instrument", "weight": 15, "rule": {"kind": "linear", "target": 273}},
      {"code": "sharing_rate", "name": "共享率", "name_en": "Sharing rate",
       "measure": "sharing_rate", "weight": 10, "rule": {"kind": "linear", "target": 0.1}},
      {"code": "external_services", "name": "对外服务次数", "name_en": "External services",
       "measure": "external_services", "weight": 5, "rule": {"kind": "steps", "steps": [
         {"min": 1, "share": 0.2}, {"min": 10, "share": 0.5}, {"min": 50, "share": 0.8}, {"min": 100, "share": 1}]}},
      {"code": "user_rating", "name": "用户评价", "name_en": "User rating",
       "measure": "average_rating", "weight": 10, "rule": {"kind": "range", "zero": 3, "full": 5}},
      {"code": "hitech_service", "name": "围绕高精尖产业开展的服务", "name_en": "Services to high-tech industries",
       "measure": "hitech_service_share", "weight": 5, "rule": {"kind": "linear", "target": 0.5}},
      {"code": "hitech_labs", "name": "围绕高精尖产业开展资源梳理（实验室对应产业代码）",
       "name_en": "Labs mapped to high-tech industries",
       "measure": "hitech_lab_share", "weight": 5, "rule": {"kind": "linear", "target": 1}}]}
  ],
  "grades": [{"grade": "excellent", "min": 85}, {"grade": "good", "min": 70}, {"grade": "pass", "min": 60}],
  "tie_break": ["sharing"],
  "low_rating": {"below": 3.5, "min_count": 5},
  "rectification_working_days": 30
})json";

}  // namespace

const boost::json::object& DefaultSchemeJson() {
    static const boost::json::object scheme = boost::json::parse(kDefault).as_object();
    return scheme;
}

}  // namespace keyuan::assessment
