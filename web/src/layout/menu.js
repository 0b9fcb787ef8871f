import {
  HomeFilled,
  OfficeBuilding,
  Stamp,
  Search,
  Aim,
  Bell,
  DataAnalysis,
  Setting
} from '@element-plus/icons-vue'

import { isCityUser } from '../stores/session'

// The left menu, in the order of the platform's modules. Access rules live in the routes' meta; `shownTo(me)`
// narrows an entry further where one route serves several audiences, `newTab` opens it in a new browser tab.
export const menu = [
  { path: '/home', title: '首页', icon: HomeFilled },
  {
    key: 'registry',
    title: '监管对象',
    icon: OfficeBuilding,
    children: [
      { path: '/registry/entities', title: '监管对象列表' },
      { path: '/registry/mine', title: '本单位档案' },
      { path: '/registry/summary', title: '底数统计' },
      { path: '/registry/licences', title: '证照到期' }
    ]
  },
  {
    key: 'responsibility',
    title: '监管责任',
    icon: Stamp,
    children: [
      { path: '/responsibility/gaps', title: '盲区排查' },
      { path: '/responsibility/bulk', title: '批量分工' },
      { path: '/responsibility/handover', title: '人员移交' },
      { path: '/responsibility/mine', title: '我监管的对象' },
      { path: '/responsibility/rules', title: '任务分工规则' }
    ]
  },
  {
    key: 'inspection',
    title: '隐患排查整治',
    icon: Search,
    children: [
      { path: '/inspection/records', title: '检查记录' },
      { path: '/inspection/plans', title: '检查计划' },
      { path: '/inspection/draws', title: '双随机抽查' },
      { path: '/inspection/hazards', title: '隐患列表' },
      { path: '/inspection/mine', title: '我的隐患整改' },
      { path: '/inspection/campaigns', title: '专项行动' },
      { path: '/inspection/leads', title: '线索移交' },
      { path: '/inspection/cases', title: '立案处罚' },
      { path: '/inspection/blacklist', title: '黑名单' },
      { path: '/inspection/checklists', title: '检查表模板' }
    ]
  },
  {
    key: 'prevention',
    title: '双重预防',
    icon: Aim,
    children: [
      { path: '/prevention/points', title: '风险点管控' },
      { path: '/prevention/tasks', title: '排查任务' },
      { path: '/prevention/today', title: '今日排查' },
      { path: '/prevention/plant-map', title: '风险四色图' },
      { path: '/prevention/monitor', title: '运行监测' },
      { path: '/prevention/distribution', title: '四色分布' },
      { path: '/prevention/evaluations', title: '量化评估' },
      { path: '/prevention/evaluation-sheets', title: '量化评分表' },
      { path: '/prevention/rule', title: '运行规则' },
      { path: '/prevention/risk-map', title: '风险分布地图' }
    ]
  },
  {
    key: 'warning',
    title: '预警管理',
    icon: Bell,
    children: [
      { path: '/warning/list', title: '预警列表' },
      { path: '/warning/supervision', title: '督办与确认' },
      { path: '/warning/notices', title: '通报' },
      { path: '/warning/rules', title: '预警规则' },
      // the big screens open in a new tab; each level's own users see its entry (the route allows both)
      { path: '/screen/warnings?level=DISTRICT', title: '区级大屏', newTab: true, shownTo: (me) => !isCityUser(me) },
      { path: '/screen/warnings?level=CITY', title: '市级大屏', newTab: true, shownTo: (me) => isCityUser(me) }
    ]
  },
  {
    key: 'assessment',
    title: '统计考评',
    icon: DataAnalysis,
    children: [
      { path: '/assessment/statistics', title: '统计分析' },
      { path: '/assessment/accidents', title: '事故管理' },
      { path: '/assessment/schemes', title: '年度考评' },
      { path: '/assessment/usage', title: '平台使用考评' },
      { path: '/assessment/bulletins', title: '季度通报' },
      { path: '/assessment/interviews', title: '安全生产约谈' },
      { path: '/screen/overview', title: '综合态势大屏', newTab: true }
    ]
  },
  {
    key: 'system',
    title: '系统管理',
    icon: Setting,
    children: [
      { path: '/system/regions', title: '行政区划' },
      { path: '/system/departments', title: '部门机构' },
      { path: '/system/dicts', title: '数据字典' },
      { path: '/system/work-calendar', title: '工作日历' },
      { path: '/system/users', title: '用户管理' },
      { path: '/system/roles', title: '角色权限' },
      { path: '/system/tokens', title: '接口令牌' },
      { path: '/system/oplog', title: '操作日志' },
      { path: '/system/clock', title: '模拟时钟' }
    ]
  }
]
