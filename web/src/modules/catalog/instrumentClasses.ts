// Instrument classes (《大型科学仪器设备分类》 as seeded in migration 0004; the server has no
// endpoint for them yet). Level-1 groups with their level-2 classes; codes are what the API takes.

export interface InstrumentClass {
  code: string
  zh: string
  en: string
}

export interface InstrumentClassGroup extends InstrumentClass {
  children: InstrumentClass[]
}

const c = (code: string, zh: string, en: string): InstrumentClass => ({ code, zh, en })

export const INSTRUMENT_CLASS_GROUPS: InstrumentClassGroup[] = [
  {
    ...c('01', '分析仪器', 'Analytical instruments'),
    children: [
      c('0101', '电子光学仪器', 'Electron optical instruments'),
      c('0102', '质谱仪器', 'Mass spectrometers'),
      c('0103', 'X射线仪器', 'X-ray instruments'),
      c('0104', '光谱仪器', 'Spectrometers'),
      c('0105', '色谱仪器', 'Chromatographs'),
      c('0106', '波谱仪器', 'Magnetic resonance spectrometers'),
      c('0107', '电化学仪器', 'Electrochemical instruments'),
      c('0108', '显微镜及图象分析仪器', 'Microscopes and image analysers'),
      c('0109', '热分析仪器', 'Thermal analysers'),
      c('0110', '生化分离分析仪器', 'Biochemical separation and analysis'),
      c('0111', '环境与农业分析仪器', 'Environmental and agricultural analysers'),
      c('0112', '样品前处理及制备仪器', 'Sample preparation instruments'),
      c('011300', '其他', 'Other'),
    ],
  },
  {
    ...c('02', '物理性能测试仪器', 'Physical property testing'),
    children: [
      c('0201', '力学性能测试仪器', 'Mechanical testing'),
      c('0202', '大地测量仪器', 'Geodetic surveying'),
      c('0203', '光电测量仪器', 'Photoelectric measurement'),
      c('0204', '声学振动仪器', 'Acoustics and vibration'),
      c('0205', '颗粒度测量仪器', 'Particle size measurement'),
      c('0206', '探伤仪器', 'Flaw detectors'),
      c('020700', '其他', 'Other'),
    ],
  },
  {
    ...c('03', '计量仪器', 'Metrology instruments'),
    children: [
      c('0301', '长度计量仪器', 'Length metrology'),
      c('0302', '热学计量仪器', 'Thermal metrology'),
      c('0303', '力学计量仪器', 'Mechanical metrology'),
      c('0304', '电磁学计量仪器', 'Electromagnetic metrology'),
      c('0305', '时间频率计量仪器', 'Time and frequency metrology'),
      c('0306', '声学计量仪器', 'Acoustic metrology'),
      c('0307', '光学计量仪器', 'Optical metrology'),
      c('030800', '其他', 'Other'),
    ],
  },
  {
    ...c('04', '天文仪器', 'Astronomical instruments'),
    children: [
      c('0401', '天体测量仪器', 'Astrometric instruments'),
      c('0402', '地面天文望远镜', 'Ground-based telescopes'),
      c('0403', '空间天文望远镜', 'Space telescopes'),
      c('040400', '其他', 'Other'),
    ],
  },
  {
    ...c('05', '海洋仪器', 'Ocean instruments'),
    children: [
      c('0501', '海洋水文测量仪器', 'Ocean hydrography'),
      c('0502', '多要素水文气象测量系统', 'Multi-parameter hydro-meteorological systems'),
      c('0503', '海洋生物调查仪器', 'Marine biology survey'),
      c('0504', '海水物理量测量仪器', 'Seawater physical measurement'),
      c('0505', '海洋遥感／遥测仪器', 'Ocean remote sensing / telemetry'),
      c('0506', '海洋采样设备', 'Ocean sampling equipment'),
      c('050700', '其他', 'Other'),
    ],
  },
  {
    ...c('06', '地球探测仪器', 'Earth exploration instruments'),
    children: [
      c('0601', '电法仪器', 'Electrical prospecting'),
      c('0602', '电磁法仪器', 'Electromagnetic prospecting'),
      c('0603', '磁法仪器', 'Magnetic prospecting'),
      c('0604', '重力仪器', 'Gravimeters'),
      c('0605', '地震仪器', 'Seismic instruments'),
      c('0606', '地球物理测井仪器', 'Geophysical well logging'),
      c('0607', '岩石矿物测试仪器', 'Rock and mineral testing'),
      c('060800', '其他', 'Other'),
    ],
  },
  {
    ...c('07', '大气探测仪器', 'Atmospheric instruments'),
    children: [
      c('0701', '气象台站观测仪器', 'Weather station instruments'),
      c('0702', '高空气象探测仪器', 'Upper-air sounding'),
      c('0703', '特殊大气探测仪器', 'Special atmospheric sounding'),
      c('0704', '主动大气遥感仪器', 'Active atmospheric remote sensing'),
      c('0705', '被动大气遥感仪器', 'Passive atmospheric remote sensing'),
      c('0706', '高层大气/电离层探测器', 'Upper atmosphere / ionosphere'),
      c('0707', '对地观测仪器', 'Earth observation'),
      c('070800', '其他', 'Other'),
    ],
  },
  {
    ...c('08', '电子测量仪器', 'Electronic measurement'),
    children: [
      c('0801', '通用电子测量仪器', 'General electronic measurement'),
      c('0802', '射频和微波测试仪器', 'RF and microwave testing'),
      c('0803', '通讯测量仪器', 'Communication measurement'),
      c('0804', '网络分析仪器', 'Network analysers'),
      c('0805', '大规模集成电路测试仪器', 'VLSI testers'),
      c('080600', '其他', 'Other'),
    ],
  },
  {
    ...c('09', '医学诊断仪器', 'Medical diagnostic instruments'),
    children: [
      c('0901', '临床检验分析仪器', 'Clinical laboratory analysers'),
      c('0902', '影像诊断仪器', 'Diagnostic imaging'),
      c('0903', '电子诊察仪器', 'Electronic diagnostic instruments'),
      c('090400', '其他', 'Other'),
    ],
  },
  {
    ...c('10', '核仪器', 'Nuclear instruments'),
    children: [
      c('1001', '核辐射探测仪器', 'Radiation detectors'),
      c('1002', '活化分析仪器', 'Activation analysis'),
      c('1003', '离子束分析仪器', 'Ion beam analysis'),
      c('1004', '核效应分析仪器', 'Nuclear effect analysis'),
      c('1005', '中子散射及衍射仪器', 'Neutron scattering and diffraction'),
      c('100600', '其他', 'Other'),
    ],
  },
  {
    ...c('11', '特种检测仪器', 'Special inspection instruments'),
    children: [
      c('1101', '射线检测仪器', 'Radiographic testing'),
      c('1102', '超声检测仪器', 'Ultrasonic testing'),
      c('1103', '电磁检测仪器', 'Electromagnetic testing'),
      c('1104', '声发射检测仪器', 'Acoustic emission testing'),
      c('1105', '光电检测仪器', 'Photoelectric testing'),
      c('110600', '其他', 'Other'),
    ],
  },
  { ...c('12', '其他仪器', 'Other instruments'), children: [] },
]

const byCode = new Map<string, { cls: InstrumentClass; group: InstrumentClassGroup }>()
for (const group of INSTRUMENT_CLASS_GROUPS) {
  byCode.set(group.code, { cls: group, group })
  for (const child of group.children) byCode.set(child.code, { cls: child, group })
}

/** "质谱仪器" / "Mass spectrometers"; "其他" classes carry their group ("分析仪器 · 其他"). */
export function instrumentClassName(code: string | null | undefined, locale: 'zh' | 'en'): string {
  if (!code) return ''
  const found = byCode.get(code)
  if (!found) return code
  const name = found.cls[locale]
  if (found.cls !== found.group && found.cls.code.length === 6) return `${found.group[locale]} · ${name}`
  return name
}
