package cn.anjian.warning;

import cn.anjian.assessment.InterviewFollowUpDone;
import cn.anjian.assessment.InterviewFollowUpOverdue;
import cn.anjian.inspection.DispatchReportFiled;
import cn.anjian.inspection.DispatchReportLate;
import cn.anjian.inspection.Hazard;
import cn.anjian.inspection.HazardBecameOverdue;
import cn.anjian.inspection.HazardLevel;
import cn.anjian.inspection.HazardState;
import cn.anjian.inspection.HazardTransitioned;
import cn.anjian.inspection.LeadAccepted;
import cn.anjian.inspection.LeadReturned;
import cn.anjian.inspection.LeadTransferred;
import cn.anjian.inspection.LeadWithdrawn;
import cn.anjian.prevention.PreventionResumed;
import cn.anjian.prevention.PreventionStoppedRunning;
import cn.anjian.registry.LicenceExpired;
import cn.anjian.registry.LicenceRenewed;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Turns the facts of other modules into warnings opened or resolved — in the same transaction as the fact, so a
 * cause and its warning never disagree. One method per ladder trigger of seed 003 §六 (and of §四(十), seed 000 §九).
 */
@Component
class WarningTriggers {

	private final WarningEngine engine;
	private final JdbcClient jdbc;

	WarningTriggers(WarningEngine engine, JdbcClient jdbc) {
		this.engine = engine;
		this.jdbc = jdbc;
	}

	/** (十五) a general hazard needing re-inspection, still being rectified at its deadline. */
	@EventListener
	void on(HazardBecameOverdue e) {
		if (e.level() == HazardLevel.GENERAL && e.reinspectionRequired()) {
			engine.open(new Trigger(Trigger.Kind.OVERDUE_HAZARD, origin(e.originLevel()), "hazard", e.hazardId(),
					e.entityId(), e.regionId(), e.departmentId(), "隐患逾期未整改：" + entityName(e.entityId()) + "，" + e.description(),
					e.overdueSince()));
		}
	}

	/**
	 * (十六) a suspected major hazard opens its ladder when reported and resolves when confirmed or downgraded;
	 * (十五) resolves as soon as the hazard is no longer being rectified past its current deadline.
	 */
	@EventListener
	void on(HazardTransitioned e) {
		if (e.transition().equals("REPORT") && e.level() == HazardLevel.SUSPECTED_MAJOR) {
			engine.open(new Trigger(Trigger.Kind.SUSPECTED_MAJOR_HAZARD, origin(e.originLevel()), "hazard", e.hazardId(),
					e.entityId(), e.regionId(), e.departmentId(), "疑似重大事故隐患待确认：" + entityName(e.entityId()), e.at()));
		}
		if (e.transition().equals("CONFIRM_MAJOR") || e.transition().equals("DOWNGRADE")) {
			engine.resolve(Trigger.Kind.SUSPECTED_MAJOR_HAZARD, "hazard", e.hazardId(), e.at());
		}
		boolean stillOverdue = e.to() == HazardState.RECTIFYING && e.deadline() != null && !e.at().isBefore(e.deadline());
		if (!stillOverdue) {
			engine.resolve(Trigger.Kind.OVERDUE_HAZARD, "hazard", e.hazardId(), e.at());
		}
	}

	/**
	 * (十七) a transferred lead not accepted: from the instant of the transfer (a transfer again after a return starts
	 * a new warning). The ladder is chosen by the level of the unit that transferred it, as seed 003 §六(十七) words it:
	 * "区县(功能区)和街道(镇)移交的违法线索" climb the district ladder, "市有关部门(单位)移交的违法线索" the city ladder.
	 * (The brief proposed the receiving department's level; the two differ only for a transfer across levels, and
	 * the seed's wording wins — a one-word change here should the city read it otherwise.) The warning names the
	 * receiving department, so its staff see it in their scope.
	 */
	@EventListener
	void on(LeadTransferred e) {
		engine.open(new Trigger(Trigger.Kind.LEAD_UNHANDLED, origin(e.senderLevel()), "lead", e.leadId(), e.entityId(),
				e.regionId(), e.receiverDepartmentId(), "移交线索未受理：" + e.subjectName(), e.at()));
	}

	@EventListener
	void on(LeadAccepted e) {
		engine.resolve(Trigger.Kind.LEAD_UNHANDLED, "lead", e.leadId(), e.at());
	}

	@EventListener
	void on(LeadReturned e) {
		engine.resolve(Trigger.Kind.LEAD_UNHANDLED, "lead", e.leadId(), e.at());
	}

	/** A lead its sender withdrew is nobody's to accept any more. */
	@EventListener
	void on(LeadWithdrawn e) {
		engine.resolve(Trigger.Kind.LEAD_UNHANDLED, "lead", e.leadId(), e.at());
	}

	/** (十八) a safety licence expired: from the instant it expired. */
	@EventListener
	void on(LicenceExpired e) {
		engine.open(new Trigger(Trigger.Kind.LICENCE_EXPIRED, entityLevel(e.entityId()), "licence", e.licenceId(),
				e.entityId(), e.regionId(), null, "证照过期：" + entityName(e.entityId()), e.expiredAt()));
	}

	@EventListener
	void on(LicenceRenewed e) {
		engine.resolve(Trigger.Kind.LICENCE_EXPIRED, "licence", e.licenceId(), e.at());
	}

	/** (十九) dual prevention not running normally: from the end of the 7th day; the entity's supervisor's ladder. */
	@EventListener
	void on(PreventionStoppedRunning e) {
		engine.open(new Trigger(Trigger.Kind.PREVENTION_NOT_RUNNING, entityLevel(e.entityId()), "prevention", e.entityId(),
				e.entityId(), e.regionId(), null, "双重预防机制连续未正常运行：" + entityName(e.entityId()) + "（自" + e.since() + "起）",
				e.triggeredAt()));
	}

	@EventListener
	void on(PreventionResumed e) {
		engine.resolve(Trigger.Kind.PREVENTION_NOT_RUNNING, "prevention", e.entityId(), e.at());
	}

	/** §四(十) a campaign's dispatch report not in by its due time: from the due time, at the department's level. */
	@EventListener
	void on(DispatchReportLate e) {
		Trigger.OriginLevel level = e.departmentLevel() == DispatchReportLate.DepartmentLevel.CITY ? Trigger.OriginLevel.CITY
				: Trigger.OriginLevel.DISTRICT;
		engine.open(new Trigger(Trigger.Kind.DISPATCH_REPORT_LATE, level, "dispatch_report", e.slotId(), null, e.regionId(),
				e.departmentId(), "调度报告逾期未报：" + e.campaignName() + "，" + e.departmentName(), e.dueAt()));
	}

	@EventListener
	void on(DispatchReportFiled e) {
		engine.resolve(Trigger.Kind.DISPATCH_REPORT_LATE, "dispatch_report", e.slotId(), e.filedAt());
	}

	/**
	 * seed 000 §九(五) a 约谈 follow-up item not done by the end of its deadline day: the city's ladder for an interview
	 * of the city's own territory, the district's (district first, then the city) for one of a district or street.
	 */
	@EventListener
	void on(InterviewFollowUpOverdue e) {
		Trigger.OriginLevel level = e.level() == InterviewFollowUpOverdue.OrganizerLevel.CITY ? Trigger.OriginLevel.CITY
				: Trigger.OriginLevel.DISTRICT;
		String title = "约谈整改事项逾期未落实：" + e.targetUnit() + "，" + e.content() + "（限" + e.deadline() + "）";
		engine.open(new Trigger(Trigger.Kind.INTERVIEW_FOLLOW_UP_OVERDUE, level, "interview_follow_up", e.itemId(), null,
				e.regionId(), null, title.length() > 300 ? title.substring(0, 299) + "…" : title, e.overdueSince()));
	}

	@EventListener
	void on(InterviewFollowUpDone e) {
		engine.resolve(Trigger.Kind.INTERVIEW_FOLLOW_UP_OVERDUE, "interview_follow_up", e.itemId(), e.at());
	}

	private static Trigger.OriginLevel origin(Hazard.OriginLevel level) {
		return level == Hazard.OriginLevel.CITY ? Trigger.OriginLevel.CITY : Trigger.OriginLevel.DISTRICT;
	}

	/** A licence's (and dual prevention's) ladder follows who supervises the entity: city-level entities climb the city ladder. */
	private Trigger.OriginLevel entityLevel(long entityId) {
		String level = jdbc.sql("SELECT supervision_level FROM supervised_entity WHERE id = :id").param("id", entityId)
			.query(String.class).single();
		return "CITY".equals(level) ? Trigger.OriginLevel.CITY : Trigger.OriginLevel.DISTRICT;
	}

	private String entityName(long entityId) {
		return jdbc.sql("SELECT name FROM supervised_entity WHERE id = :id").param("id", entityId).query(String.class).single();
	}
}
