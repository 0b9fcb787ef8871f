package cn.anjian.platform.calendar;

import cn.anjian.platform.oplog.OperationLog;
import cn.anjian.platform.time.BusinessTime;
import cn.anjian.platform.web.ApiException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The working-day calendar (工作日历): public holidays and 调休 working days, the exceptions to "Monday–Friday".
 * It is shared by every deadline counted in working days — a ladder in working days, "report within 3 working days",
 * "file within 20 working days" — so it lives in the platform; SQL reads it through {@code add_working_days(t, n)}.
 * National reference data: the same for every region, maintained by the system administrator.
 */
@RestController
@RequestMapping("/api/work-calendar")
class WorkCalendarController {

	record CalendarDay(LocalDate day, String kind, String name) {
	}

	record DayForm(String kind, String name) {
	}

	/**
	 * Whether the current and the next year (Beijing time) have their holiday arrangement entered; for each that has
	 * none, a warning that working days are counted Monday–Friday until it is.
	 */
	record Status(LocalDate today, List<YearStatus> years, List<String> warnings) {
	}

	record YearStatus(int year, long days, boolean entered) {
	}

	private static final Set<String> KINDS = Set.of("HOLIDAY", "ADJUSTED_WORKDAY");

	private final JdbcClient jdbc;
	private final OperationLog operationLog;
	private final Clock clock;

	WorkCalendarController(JdbcClient jdbc, OperationLog operationLog, Clock clock) {
		this.jdbc = jdbc;
		this.operationLog = operationLog;
		this.clock = clock;
	}

	@GetMapping
	@PreAuthorize("hasAuthority('dict:read')")
	List<CalendarDay> year(@RequestParam int year) {
		return jdbc.sql("SELECT day, kind, name FROM work_calendar_day WHERE day >= :from AND day < :to ORDER BY day")
			.param("from", LocalDate.of(year, 1, 1)).param("to", LocalDate.of(year + 1, 1, 1))
			.query(CalendarDay.class).list();
	}

	/** Checked by the calendar page and the ladders page; a year counts as entered once it has any day listed. */
	@GetMapping("/status")
	@PreAuthorize("hasAuthority('dict:read')")
	Status status() {
		LocalDate today = LocalDate.ofInstant(clock.instant(), BusinessTime.ZONE);
		List<YearStatus> years = List.of(today.getYear(), today.getYear() + 1).stream().map(year -> {
			long days = jdbc.sql("SELECT count(*) FROM work_calendar_day WHERE day >= :from AND day < :to")
				.param("from", LocalDate.of(year, 1, 1)).param("to", LocalDate.of(year + 1, 1, 1)).query(Long.class).single();
			return new YearStatus(year, days, days > 0);
		}).toList();
		List<String> warnings = years.stream().filter(y -> !y.entered())
			.map(y -> "尚未录入" + y.year() + "年节假日安排，按周一至周五计算工作日").toList();
		return new Status(today, years, warnings);
	}

	@PutMapping("/{day}")
	@PreAuthorize("hasAuthority('calendar:write')")
	CalendarDay put(@PathVariable LocalDate day, @RequestBody DayForm form) {
		if (form.kind() == null || !KINDS.contains(form.kind())) {
			throw ApiException.invalid("kind", "类型只能是放假或调休上班");
		}
		if (form.name() == null || form.name().isBlank() || form.name().length() > 50) {
			throw ApiException.invalid("name", "请填写节日名称（不超过50字）");
		}
		CalendarDay before = find(day);
		CalendarDay after = jdbc.sql("""
				INSERT INTO work_calendar_day (day, kind, name, updated_at) VALUES (:day, :kind, :name, :now)
				ON CONFLICT (day) DO UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name, updated_at = EXCLUDED.updated_at
				RETURNING day, kind, name
				""").param("day", day).param("kind", form.kind()).param("name", form.name().trim())
			.param("now", Timestamp.from(clock.instant())).query(CalendarDay.class).single();
		operationLog.record("CALENDAR_DAY_SAVE", "work_calendar_day", day.toString(), before, after);
		return after;
	}

	@DeleteMapping("/{day}")
	@PreAuthorize("hasAuthority('calendar:write')")
	ResponseEntity<Void> delete(@PathVariable LocalDate day) {
		CalendarDay before = find(day);
		if (before == null) {
			throw ApiException.notFound("日历日期");
		}
		jdbc.sql("DELETE FROM work_calendar_day WHERE day = :day").param("day", day).update();
		operationLog.record("CALENDAR_DAY_DELETE", "work_calendar_day", day.toString(), before, null);
		return ResponseEntity.noContent().build();
	}

	private CalendarDay find(LocalDate day) {
		return jdbc.sql("SELECT day, kind, name FROM work_calendar_day WHERE day = :day").param("day", day)
			.query(CalendarDay.class).optional().orElse(null);
	}
}
