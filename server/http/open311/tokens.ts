// GET tokens/{token}: the spec's way for a server that cannot name a request at once to hand out its
// id later. Ours creates the case while the POST waits, so the POST answers with service_request_id
// and no token, as the spec says it should ("This should not be returned if service_request_id is
// returned", POST Service Request response) and as FixMyStreet reads it (the id first, a token only
// when there is no id: perllib/Open311.pm:104-129). Every token is therefore one we never issued: 404.
import { Open311Error } from './open311-errors'

export function tokenNotFound(token: string): Open311Error {
  return new Open311Error(404, 'token', `no token ${token.slice(0, 60)}: this endpoint issues none (POST requests answers with service_request_id)`)
}
