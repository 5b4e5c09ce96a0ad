// Places, name parts and people's names for the demo catalog.
#include "tools/demo/vocabulary.hpp"

#include <array>

namespace keyuan::demo {

// Tables read best one entry per line, aligned by hand.
// clang-format off

using enum Domain;

std::string_view DomainName(Domain domain) {
    static constexpr std::array<std::string_view, kDomainCount> kNames = {
        "新材料", "化学化工", "生物医药", "医疗健康", "电子信息", "智能制造",
        "节能环保", "新能源", "现代农业", "检验检测", "地球与空间"};
    return kNames[static_cast<std::size_t>(domain)];
}

const std::vector<District>& Districts() {
    // Weights follow where Beijing's universities, institutes and technology firms cluster.
    static const std::vector<District> kDistricts = {
        {"110101", "东城区", 4, {"东直门内大街", "东单北大街", "北河沿大街", "安定门东大街"}},
        {"110102", "西城区", 5, {"西直门外大街", "德胜门外大街", "西长安街", "展览路"}},
        {"110105", "朝阳区", 18, {"酒仙桥路", "望京街", "北四环东路", "朝阳路", "东三环中路", "北辰东路"}},
        {"110106", "丰台区", 7, {"富丰路", "南四环西路", "丰台北路", "汽车博物馆东路"}},
        {"110107", "石景山区", 3, {"鲁谷路", "实兴大街", "石景山路"}},
        {"110108", "海淀区", 30, {"学院路", "中关村大街", "知春路", "海淀路", "颐和园路", "上地十街", "北清路",
                                 "西三环北路", "中关村南大街"}},
        {"110109", "门头沟区", 1, {"石龙经济开发区永安路", "新桥大街"}},
        {"110111", "房山区", 3, {"良乡高教园区长于大街", "阎村镇大件路", "燕山岗南路"}},
        {"110112", "通州区", 4, {"新华大街", "光机电一体化产业基地兴光五街", "运河东大街"}},
        {"110113", "顺义区", 4, {"天竺空港工业区", "林河大街", "仁和镇顺通路"}},
        {"110114", "昌平区", 9, {"生命科学园路", "超前路", "回龙观西大街", "沙河镇北沙河西路"}},
        {"110115", "大兴区", 8, {"荣华中路", "科创十三街", "兴华大街", "经海路"}},
        {"110116", "怀柔区", 2, {"雁栖经济开发区乐园大街", "杨雁路", "中关村怀柔园"}},
        {"110117", "平谷区", 1, {"兴谷经济开发区", "林荫北街"}},
        {"110118", "密云区", 1, {"经济开发区兴盛南路", "鼓楼东大街"}},
        {"110119", "延庆区", 1, {"妫水北街", "中关村延庆园"}},
    };
    return kDistricts;
}

const std::vector<NamePart>& UniversityWords() {
    static const std::vector<NamePart> kWords = {
        {"理工", {kManufacturing, kElectronics, kMaterials}}, {"科技", {kMaterials, kElectronics, kManufacturing}},
        {"化工", {kChemistry, kMaterials}},                  {"医科", {kHealth, kBiomedicine}},
        {"中医药", {kBiomedicine, kHealth}},                  {"农学", {kAgriculture}},
        {"林业", {kAgriculture, kEnvironment}},               {"信息科技", {kElectronics}},
        {"邮电", {kElectronics}},                            {"航空航天", {kManufacturing, kElectronics, kMaterials}},
        {"交通", {kManufacturing, kElectronics}},             {"建筑", {kManufacturing, kEnvironment}},
        {"石油化工", {kChemistry, kEnergy}},                  {"电力", {kEnergy, kElectronics}},
        {"工业", {kManufacturing, kMaterials}},               {"联合", {kMaterials, kBiomedicine, kElectronics}},
        {"师范", {kChemistry, kBiomedicine, kEarth}},         {"地质", {kEarth}},
        {"矿业", {kEarth, kMaterials}},                       {"环境科技", {kEnvironment}},
        {"生物工程", {kBiomedicine}},                         {"材料", {kMaterials}},
        {"能源", {kEnergy}},                                 {"电子科技", {kElectronics}},
        {"药科", {kBiomedicine}},                             {"食品", {kAgriculture, kTesting}},
        {"计量", {kTesting}},                                {"城市", {kEnvironment, kManufacturing}},
        {"农林", {kAgriculture, kEnvironment}},               {"信息", {kElectronics}},
    };
    return kWords;
}

const std::vector<NamePart>& InstituteWords() {
    static const std::vector<NamePart> kWords = {
        {"物理", {kMaterials, kElectronics}, true},       {"化学", {kChemistry, kMaterials}, true},
        {"半导体", {kElectronics}, true},                 {"微电子", {kElectronics}, true},
        {"自动化", {kManufacturing, kElectronics}, true}, {"计算技术", {kElectronics}, true},
        {"声学", {kElectronics, kTesting}, true},         {"力学", {kManufacturing, kMaterials}, true},
        {"理化技术", {kMaterials, kChemistry}, true},     {"过程工程", {kChemistry, kEnvironment, kEnergy}, true},
        {"生物物理", {kBiomedicine}, true},               {"微生物", {kBiomedicine, kAgriculture}, true},
        {"动物", {kBiomedicine, kAgriculture}, true},     {"植物", {kAgriculture, kBiomedicine}, true},
        {"遗传与发育生物学", {kBiomedicine, kAgriculture}, true}, {"地理科学与资源", {kEarth, kEnvironment}, true},
        {"地质与地球物理", {kEarth}, true},               {"大气物理", {kEarth, kEnvironment}, true},
        {"生态环境", {kEnvironment}, true},               {"空天信息", {kEarth, kElectronics}, true},
        {"电工", {kEnergy, kElectronics}, true},          {"工程热物理", {kEnergy, kManufacturing}, true},
        {"药物", {kBiomedicine}},                   {"营养与健康", {kHealth, kAgriculture}},
        {"新材料", {kMaterials}},                   {"环境保护科学", {kEnvironment}},
        {"农林科学", {kAgriculture}},               {"医学", {kHealth, kBiomedicine}},
        {"计量测试", {kTesting}},                   {"食品", {kAgriculture, kTesting}},
        {"人工智能", {kElectronics}},               {"集成电路", {kElectronics}},
        {"先进制造", {kManufacturing}},             {"能源", {kEnergy}},
        {"纳米能源与系统", {kEnergy, kMaterials}},   {"光电", {kElectronics, kMaterials}},
    };
    return kWords;
}

const std::vector<NamePart>& EnterpriseWords() {
    static const std::vector<NamePart> kWords = {
        {"科技", {kElectronics, kManufacturing, kMaterials}}, {"生物科技", {kBiomedicine}},
        {"医药科技", {kBiomedicine}},                         {"智能科技", {kManufacturing, kElectronics}},
        {"信息技术", {kElectronics}},                         {"新材料科技", {kMaterials}},
        {"半导体", {kElectronics}},                           {"光电技术", {kElectronics, kMaterials}},
        {"检测技术", {kTesting}},                             {"环保科技", {kEnvironment}},
        {"新能源科技", {kEnergy}},                            {"医疗器械", {kHealth}},
        {"仪器仪表", {kTesting, kManufacturing}},             {"软件", {kElectronics}},
        {"微电子", {kElectronics}},                           {"航空科技", {kManufacturing}},
        {"机器人", {kManufacturing}},                         {"数据科技", {kElectronics}},
        {"基因科技", {kBiomedicine}},                         {"精密机械", {kManufacturing}},
        {"农业科技", {kAgriculture}},                         {"食品科技", {kAgriculture}},
        {"化工科技", {kChemistry}},                           {"通信技术", {kElectronics}},
        {"汽车科技", {kManufacturing, kEnergy}},              {"医学检验", {kHealth, kTesting}},
    };
    return kWords;
}

const std::vector<NamePart>& StateOwnedWords() {
    static const std::vector<NamePart> kWords = {
        {"电子", {kElectronics}},     {"仪器仪表", {kTesting, kManufacturing}}, {"医药", {kBiomedicine}},
        {"能源", {kEnergy}},          {"建材", {kMaterials}},                   {"汽车", {kManufacturing, kEnergy}},
        {"机电", {kManufacturing}},   {"化工", {kChemistry}},                   {"装备", {kManufacturing}},
        {"通信", {kElectronics}},     {"环境", {kEnvironment}},                 {"新材料", {kMaterials}},
        {"农业", {kAgriculture}},     {"水务", {kEnvironment}},                 {"电力", {kEnergy}},
    };
    return kWords;
}

const std::vector<std::string_view>& BrandFirst() {
    static const std::vector<std::string_view> kChars = {
        "华", "中", "博", "清", "恒", "天", "瑞", "金", "泰", "昊", "汇", "鼎", "智", "星", "云", "九",
        "京", "翰", "正", "海", "蓝", "万", "启", "新", "同", "安", "宏", "嘉", "康", "凯", "联", "美",
        "明", "诺", "普", "锐", "盛", "世", "拓", "卓", "远", "源", "兆", "志", "众", "德", "东", "北",
        "合", "和", "佳", "君", "朗", "龙", "睿", "赛", "思", "腾", "维", "信", "易", "永", "燕", "致"};
    return kChars;
}

const std::vector<std::string_view>& BrandSecond() {
    static const std::vector<std::string_view> kChars = {
        "瑞", "科", "远", "创", "宇", "康", "鼎", "和", "泰", "达", "信", "辰", "航", "芯", "峰", "光",
        "通", "成", "衡", "晟", "安", "驰", "迪", "方", "丰", "海", "恒", "弘", "华", "辉", "佳", "杰",
        "锦", "凯", "坤", "蓝", "力", "立", "隆", "明", "纳", "诺", "鹏", "谱", "启", "锐", "森", "盛",
        "视", "思", "腾", "天", "维", "祥", "欣", "新", "旭", "扬", "易", "毅", "云", "泽", "正", "智"};
    return kChars;
}

const std::vector<std::string_view>& Surnames() {
    static const std::vector<std::string_view> kNames = {
        "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林",
        "何", "郭", "马", "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "萧", "程", "曹",
        "袁", "邓", "许", "傅", "沈", "曾", "彭", "吕", "苏", "卢", "蒋", "蔡", "贾", "丁", "魏", "薛",
        "叶", "阎", "余", "潘", "杜", "戴", "夏", "钟", "汪", "田", "任", "姜", "范", "方", "石", "姚",
        "谭", "廖", "邹", "熊", "金", "陆", "郝", "孔", "白", "崔", "康", "毛", "邱", "秦", "江", "史",
        "顾", "侯", "邵", "孟", "龙", "万", "段", "雷", "钱", "汤", "尹", "黎", "易", "常", "武", "乔"};
    return kNames;
}

const std::vector<std::string_view>& GivenNames() {
    static const std::vector<std::string_view> kNames = {
        "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明",
        "超", "秀英", "霞", "平", "刚", "辉", "鹏", "华", "玲", "飞", "鑫", "波", "斌", "宇", "浩", "凯",
        "健", "俊", "帆", "旭", "宁", "欢", "阳", "建华", "晓东", "志强", "海燕", "雪梅", "立新", "振宇",
        "思远", "子涵", "梓萱", "一鸣", "嘉怡", "昊天", "雨桐", "晨曦", "文博", "婧", "琳", "慧", "颖",
        "晓峰", "建国", "红梅", "春雨", "国栋", "丽华", "永刚", "亚楠", "佳琪", "天佑", "明轩", "若曦", "子墨"};
    return kNames;
}

const std::vector<std::string_view>& Buildings() {
    static const std::vector<std::string_view> kBuildings = {
        "科研楼", "理化楼", "实验楼", "综合楼", "创新中心", "逸夫楼", "分析测试楼", "生命科学楼",
        "材料楼", "信息楼", "研发中心", "中试基地", "科技园", "医学科研楼", "工程训练中心"};
    return kBuildings;
}

const std::vector<std::string_view>& ReturnReasons() {
    static const std::vector<std::string_view> kReasons = {
        "技术指标描述不完整，请补充分辨率、量程等关键参数",
        "收费标准未区分校内外用户，请补充",
        "联系人电话有误，请核实后重新提交",
        "开放共享方式与实际不符，请修改",
        "仪器照片缺失，请上传设备实物照片",
        "所属实验室信息有误，请核对",
        "服务内容与所依托仪器不匹配，请修改",
        "资质证书有效期填写有误，请核对证书原件"};
    return kReasons;
}

const std::vector<std::string_view>& SampleRequirements() {
    // Worded to fit any instrument: the service's own page says what the instrument needs.
    static const std::vector<std::string_view> kRequirements = {
        "样品须注明名称、数量及检测项目",
        "样品尺寸、形态须符合仪器要求，送样前请与联系人确认",
        "危险或有毒样品须提前说明并提供安全技术说明书（SDS）",
        "委托方须提供样品背景信息及检测依据（标准或方法）",
        "样品须密封包装、标识清楚，需低温保存的请注明",
        "批量样品请提前预约，并提交样品清单"};
    return kRequirements;
}

// clang-format on

}  // namespace keyuan::demo
