package cn.anjian.platform.time;

import cn.anjian.platform.demo.DemoMode;
import cn.anjian.platform.oplog.OperationLog;
import cn.anjian.platform.web.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Demo only: lets a trainer move the simulated clock to show deadlines and escalation. 404 outside demo mode. */
@RestController
@RequestMapping("/api/dev/clock")
class DevClockController {

	record ClockView(Instant now, long offsetSeconds) {
	}

	record ClockChange(Instant set, Double advanceHours, Boolean reset) {
	}

	private final DemoMode demoMode;
	private final Clock clock;
	private final OperationLog operationLog;

	DevClockController(DemoMode demoMode, Clock clock, OperationLog operationLog) {
		this.demoMode = demoMode;
		this.clock = clock;
		this.operationLog = operationLog;
	}

	@GetMapping
	@PreAuthorize("isAuthenticated()")
	ClockView get() {
		return view(simulated());
	}

	@PostMapping
	@PreAuthorize("hasAuthority('clock:write')")
	ClockView change(@RequestBody ClockChange change) {
		SimulatedClock simulated = simulated();
		ClockView before = view(simulated);
		if (Boolean.TRUE.equals(change.reset())) {
			simulated.reset();
		}
		else if (change.set() != null) {
			simulated.set(change.set());
		}
		else if (change.advanceHours() != null) {
			simulated.advance(Duration.ofSeconds(Math.round(change.advanceHours() * 3600)));
		}
		else {
			throw ApiException.invalid("advanceHours", "请指定要设定的时间或前进的小时数");
		}
		ClockView after = view(simulated);
		operationLog.record("CLOCK_CHANGE", "clock", 1, before, after);
		return after;
	}

	private SimulatedClock simulated() {
		if (!demoMode.enabled() || !(clock instanceof SimulatedClock simulated)) {
			throw ApiException.notFound("模拟时钟");
		}
		return simulated;
	}

	private static ClockView view(SimulatedClock clock) {
		return new ClockView(clock.instant(), clock.offsetSeconds());
	}
}
