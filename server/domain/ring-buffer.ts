// A fixed-capacity buffer of [lng, lat] pairs: an inspector's recent trail. Memory stays bounded
// however long the wall runs; the full history belongs to the store.
export class TrailBuffer {
  private readonly coords: Float64Array
  private start = 0
  private count = 0

  constructor(readonly capacity: number) {
    this.coords = new Float64Array(capacity * 2)
  }

  push(lng: number, lat: number): void {
    const slot = (this.start + this.count) % this.capacity
    this.coords[slot * 2] = lng
    this.coords[slot * 2 + 1] = lat
    if (this.count < this.capacity) this.count++
    else this.start = (this.start + 1) % this.capacity
  }

  get size(): number {
    return this.count
  }

  /** Oldest first, flattened [lng, lat, lng, lat, …]. */
  toArray(): number[] {
    const out = new Array<number>(this.count * 2)
    for (let i = 0; i < this.count; i++) {
      const slot = (this.start + i) % this.capacity
      out[i * 2] = this.coords[slot * 2]
      out[i * 2 + 1] = this.coords[slot * 2 + 1]
    }
    return out
  }
}
