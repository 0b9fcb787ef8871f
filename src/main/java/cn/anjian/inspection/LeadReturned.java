package cn.anjian.inspection;

import java.time.Instant;

/** The receiving department returned (退回) a lead to its sender, with a reason; the sender may transfer it again. */
public record LeadReturned(long leadId, long receiverDepartmentId, String reason, Instant at) {
}
