package cn.anjian.inspection;

import java.time.Instant;

/** A department filed its dispatch report for a due slot; {@code late} when after the due time. */
public record DispatchReportFiled(long slotId, long campaignId, long departmentId, long regionId, Instant filedAt,
		boolean late) {
}
