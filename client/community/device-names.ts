// Device names carry their community ("桂香社区东门人行闸机"); on that community's own screen the prefix
// only pushes the part that tells devices apart off the edge of the row.
export function shortDeviceName(name: string, communityName: string | null | undefined): string {
  return communityName && name.startsWith(communityName) && name.length > communityName.length ? name.slice(communityName.length) : name
}
