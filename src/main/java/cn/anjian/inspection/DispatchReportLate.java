package cn.anjian.inspection;

import java.time.Instant;

/**
 * A department's dispatch report (调度报告) of a campaign was not in by its due time ({@code dueAt}, however late the
 * sweep noticed). Published once per due slot by {@link DispatchLateSweep}.
 */
public record DispatchReportLate(long slotId, long campaignId, String campaignName, long departmentId,
		String departmentName, DepartmentLevel departmentLevel, long regionId, Instant dueAt) {

	/** A city department or a district one: their ladders differ. */
	public enum DepartmentLevel {
		CITY, DISTRICT
	}
}
