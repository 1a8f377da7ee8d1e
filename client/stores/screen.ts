// The screen the wall is on: which design it uses and how far that design is scaled. Shared, so the
// map and every chart render their canvases at the scaled size (sharp on a 4K or spliced wall).
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { chooseLayout, DESIGNS, fitDesign, type ScreenLayout } from '../layouts/screen-layout'

export const useScreenStore = defineStore('screen', () => {
  const layout = ref<ScreenLayout>('standard')
  const scale = ref(1)
  const offset = ref({ x: 0, y: 0 })
  const design = computed(() => DESIGNS[layout.value])

  function measure(): void {
    const requested = new URLSearchParams(location.search).get('layout')
    layout.value = chooseLayout(window.innerWidth, window.innerHeight, requested)
    const fit = fitDesign(layout.value, window.innerWidth, window.innerHeight)
    scale.value = fit.scale
    offset.value = { x: fit.x, y: fit.y }
  }

  return { layout, scale, offset, design, measure }
})
