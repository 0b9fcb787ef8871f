// Every call of the warning pages (预警管理): the scoped list, what a big screen of a level shows, the ladders.
import { http } from '../../api/http'

export const warningApi = {
  /** query: state (ACTIVE | RESOLVED), kind, screen (DISTRICT | CITY), page, size → {items: [WarningRow], total} */
  list: (query) => http.get('/warnings', query),
  /** level: DISTRICT | CITY → [{triggerKind, step, action, warnings}] */
  screen: (level) => http.get('/warnings/screen', { level }),
  /** → [{ruleId, triggerKind, originLevel, version, clause, name, stepNo, delayHours, screenLevel, action, actingLevel}] */
  rules: () => http.get('/warnings/rules')
}
