// Serves the built wall. Client-side routes (/area/…, /case/…) get index.html so deep links reload.
// index.html carries the configured language (WALL_LANG) on its <html> element, so every screen of a
// centre starts in it without a URL parameter each.
import fs from 'node:fs'
import path from 'node:path'
import express, { Router } from 'express'
import type { WallLanguage } from '../config'

export function wallStaticRouter(clientDir: string, language: WallLanguage = 'zh-CN'): Router {
  const router = Router()
  const indexHtml = path.join(clientDir, 'index.html')
  router.use(express.static(clientDir, { index: false }))
  router.get(/^\/(?!api\/|socket\.io\/).*/, (_req, res, next) => {
    // Read on each page load (a few hundred bytes), so a rebuilt wall is served without a restart.
    if (!fs.existsSync(indexHtml)) return next()
    res.type('html').set('cache-control', 'no-cache').send(withLanguage(fs.readFileSync(indexHtml, 'utf8'), language))
  })
  return router
}

/** The page's <html lang> set to the configured language; the client reads it as its default. */
export function withLanguage(html: string, language: WallLanguage): string {
  return html.replace(/<html\b[^>]*>/, `<html lang="${language}">`)
}
