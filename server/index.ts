// Boot only: read the configuration, create the app (or, with DATABASE_URL and REDIS_URL, a node of
// several), listen, and stop cleanly on a signal.
import { createApp } from './app'
import { startClusterNode } from './boot/cluster-node'
import { ConfigError, loadConfig } from './config'

try {
  const config = loadConfig()
  const simulator = `simulator ${config.simulator ? `on, ${config.simulatorSpeed}×` : 'off'}`
  let stop: () => Promise<void>
  if (config.databaseUrl && config.cluster.redisUrl) {
    const node = await startClusterNode(config)
    console.log(`grid command wall: http://localhost:${node.port}/ (node ${node.address}, standby until it leads; ${simulator})`)
    node.leading.then(() => console.log(`cluster: ${node.address} leads`), (error: unknown) => {
      console.error('cluster: taking the lead failed', error)
      process.exit(1)
    })
    stop = () => node.stop()
  } else {
    const wall = await createApp(config)
    const port = await wall.listen()
    console.log(`grid command wall: http://localhost:${port}/ (${simulator})`)
    stop = () => wall.stop()
  }
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void stop().then(() => process.exit(0)))
  }
} catch (error) {
  console.error(error instanceof ConfigError ? `configuration error: ${error.message}` : error)
  process.exit(1)
}
