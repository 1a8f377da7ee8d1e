// Category codes are stored with every case and are the Open311 service_codes clients hold. They
// used to be derived from each subclass's position in its list (`i + 1`), so inserting a subclass
// renumbered every later one and silently moved history to another category. They are written out
// now; this table is the published catalogue: change a row and this test says which code moved.
import { describe, expect, it } from 'vitest'
import { CASE_CATEGORIES, findCategory } from '../../../server/domain/categories'

const PUBLISHED: Record<string, string> = {
  C0101: '井盖破损', C0102: '路灯不亮', C0103: '电力设施破损', C0104: '健身设施损坏',
  C0201: '道路破损', C0202: '护栏损坏', C0203: '交通标志牌损坏', C0204: '公交站亭破损',
  C0301: '果皮箱破损', C0302: '公厕设施损坏', C0303: '广告牌匾破损',
  C0401: '行道树倒伏', C0402: '绿地设施损坏', C0501: '危房隐患', C0601: '消防设施缺失',
  E0101: '暴露垃圾', E0102: '道路不洁', E0103: '积存渣土', E0104: '违法搭建', E0105: '绿地脏乱', E0106: '乱堆物料',
  E0201: '非法小广告', E0202: '违规户外广告', E0301: '施工占道', E0302: '工地扬尘', E0303: '施工废弃料',
  E0401: '占道经营', E0402: '无照经营', E0403: '乱停放非机动车', E0404: '店外经营',
  E0501: '道路积水', E0502: '管道破裂', E0503: '路面塌陷', E0601: '噪声扰民',
  E0701: '邻里纠纷', E0702: '物业纠纷', E0703: '家庭纠纷',
}

describe('the category catalogue', () => {
  it('keeps every published code on the subclass it was published for', () => {
    for (const [code, name] of Object.entries(PUBLISHED)) expect(findCategory(code)?.name, code).toBe(name)
  })

  it('gives every subclass a unique code of its kind and major class (大类 + 小类 numbers)', () => {
    const codes = CASE_CATEGORIES.map((c) => c.code)
    expect(new Set(codes).size).toBe(codes.length)
    const majors = new Map<string, string>()
    for (const c of CASE_CATEGORIES) {
      expect(c.code).toMatch(c.kind === 'component' ? /^C\d{4}$/ : /^E\d{4}$/)
      const prefix = c.code.slice(0, 3)
      expect(majors.get(prefix) ?? c.major, `${c.code} in the major class of ${prefix}`).toBe(c.major)
      majors.set(prefix, c.major)
    }
  })

  it('does not derive codes from positions: the source writes each one out', async () => {
    const { readFile } = await import('node:fs/promises')
    const source = await readFile('server/domain/categories.ts', 'utf8')
    for (const code of Object.keys(PUBLISHED)) expect(source).toContain(`'${code}'`)
  })
})
