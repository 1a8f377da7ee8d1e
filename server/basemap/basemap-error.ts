// The basemap's settings refuse a bad value with a message naming the variable; server/config.ts
// turns it into a ConfigError (a separate class here keeps this folder free of an import cycle).
export class BasemapConfigError extends Error {}
