// Serves the built wall. Client-side routes (/area/…, /case/…) get index.html so deep links reload.
import fs from 'node:fs'
import path from 'node:path'
import express, { Router } from 'express'

export function wallStaticRouter(clientDir: string): Router {
  const router = Router()
  const indexHtml = path.join(clientDir, 'index.html')
  router.use(express.static(clientDir))
  router.get(/^\/(?!api\/|socket\.io\/).*/, (_req, res, next) => {
    if (!fs.existsSync(indexHtml)) return next()
    res.sendFile(indexHtml)
  })
  return router
}
