package cn.anjian.inspection;

import java.time.Instant;

/**
 * A hazard was still being rectified when its current deadline passed ({@code overdueSince} is the deadline itself,
 * however late the sweep noticed). Published once per deadline by {@link HazardOverdueSweep}.
 */
public record HazardBecameOverdue(long hazardId, long entityId, long regionId, Long departmentId,
		Hazard.OriginLevel originLevel, HazardLevel level, boolean reinspectionRequired, String description,
		Instant overdueSince) {
}
