// Deep links a supervisor can share; reloading one restores the same view. Every route shows the
// same wall (one long-lived map): the route decides the focus and which drawer is open.
import { createRouter, createWebHistory } from 'vue-router'
import WallLayout from './layouts/WallLayout.vue'

export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/', name: 'district', component: WallLayout },
    { path: '/area/:code', name: 'area', component: WallLayout },
    { path: '/case/:id', name: 'case', component: WallLayout },
    { path: '/inspector/:id', name: 'inspector', component: WallLayout },
    /** Devices (issue #13): a camera's live picture, another device's state. */
    { path: '/camera/:id', name: 'camera', component: WallLayout },
    { path: '/device/:id', name: 'device', component: WallLayout },
    /** ?date=yyyy-MM-dd (default today) */
    { path: '/replay/grid/:code', name: 'replayGrid', component: WallLayout },
    { path: '/replay/:inspectorId', name: 'replay', component: WallLayout },
    /** The 党建引领 and 综合评价 boards, at the district or an area (client/boards/). */
    { path: '/board/party/:code?', name: 'partyBoard', component: WallLayout },
    { path: '/board/ranking/:code?', name: 'rankingBoard', component: WallLayout },
    /** A community's own screen: 平安社区 · 数字社区 · 人文社区 (client/community/), without the map. */
    { path: '/community/:code', name: 'community', component: () => import('./community/CommunityScreen.vue') },
  ],
})
