package cn.anjian.prevention;

import java.time.Instant;
import java.time.LocalDate;

/** A business that had stopped running dual prevention ran it normally again on {@code day} (known at {@code at}). */
public record PreventionResumed(long entityId, long regionId, LocalDate day, Instant at) {
}
