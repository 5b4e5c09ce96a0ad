// The maps the transaction map draws: Beijing's districts and China's provinces, plain GeoJSON decoded
// once from ECharts 4.9.0's map/json (data/SOURCES.md), served from /geo/ and registered with ECharts on
// first use; each feature's `cp` is the point flows start and end at.
import { registerMap } from 'echarts/core'

interface Feature {
  id?: string
  properties: { name: string; id?: string; cp?: [number, number] }
}
export interface GeoMap {
  name: 'beijing' | 'china'
  /** Division code → [longitude, latitude] of the feature's centre. */
  centres: Record<string, [number, number]>
  /** Division code → the feature's name on the map. */
  names: Record<string, string>
}

const loaded: Partial<Record<GeoMap['name'], Promise<GeoMap>>> = {}

export function loadMap(name: GeoMap['name']): Promise<GeoMap> {
  loaded[name] ??= fetch(`/geo/${name}.json`)
    .then((r) => {
      if (!r.ok) throw new Error(`/geo/${name}.json: ${r.status}`)
      return r.json()
    })
    .then((json: { features: Feature[] }) => {
      registerMap(name, json as never)
      const map: GeoMap = { name, centres: {}, names: {} }
      for (const f of json.features) {
        // The province map keeps the code in its properties, Beijing's on the feature itself.
        const code = f.properties.id ?? f.id
        if (!code) continue
        map.names[code] = f.properties.name
        if (f.properties.cp) map.centres[code] = f.properties.cp
      }
      return map
    })
  return loaded[name]!
}
