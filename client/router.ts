// Deep links a supervisor can share. The wall view is the only one so far; drill-down routes
// (/area/:code, /case/:id, /inspector/:id, /replay/:id) come with the drill-down work.
import { createRouter, createWebHistory } from 'vue-router'
import WallLayout from './layouts/WallLayout.vue'

export const router = createRouter({
  history: createWebHistory(),
  routes: [{ path: '/', component: WallLayout }],
})
