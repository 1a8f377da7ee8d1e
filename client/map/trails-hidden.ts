// Whether the trails layer is hiding trails because the view holds too many inspectors; the map
// legend says so, so an operator knows to zoom in rather than think the tracks are gone.
import { ref } from 'vue'

export const trailsHidden = ref(false)
