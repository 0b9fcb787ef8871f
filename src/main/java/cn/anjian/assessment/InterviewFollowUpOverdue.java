package cn.anjian.assessment;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A follow-up item of a 约谈 (seed 000 §九(五)) was not done by the end of its deadline day ({@code overdueSince}, the
 * following midnight in Beijing, however late the sweep noticed). Published once per item by the follow-up sweep.
 */
public record InterviewFollowUpOverdue(long itemId, long interviewId, long regionId, OrganizerLevel level, String targetUnit,
		String content, LocalDate deadline, Instant overdueSince) {

	/** An interview of the city's own territory, or of a district's (or street's): their ladders differ. */
	public enum OrganizerLevel {
		CITY, DISTRICT
	}
}
