package cn.anjian.registry;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A safety licence's validity ended (its last valid day was {@code validTo}; it is expired from {@code expiredAt},
 * the following midnight in Asia/Shanghai). The warning engine starts ladder (十八) from it. Published once per
 * validity period, by {@link LicenceExpirySweep}.
 */
public record LicenceExpired(long licenceId, long entityId, long regionId, String licenceType, LocalDate validTo,
		Instant expiredAt) {
}
