package cn.anjian.assessment;

import java.time.Instant;

/** A follow-up item of a 约谈 was reported done: any warning its deadline raised ends. */
public record InterviewFollowUpDone(long itemId, long interviewId, Instant at) {
}
