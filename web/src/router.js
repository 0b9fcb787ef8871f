import { createRouter, createWebHashHistory } from 'vue-router'
import { ElMessage } from 'element-plus'
import { onUnauthorized } from './api/http'
import { session, loadSession, clearSession, canAccess } from './stores/session'
import AppLayout from './layout/AppLayout.vue'
import LoginPage from './modules/identity/LoginPage.vue'
import { safeRedirect } from './utils/redirect'

// meta.perm: permission code needed; meta.demo: only in demo mode; meta.public: no login needed;
// meta.entityUsers (business users, scope ENTITY): 'only' | 'never' | 'own' (sent to their own entity instead);
// meta.scopeKinds: only users whose data scope is one of these kinds (e.g. ['DEPARTMENT']).
const routes = [
  { path: '/login', component: LoginPage, meta: { public: true, title: '登录' } },
  {
    path: '/change-password',
    component: () => import('./modules/identity/ChangePasswordPage.vue'),
    meta: { title: '修改密码' }
  },
  {
    // the big screen: full window, no app shell; ?level=DISTRICT|CITY
    path: '/screen/warnings',
    component: () => import('./modules/warning/WarningScreenPage.vue'),
    meta: { title: '预警大屏', perm: 'warning:read', entityUsers: 'never' }
  },
  {
    // 综合态势 big screen: full window, no app shell; ?regionId= drills down to a district
    path: '/screen/overview',
    component: () => import('./modules/assessment/OverviewScreenPage.vue'),
    meta: { title: '综合态势大屏', perm: 'statistics:read', entityUsers: 'never' }
  },
  {
    path: '/',
    component: AppLayout,
    redirect: '/home',
    children: [
      { path: 'home', component: () => import('./modules/platform/HomePage.vue'), meta: { title: '首页' } },
      { path: 'registry', redirect: '/registry/entities' },
      {
        path: 'registry/entities',
        component: () => import('./modules/registry/EntityListPage.vue'),
        // business users have one entity: they are sent to its page (see beforeEach)
        meta: { title: '监管对象列表', perm: 'entity:read', entityUsers: 'own' }
      },
      {
        path: 'registry/mine',
        redirect: () => ownEntityPath(session.me) || '/registry/entities',
        meta: { title: '本单位档案', perm: 'entity:read', entityUsers: 'only' }
      },
      {
        path: 'registry/entities/:id(\\d+)',
        component: () => import('./modules/registry/EntityDetailPage.vue'),
        meta: {
          title: '监管对象详情',
          perm: 'entity:read',
          activeMenu: (me) => (ownEntityPath(me) ? '/registry/mine' : '/registry/entities')
        }
      },
      {
        path: 'registry/summary',
        component: () => import('./modules/registry/SummaryPage.vue'),
        meta: { title: '底数统计', perm: 'entity:read', entityUsers: 'never' }
      },
      {
        path: 'registry/licences',
        component: () => import('./modules/registry/LicenceExpiryPage.vue'),
        meta: { title: '证照到期', perm: 'entity:read' }
      },
      { path: 'responsibility', redirect: '/responsibility/gaps' },
      {
        path: 'responsibility/gaps',
        component: () => import('./modules/responsibility/GapsPage.vue'),
        meta: { title: '盲区排查', perm: 'responsibility:read', entityUsers: 'never' }
      },
      {
        path: 'responsibility/bulk',
        component: () => import('./modules/responsibility/BulkAssignPage.vue'),
        meta: { title: '批量分工', perm: 'responsibility:write', entityUsers: 'never' }
      },
      {
        path: 'responsibility/handover',
        component: () => import('./modules/responsibility/HandoverPage.vue'),
        meta: { title: '人员移交', perm: 'responsibility:write', entityUsers: 'never' }
      },
      {
        path: 'responsibility/mine',
        component: () => import('./modules/responsibility/MyEntitiesPage.vue'),
        meta: { title: '我监管的对象', perm: 'responsibility:read', scopeKinds: ['DEPARTMENT'] }
      },
      {
        path: 'responsibility/rules',
        component: () => import('./modules/responsibility/RulesPage.vue'),
        meta: { title: '任务分工规则', perm: 'responsibility:read', entityUsers: 'never' }
      },
      { path: 'inspection', redirect: '/inspection/hazards' },
      {
        path: 'inspection/hazards',
        component: () => import('./modules/inspection/HazardListPage.vue'),
        meta: { title: '隐患列表', perm: 'hazard:read', entityUsers: 'never' }
      },
      {
        // a business's open hazards; business users land here after signing in (see beforeEach)
        path: 'inspection/mine',
        component: () => import('./modules/inspection/HazardListPage.vue'),
        meta: { title: '我的隐患整改', perm: 'hazard:read', entityUsers: 'only', mine: true }
      },
      {
        path: 'inspection/hazards/:id(\\d+)',
        component: () => import('./modules/inspection/HazardDetailPage.vue'),
        meta: {
          title: '隐患详情',
          perm: 'hazard:read',
          activeMenu: (me) => (me?.scope?.kind === 'ENTITY' ? '/inspection/mine' : '/inspection/hazards')
        }
      },
      { path: 'prevention', redirect: '/prevention/points' },
      {
        path: 'inspection/records',
        component: () => import('./modules/inspection/InspectionListPage.vue'),
        meta: { title: '检查记录', perm: 'inspection:read', entityUsers: 'never' }
      },
      {
        path: 'inspection/records/:id(\\d+)',
        component: () => import('./modules/inspection/InspectionRecordPage.vue'),
        meta: { title: '检查记录', perm: 'inspection:read', entityUsers: 'never', activeMenu: () => '/inspection/records' }
      },
      {
        path: 'inspection/plans',
        component: () => import('./modules/inspection/InspectionPlanPage.vue'),
        meta: { title: '检查计划', perm: 'inspection:read', entityUsers: 'never' }
      },
      {
        path: 'inspection/draws',
        component: () => import('./modules/inspection/RandomDrawPage.vue'),
        meta: { title: '双随机抽查', perm: 'inspection:read', entityUsers: 'never' }
      },
      {
        path: 'inspection/checklists',
        component: () => import('./modules/inspection/ChecklistTemplatePage.vue'),
        meta: { title: '检查表模板', perm: 'checklist:read', entityUsers: 'never' }
      },
      {
        path: 'inspection/leads',
        component: () => import('./modules/inspection/LeadListPage.vue'),
        meta: { title: '线索移交', perm: 'lead:read', entityUsers: 'never' }
      },
      {
        path: 'inspection/cases',
        component: () => import('./modules/inspection/CaseListPage.vue'),
        meta: { title: '立案处罚', perm: 'case:read', entityUsers: 'never' }
      },
      {
        path: 'inspection/blacklist',
        component: () => import('./modules/inspection/BlacklistPage.vue'),
        meta: { title: '黑名单', perm: 'blacklist:read', entityUsers: 'never' }
      },
      {
        path: 'prevention/points',
        component: () => import('./modules/prevention/RiskPointsPage.vue'),
        meta: { title: '风险点管控', perm: 'prevention:read' }
      },
      {
        path: 'prevention/tasks',
        component: () => import('./modules/prevention/TasksPage.vue'),
        meta: { title: '排查任务', perm: 'prevention:read' }
      },
      {
        path: 'prevention/today',
        component: () => import('./modules/prevention/TodayChecksPage.vue'),
        meta: { title: '今日排查', perm: 'prevention:write', entityUsers: 'only' }
      },
      {
        path: 'prevention/monitor',
        component: () => import('./modules/prevention/MonitorPage.vue'),
        meta: { title: '运行监测', perm: 'prevention:read', entityUsers: 'never' }
      },
      {
        path: 'prevention/evaluations',
        component: () => import('./modules/prevention/EvaluationsPage.vue'),
        meta: { title: '量化评估', perm: 'prevention:read' }
      },
      {
        path: 'prevention/evaluation-sheets',
        component: () => import('./modules/prevention/EvaluationSheetsPage.vue'),
        meta: { title: '量化评分表', perm: 'prevention:read', entityUsers: 'never' }
      },
      {
        path: 'prevention/rule',
        component: () => import('./modules/prevention/RulePage.vue'),
        meta: { title: '运行规则', perm: 'prevention:read', entityUsers: 'never' }
      },
      {
        path: 'prevention/plant-map',
        component: () => import('./modules/prevention/PlantMapPage.vue'),
        meta: { title: '风险四色图', perm: 'prevention:read' }
      },
      {
        path: 'prevention/risk-map',
        component: () => import('./modules/prevention/RiskMapPage.vue'),
        meta: { title: '风险分布地图', perm: 'prevention:read', entityUsers: 'never' }
      },
      {
        path: 'prevention/distribution',
        component: () => import('./modules/prevention/DistributionPage.vue'),
        meta: { title: '四色分布', perm: 'prevention:read', entityUsers: 'never' }
      },
      {
        path: 'inspection/campaigns',
        component: () => import('./modules/inspection/CampaignListPage.vue'),
        meta: { title: '专项行动', perm: 'campaign:read', entityUsers: 'never' }
      },
      {
        path: 'inspection/campaigns/:id(\\d+)',
        component: () => import('./modules/inspection/CampaignDetailPage.vue'),
        meta: { title: '专项行动详情', perm: 'campaign:read', entityUsers: 'never', activeMenu: '/inspection/campaigns' }
      },
      { path: 'warning', redirect: '/warning/list' },
      {
        path: 'warning/list',
        component: () => import('./modules/warning/WarningListPage.vue'),
        meta: { title: '预警列表', perm: 'warning:read' }
      },
      {
        path: 'warning/rules',
        component: () => import('./modules/warning/WarningRulesPage.vue'),
        meta: { title: '预警规则', perm: 'warning:read' }
      },
      { path: 'assessment', redirect: '/assessment/statistics' },
      {
        path: 'warning/supervision',
        component: () => import('./modules/warning/SupervisionOrdersPage.vue'),
        meta: { title: '督办与确认', perm: 'supervision:read' }
      },
      {
        path: 'warning/notices',
        component: () => import('./modules/warning/NoticesPage.vue'),
        meta: { title: '通报', perm: 'notice:read' }
      },
      {
        path: 'assessment/statistics',
        component: () => import('./modules/assessment/StatisticsPage.vue'),
        meta: { title: '统计分析', perm: 'statistics:read', entityUsers: 'never' }
      },
      {
        path: 'assessment/accidents',
        component: () => import('./modules/assessment/AccidentsPage.vue'),
        meta: { title: '事故管理', perm: 'assessment:read' }
      },
      {
        path: 'assessment/schemes',
        component: () => import('./modules/assessment/AssessmentPage.vue'),
        meta: { title: '年度考评', perm: 'assessment:read' }
      },
      {
        path: 'assessment/usage',
        component: () => import('./modules/assessment/PlatformUsagePage.vue'),
        meta: { title: '平台使用考评', perm: 'assessment:read', entityUsers: 'never' }
      },
      {
        path: 'assessment/bulletins',
        component: () => import('./modules/assessment/BulletinsPage.vue'),
        meta: { title: '季度通报', perm: 'assessment:read' }
      },
      {
        path: 'assessment/interviews',
        component: () => import('./modules/assessment/InterviewsPage.vue'),
        meta: { title: '安全生产约谈', perm: 'assessment:read' }
      },
      {
        path: 'system/regions',
        component: () => import('./modules/organization/RegionsPage.vue'),
        meta: { title: '行政区划', perm: 'region:read' }
      },
      {
        path: 'system/departments',
        component: () => import('./modules/organization/DepartmentsPage.vue'),
        meta: { title: '部门机构', perm: 'department:read' }
      },
      {
        path: 'system/dicts',
        component: () => import('./modules/platform/DictionariesPage.vue'),
        meta: { title: '数据字典', perm: 'dict:read' }
      },
      {
        path: 'system/users',
        component: () => import('./modules/identity/UsersPage.vue'),
        meta: { title: '用户管理', perm: 'user:read' }
      },
      {
        path: 'system/roles',
        component: () => import('./modules/identity/RolesPage.vue'),
        meta: { title: '角色权限', perm: 'user:read' }
      },
      {
        path: 'system/tokens',
        component: () => import('./modules/identity/ApiTokensPage.vue'),
        meta: { title: '接口令牌', perm: 'token:write' }
      },
      {
        path: 'system/work-calendar',
        component: () => import('./modules/platform/WorkCalendarPage.vue'),
        meta: { title: '工作日历', perm: 'dict:read', entityUsers: 'never' }
      },
      {
        path: 'system/oplog',
        component: () => import('./modules/platform/OperationLogPage.vue'),
        meta: { title: '操作日志', perm: 'oplog:read' }
      },
      {
        path: 'system/clock',
        component: () => import('./modules/platform/ClockPage.vue'),
        meta: { title: '模拟时钟', perm: 'clock:write', demo: true }
      },
      { path: ':pathMatch(.*)*', component: () => import('./layout/NotFoundPage.vue'), meta: { title: '页面不存在' } }
    ]
  }
]

const BUSINESS_HOME = '/inspection/mine'

/** A business user's own entity page, or null for everyone else. */
function ownEntityPath(me) {
  return me?.scope?.kind === 'ENTITY' && me.scope.entityId ? `/registry/entities/${me.scope.entityId}` : null
}

export const router = createRouter({
  history: createWebHashHistory(),
  routes
})

router.beforeEach(async (to, from) => {
  if (!session.loaded) await loadSession()
  const me = session.me

  if (to.meta.public) {
    if (me && to.path === '/login') return me.mustChangePassword ? '/change-password' : safeRedirect(to.query.redirect)
    return true
  }
  if (!me) return { path: '/login', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } }
  // A user who must change the password may go nowhere else.
  if (me.mustChangePassword && to.path !== '/change-password') return '/change-password'
  if (to.meta.entityUsers === 'own' && ownEntityPath(me)) return ownEntityPath(me)
  // a business's start page is what it has to rectify (redirectedFrom stays '/' on the way there: check the target)
  if (to.redirectedFrom?.path === '/' && to.path !== BUSINESS_HOME && me.scope?.kind === 'ENTITY'
    && canAccess(router.resolve(BUSINESS_HOME).meta)) {
    return BUSINESS_HOME
  }
  if (!canAccess(to.meta)) {
    ElMessage.error('无权限访问该页面')
    return from.matched.length ? false : '/home'
  }
  return true
})

router.afterEach((to) => {
  document.title = to.meta.title ? `${to.meta.title} - 安全生产综合监管平台` : '安全生产综合监管平台'
})

// A 401 from any call but login: the session is gone.
onUnauthorized(() => {
  const current = router.currentRoute.value
  clearSession()
  if (current.path === '/login') return
  router.replace({ path: '/login', query: { redirect: current.fullPath } })
})
