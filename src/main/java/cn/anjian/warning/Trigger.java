package cn.anjian.warning;

import java.time.Instant;

/**
 * What starts a warning: a kind of trigger (one ladder per kind and origin level), its subject, where it is, and the
 * instant the condition began to hold — the ladder counts from {@code triggeredAt}, not from when it was noticed.
 */
public record Trigger(Kind kind, OriginLevel originLevel, String subjectType, long subjectId, Long entityId,
		long regionId, Long departmentId, String title, Instant triggeredAt) {

	/**
	 * The ladders of seed 003 §六, the dispatch-report ladder of §四(十) (V18__campaigns.sql) and the 约谈 follow-up
	 * ladder of seed 000 §九(五) (V30__interview_follow_up_ladder.sql).
	 */
	public enum Kind {
		/** (十五) a general hazard needing re-inspection, past its deadline */
		OVERDUE_HAZARD,
		/** (十六) a suspected major hazard, not yet confirmed or downgraded */
		SUSPECTED_MAJOR_HAZARD,
		/** (十七) a transferred violation lead, not accepted */
		LEAD_UNHANDLED,
		/** (十八) an entity's safety licence expired */
		LICENCE_EXPIRED,
		/** (十九) dual prevention not running normally for more than 7 days */
		PREVENTION_NOT_RUNNING,
		/** §四(十) a campaign's dispatch report (调度报告) not in by its due time */
		DISPATCH_REPORT_LATE,
		/** seed 000 §九(五) a follow-up item of a 约谈 not done by its deadline */
		INTERVIEW_FOLLOW_UP_OVERDUE
	}

	/** Found/owned at district or street level, or by a city department: the ladders differ. */
	public enum OriginLevel {
		DISTRICT, CITY
	}
}
