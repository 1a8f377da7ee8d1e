// The demo district's party organisations, from its real street, community and grid names: a 大工委
// per street, a 大党委 per community, a 党总支 per grid (一网格一支部), under it 1–3 小区党支部 and
// under each 2–5 楼栋党小组. Each grid's members add up to the party members its profile already
// counts (demo-profiles.ts), split into the 三支队伍 (在职 ~40 %, 小区 ~45 %, 驻区 ~15 %).
// Deterministic with the seed.
import type { AreaProfile } from '../contract/domain'
import type { PartyOrg } from '../contract/party'
import type { AreaTree } from '../domain/area-tree'
import { createRng, pick, type Rng } from '../simulator/random'

const SURNAMES = ['陈', '林', '黄', '张', '李', '王', '吴', '刘', '蔡', '杨', '郑', '许', '何', '郭', '罗', '高', '叶', '邱', '江', '卓']
const GIVEN = ['明华', '秀琴', '建国', '丽华', '志明', '美英', '国荣', '淑华', '振兴', '爱珍', '德成', '桂英', '金水', '玉兰', '文忠', '宝珠']
const ESTATE_PREFIX = ['福馨', '榕城', '鼓岭', '岳峰', '东方', '锦绣', '金山', '阳光', '晋安', '华侨', '融信', '温泉', '闽江', '凤凰']
const ESTATE_SUFFIX = ['花园', '小区', '新村', '公寓', '苑', '家园']

/** Members per grid when its profile has none (Fuqing: 49,106 members in 1,560 grids ≈ 31). */
const DEFAULT_GRID_MEMBERS = 31

const int = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1))

export function demoPartyOrgs(tree: AreaTree, ownProfiles: ReadonlyMap<string, AreaProfile>, seed: number): PartyOrg[] {
  const rng = createRng(seed ^ 0x5a17)
  const person = () => pick(rng, SURNAMES) + pick(rng, GIVEN)
  const orgs: PartyOrg[] = []
  const none = { employed: 0, resident: 0, stationed: 0 }
  const add = (o: Omit<PartyOrg, 'secretary'>) => orgs.push({ ...o, secretary: person() })
  for (const street of tree.all().filter((a) => a.level === 'street')) {
    const streetOrg = `${street.code}-DGW`
    add({ code: streetOrg, name: `${street.name}大工委`, level: 'streetWorkCommittee', parentCode: null, areaCode: street.code, place: null, members: none, vanguardPosts: 0, doubleReported: 0 })
    for (const community of tree.childrenOf(street.code).map((c) => tree.get(c)!).filter((a) => a.level === 'community')) {
      const communityOrg = `${community.code}-DDW`
      add({ code: communityOrg, name: `${community.name}大党委`, level: 'communityCommittee', parentCode: streetOrg, areaCode: community.code, place: null, members: none, vanguardPosts: 0, doubleReported: 0 })
      for (const grid of tree.childrenOf(community.code).map((c) => tree.get(c)!).filter((a) => a.level === 'grid')) {
        gridOrgs(grid.code, grid.name, communityOrg, ownProfiles.get(grid.code)?.partyMembers || DEFAULT_GRID_MEMBERS, rng, add)
      }
    }
  }
  return orgs
}

function gridOrgs(gridCode: string, gridName: string, parentCode: string, members: number, rng: Rng, add: (o: Omit<PartyOrg, 'secretary'>) => void): void {
  // The 三支队伍 of the grid, then shared out: 在职 and 驻区 mostly to the 总支 and 支部, 小区 to the 楼栋.
  const employed = Math.round(members * (0.35 + rng() * 0.1))
  const stationed = Math.round(members * (0.1 + rng() * 0.1))
  const resident = Math.max(0, members - employed - stationed)
  const estates = int(rng, 1, 3)
  const generalOrg = `${gridCode}-DZZ`
  const generalEmployed = Math.round(employed / (estates + 1))
  const generalStationed = Math.round(stationed / 2)
  add({
    code: generalOrg, name: `${gridName}党总支`, level: 'gridGeneralBranch', parentCode, areaCode: gridCode, place: null,
    members: { employed: generalEmployed, resident: 0, stationed: generalStationed }, vanguardPosts: int(rng, 1, 3), doubleReported: int(rng, 2, 6),
  })
  const usedNames = new Set<string>()
  let leftEmployed = employed - generalEmployed, leftStationed = stationed - generalStationed, leftResident = resident
  for (let e = 1; e <= estates; e++) {
    let estate = ''
    do estate = pick(rng, ESTATE_PREFIX) + pick(rng, ESTATE_SUFFIX)
    while (usedNames.has(estate))
    usedNames.add(estate)
    const last = e === estates
    const share = <T extends number>(left: T, parts: number) => last ? left : Math.round(left / parts)
    const branchEmployed = share(leftEmployed, estates - e + 1), branchStationed = share(leftStationed, estates - e + 1)
    const branchResident = share(leftResident, estates - e + 1)
    leftEmployed -= branchEmployed; leftStationed -= branchStationed; leftResident -= branchResident
    const branchOrg = `${gridCode}-B${String(e).padStart(2, '0')}`
    const groups = int(rng, 2, 5)
    // The branch keeps a few 小区 members itself (its committee); the rest sit in the building groups.
    const own = Math.min(branchResident, int(rng, 1, 3))
    add({
      code: branchOrg, name: `${estate}党支部`, level: 'estateBranch', parentCode: generalOrg, areaCode: gridCode, place: estate,
      members: { employed: branchEmployed, resident: own, stationed: branchStationed }, vanguardPosts: int(rng, 0, 2), doubleReported: int(rng, 3, 10),
    })
    let leftGroup = branchResident - own
    for (let g = 1; g <= groups; g++) {
      const count = g === groups ? leftGroup : Math.round(leftGroup / (groups - g + 1))
      leftGroup -= count
      add({
        code: `${branchOrg}-G${String(g).padStart(2, '0')}`, name: `${estate}${g}号楼党小组`, level: 'buildingGroup', parentCode: branchOrg,
        areaCode: gridCode, place: `${estate}${g}号楼`, members: { employed: 0, resident: count, stationed: 0 },
        vanguardPosts: rng() < 0.3 ? 1 : 0, doubleReported: int(rng, 0, 3),
      })
    }
  }
}
