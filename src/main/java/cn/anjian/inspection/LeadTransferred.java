package cn.anjian.inspection;

import java.time.Instant;

/**
 * A violation lead (违法线索) was transferred — first or again after a return — to {@code receiverDepartmentId};
 * from {@code at} the receiver's time to accept it runs (ladder 十七). The levels are those of the sending unit and
 * of the receiving department.
 */
public record LeadTransferred(long leadId, Long entityId, long regionId, String subjectName,
		Hazard.OriginLevel senderLevel, long receiverDepartmentId, Hazard.OriginLevel receiverLevel, Instant at) {
}
