package cn.anjian.inspection;

import cn.anjian.platform.web.ApiException;
import jakarta.validation.constraints.NotNull;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * 定期调度 (seed 003 §四(十)): when each participating department's report is due, in business time (Asia/Shanghai) —
 * weekly on a weekday, monthly on a day (the last day of a shorter month), or on given dates; always at {@code time}.
 */
public record DispatchSchedule(@NotNull(message = "请选择调度频次") Kind kind, DayOfWeek weekday, Integer dayOfMonth,
		LocalTime time, List<LocalDate> dates) {

	public enum Kind {
		WEEKLY, MONTHLY, DATES
	}

	static final LocalTime DEFAULT_TIME = LocalTime.of(17, 0);

	/** The schedule as stored: checked against the campaign's period, the due time defaulting to 17:00. */
	DispatchSchedule checked(LocalDate start, LocalDate end) {
		switch (kind) {
			case WEEKLY -> {
				if (weekday == null) {
					throw ApiException.invalid("schedule.weekday", "请选择每周报送的星期");
				}
			}
			case MONTHLY -> {
				if (dayOfMonth == null || dayOfMonth < 1 || dayOfMonth > 31) {
					throw ApiException.invalid("schedule.dayOfMonth", "每月报送日应在1至31之间");
				}
			}
			case DATES -> {
				if (dates == null || dates.isEmpty()) {
					throw ApiException.invalid("schedule.dates", "请指定报送日期");
				}
				if (dates.stream().anyMatch(d -> d.isBefore(start) || d.isAfter(end))) {
					throw ApiException.invalid("schedule.dates", "报送日期应在行动期间内");
				}
			}
		}
		return new DispatchSchedule(kind, kind == Kind.WEEKLY ? weekday : null, kind == Kind.MONTHLY ? dayOfMonth : null,
				time == null ? DEFAULT_TIME : time, kind == Kind.DATES ? List.copyOf(dates) : null);
	}
}
