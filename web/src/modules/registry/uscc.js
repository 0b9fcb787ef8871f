// 统一社会信用代码 (GB 32100-2015), as the server checks it (cn.anjian.registry.Uscc): 18 characters from a
// 31-character set (no I, O, S, V, Z), characters 3–8 digits (the region code), the 18th a check character.
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

/** null when valid, else what is wrong (in Chinese). */
export function usccProblem(code) {
  if (!code) return '请填写统一社会信用代码'
  if (code.length !== 18) return `统一社会信用代码应为18位（当前${code.length}位）`
  if ([...code].some((c) => !CHARSET.includes(c))) return '只能包含数字和大写字母（不含 I、O、S、V、Z）'
  if (!/^\d{6}$/.test(code.slice(2, 8))) return '第3–8位应为行政区划代码（数字）'
  let sum = 0
  for (let i = 0; i < 17; i++) sum += CHARSET.indexOf(code[i]) * WEIGHTS[i]
  const check = CHARSET[(31 - (sum % 31)) % 31]
  return code[17] === check ? null : '校验位不正确，请核对'
}
