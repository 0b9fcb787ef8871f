package cn.anjian.inspection;

import java.time.Instant;

/** The sender withdrew (撤回) a lead before the receiver accepted or returned it: nobody has it to handle any more. */
public record LeadWithdrawn(long leadId, long receiverDepartmentId, String reason, Instant at) {
}
