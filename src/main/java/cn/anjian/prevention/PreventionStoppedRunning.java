package cn.anjian.prevention;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A business has not run dual prevention normally for the rule's number of consecutive days (7 by default, seed 003
 * §六(十九)): {@code since} is the first of those days, {@code triggeredAt} the end of the last one (midnight,
 * Asia/Shanghai). Published once per stoppage by {@link RunningStatus}; the warning engine starts ladder (十九).
 */
public record PreventionStoppedRunning(long entityId, long regionId, LocalDate since, Instant triggeredAt) {
}
