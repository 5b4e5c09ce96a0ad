// An ECharts instance on an element for the life of a component: created when it mounts,
// resized with the window, disposed when it unmounts; `render` runs once mounted and whenever
// `sources` change. Each chart component registers (`use`) only the chart types it draws.
import { onBeforeUnmount, onMounted, watch, type Ref, type WatchSource } from 'vue'
import { init, type ECharts } from 'echarts/core'

export function useChart(el: Ref<HTMLElement | undefined>, render: (chart: ECharts) => void, sources: WatchSource[]) {
  let chart: ECharts | null = null
  const draw = () => chart && render(chart)
  const resize = () => chart?.resize()
  onMounted(() => {
    if (!el.value) return
    chart = init(el.value)
    draw()
    window.addEventListener('resize', resize)
  })
  onBeforeUnmount(() => {
    window.removeEventListener('resize', resize)
    chart?.dispose()
    chart = null
  })
  watch(sources, draw)
}
