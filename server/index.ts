// Boot only: read the configuration, create the app, listen, and stop cleanly on a signal.
import { createApp } from './app'
import { ConfigError, loadConfig } from './config'

try {
  const config = loadConfig()
  const wall = await createApp(config)
  const port = await wall.listen()
  console.log(`grid command wall: http://localhost:${port}/ (simulator ${config.simulator ? `on, ${config.simulatorSpeed}×` : 'off'})`)
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void wall.stop().then(() => process.exit(0)))
  }
} catch (error) {
  console.error(error instanceof ConfigError ? `configuration error: ${error.message}` : error)
  process.exit(1)
}
