package cn.anjian.responsibility;

import java.time.Instant;

/**
 * An inspector leaves (人员移交): everything they were named on passes to a colleague of the same department. The
 * responsibility registry moves the assignments; other modules move what they hold in the person's name.
 */
public record InspectorHandedOver(long fromUserId, long toUserId, long departmentId, String reason, Instant at) {
}
