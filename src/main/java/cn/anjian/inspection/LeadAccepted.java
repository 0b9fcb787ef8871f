package cn.anjian.inspection;

import java.time.Instant;

/** The receiving department accepted (受理) a transferred lead: it is now the competent department's to handle. */
public record LeadAccepted(long leadId, long receiverDepartmentId, Instant at) {
}
