// MapLibre reads .pmtiles archives through the pmtiles:// protocol, registered once per page: a
// second addProtocol would replace the first and drop the archives (and headers) it has cached.
import { addProtocol } from 'maplibre-gl'
import { PMTiles, Protocol, TileType } from 'pmtiles'

let protocol: Protocol | undefined

function pmtilesProtocol(): Protocol {
  if (!protocol) {
    protocol = new Protocol()
    addProtocol('pmtiles', protocol.tile)
  }
  return protocol
}

/** Whether the archive holds images (drawn as raster) rather than vector tiles; vector when it cannot tell. */
export async function pmtilesHoldsImages(archiveUrl: string): Promise<boolean> {
  const registered = pmtilesProtocol()
  const archive = registered.get(archiveUrl) ?? new PMTiles(archiveUrl)
  registered.add(archive)
  try {
    const { tileType } = await archive.getHeader()
    return [TileType.Png, TileType.Jpeg, TileType.Webp, TileType.Avif].includes(tileType)
  } catch (error) {
    // The map's own requests will fail the same way and show the basemap message.
    console.warn(`[basemap] could not read the header of ${archiveUrl}`, error)
    return false
  }
}
