// Serves the built wall. Client-side routes (/area/…, /case/…) get index.html so deep links reload.
// index.html carries the configured language (WALL_LANG) on its <html> element, so every screen of a
// centre starts in it without a URL parameter each, and the settings a wall needs before it draws
// (WallPageConfig: the basemap), so the map starts on the right basemap without another request.
import fs from 'node:fs'
import path from 'node:path'
import express, { Router } from 'express'
import type { WallLanguage } from '../config'
import { DEMO_BASEMAP, type WallPageConfig } from '../contract/basemap'

export function wallStaticRouter(clientDir: string, language: WallLanguage = 'zh-CN', page: WallPageConfig = { basemap: DEMO_BASEMAP }): Router {
  const router = Router()
  const indexHtml = path.join(clientDir, 'index.html')
  router.use(express.static(clientDir, { index: false }))
  router.get(/^\/(?!api\/|socket\.io\/).*/, (_req, res, next) => {
    // Read on each page load (a few hundred bytes), so a rebuilt wall is served without a restart.
    if (!fs.existsSync(indexHtml)) return next()
    res.type('html').set('cache-control', 'no-cache').send(withPageConfig(withLanguage(fs.readFileSync(indexHtml, 'utf8'), language), page))
  })
  return router
}

/** The page's <html lang> set to the configured language; the client reads it as its default. */
export function withLanguage(html: string, language: WallLanguage): string {
  return html.replace(/<html\b[^>]*>/, `<html lang="${language}">`)
}

/**
 * The page with its WallPageConfig as JSON in <script id="wall-config"> (read by client/wall-config.ts).
 * `<` is escaped so no value (an attribution, a URL) can close the script element.
 */
export function withPageConfig(html: string, page: WallPageConfig): string {
  const json = JSON.stringify(page).replaceAll('<', '\\u003c')
  const tag = `<script id="wall-config" type="application/json">${json}</script>`
  return html.includes('</head>') ? html.replace('</head>', () => `  ${tag}\n  </head>`) : `${tag}${html}`
}
