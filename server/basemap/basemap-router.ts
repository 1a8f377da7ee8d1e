// Serves the basemap file of DATA_DIR (a .pmtiles archive or a style .json) at the URL the walls were
// given, and nothing else of DATA_DIR (wall.db lives there). send() answers Range requests with 206,
// which is how the pmtiles reader fetches a header, a directory or one tile out of a large archive.
import fs from 'node:fs'
import path from 'node:path'
import { Router } from 'express'
import { BASEMAP_FILES_PATH, type ConfiguredBasemap } from './basemap-config'

/** The URL carries the file's size and time (?v=), so a wall may keep its bytes for long. */
const MAX_AGE_MS = 30 * 24 * 3600_000

export function basemapRouter(basemap: ConfiguredBasemap): Router {
  const router = Router()
  const file = basemap.file
  if (!file) return router
  router.get(`${BASEMAP_FILES_PATH}/${encodeURIComponent(path.basename(file))}`, (_req, res, next) => {
    // A strong ETag: the pmtiles reader ignores weak ones (send's default), and with a strong one it
    // notices a file replaced under a running wall and reloads its header instead of mixing offsets.
    const stat = fs.statSync(file, { throwIfNoEntry: false })
    if (stat) res.set('ETag', `"${stat.size.toString(36)}-${Math.round(stat.mtimeMs).toString(36)}"`)
    res.sendFile(file, { maxAge: MAX_AGE_MS, etag: false, lastModified: true, acceptRanges: true, dotfiles: 'allow' }, (error) => {
      if (error && !res.headersSent) next(error)
    })
  })
  return router
}
