package cn.anjian.inspection;

import java.time.Instant;

/**
 * A hazard moved in its closed loop. The warning engine watches these: a general hazard needing re-inspection that
 * stays {@code RECTIFYING} past {@code deadline} climbs ladder (十五); a suspected major one climbs (十六) until
 * confirmed or downgraded.
 */
public record HazardTransitioned(long hazardId, long entityId, long regionId, Long departmentId,
		Hazard.OriginLevel originLevel, HazardLevel level, boolean reinspectionRequired, String transition,
		HazardState from, HazardState to, Instant deadline, Instant at) {
}
