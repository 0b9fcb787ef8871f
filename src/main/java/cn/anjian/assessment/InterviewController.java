package cn.anjian.assessment;

import cn.anjian.platform.oplog.OperationLog;
import cn.anjian.platform.scope.DataScope;
import cn.anjian.platform.scope.ScopeChecks;
import cn.anjian.platform.web.ApiException;
import cn.anjian.platform.web.Page;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** 约谈: one case per interview, from proposal to archive, with its follow-up items and deadlines. */
@RestController
@RequestMapping("/api/interviews")
class InterviewController {

	record Link(@NotBlank String type, long id) {
	}

	record InterviewForm(Long regionId, @NotBlank @Size(max = 200) String targetUnit, @NotBlank @Size(max = 500) String targetLeaders,
			@NotBlank @Size(max = 2000) String reason, List<@Valid Link> links, Instant scheduledAt, @Size(max = 300) String place,
			@Size(max = 4000) String notice, @Size(max = 4000) String materials, @Size(max = 8000) String minutes) {
	}

	record FollowUpForm(@NotBlank @Size(max = 1000) String content, @NotNull LocalDate deadline) {
	}

	record FollowUpDone(@NotBlank @Size(max = 1000) String result) {
	}

	record FollowUp(long id, String content, LocalDate deadline, Instant doneAt, String result) {
	}

	record Interview(long id, long regionId, String regionName, String targetUnit, String targetLeaders, String reason,
			List<Link> links, String state, Instant scheduledAt, String place, String notice, String materials, String minutes,
			Instant createdAt, List<FollowUp> followUps) {
	}

	private final JdbcClient jdbc;
	private final ScopeChecks scopeChecks;
	private final OperationLog operationLog;
	private final Clock clock;
	private final JsonMapper json;
	private final ApplicationEventPublisher events;

	InterviewController(JdbcClient jdbc, ScopeChecks scopeChecks, OperationLog operationLog, Clock clock, JsonMapper json,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.scopeChecks = scopeChecks;
		this.operationLog = operationLog;
		this.clock = clock;
		this.json = json;
		this.events = events;
	}

	@GetMapping
	@PreAuthorize("hasAuthority('assessment:read')")
	Page<Interview> list(@RequestParam(required = false) String state, @RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "20") int size, DataScope scope) {
		String where = " WHERE " + scope.regionFilter("i.region_id") + " AND (CAST(:state AS text) IS NULL OR i.state = :state)";
		long total = scope.bind(jdbc.sql("SELECT count(*) FROM interview i" + where)).param("state", state).query(Long.class).single();
		List<Interview> items = scope.bind(jdbc.sql(SELECT + where + " ORDER BY i.created_at DESC, i.id DESC LIMIT :size OFFSET :offset"))
			.param("state", state).param("size", Page.size(size)).param("offset", Page.offset(page, size))
			.query((rs, n) -> map(rs, List.of())).list();
		return new Page<>(items, total);
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAuthority('assessment:read')")
	Interview get(@PathVariable long id, DataScope scope) {
		return find(scope, id);
	}

	@PostMapping
	@PreAuthorize("hasAuthority('interview:write')")
	Interview propose(@Valid @RequestBody InterviewForm form, DataScope scope) {
		long region = form.regionId() == null ? scope.regionId() : form.regionId();
		scopeChecks.requireRegion(scope, region, "region", region, "区划");
		checkLinks(scope, form.links());
		Instant now = clock.instant();
		long id = jdbc.sql("""
				INSERT INTO interview (region_id, target_unit, target_leaders, reason, links, state, scheduled_at, place, notice,
				  created_by, created_at, updated_at)
				VALUES (:region, :unit, :leaders, :reason, CAST(:links AS jsonb), 'PROPOSED', :scheduledAt, :place, :notice, :user, :now, :now)
				RETURNING id""").param("region", region).param("unit", form.targetUnit().trim())
			.param("leaders", form.targetLeaders().trim()).param("reason", form.reason().trim())
			.param("links", json.writeValueAsString(form.links() == null ? List.of() : form.links()))
			.param("scheduledAt", form.scheduledAt() == null ? null : Timestamp.from(form.scheduledAt())).param("place", form.place())
			.param("notice", form.notice()).param("user", scope.userId()).param("now", Timestamp.from(now)).query(Long.class).single();
		Interview created = find(scope, id);
		operationLog.record("INTERVIEW_PROPOSE", "interview", id, null, created);
		return created;
	}

	/** The case file: notice, materials submitted, minutes; the case itself until archived. */
	@PutMapping("/{id}")
	@PreAuthorize("hasAuthority('interview:write')")
	Interview edit(@PathVariable long id, @Valid @RequestBody InterviewForm form, DataScope scope) {
		Interview before = open(scope, id);
		checkLinks(scope, form.links());
		jdbc.sql("""
				UPDATE interview SET target_unit = :unit, target_leaders = :leaders, reason = :reason, links = CAST(:links AS jsonb),
				  scheduled_at = :scheduledAt, place = :place, notice = :notice, materials = :materials, minutes = :minutes,
				  updated_at = :now, version = version + 1 WHERE id = :id""")
			.param("unit", form.targetUnit().trim()).param("leaders", form.targetLeaders().trim()).param("reason", form.reason().trim())
			.param("links", json.writeValueAsString(form.links() == null ? List.of() : form.links()))
			.param("scheduledAt", form.scheduledAt() == null ? null : Timestamp.from(form.scheduledAt())).param("place", form.place())
			.param("notice", form.notice()).param("materials", form.materials()).param("minutes", form.minutes())
			.param("now", Timestamp.from(clock.instant())).param("id", id).update();
		Interview after = find(scope, id);
		operationLog.record("INTERVIEW_EDIT", "interview", id, before, after);
		return after;
	}

	@PostMapping("/{id}/actions/{action}")
	@PreAuthorize("hasAuthority('interview:write')")
	Interview act(@PathVariable long id, @PathVariable String action, DataScope scope) {
		Interview before = find(scope, id);
		InterviewState[] move = InterviewState.ACTIONS.get(action);
		if (move == null) {
			throw ApiException.notFound("操作");
		}
		if (!before.state().equals(move[0].name())) {
			throw new ApiException(HttpStatus.CONFLICT, "ILLEGAL_TRANSITION",
					"约谈当前为“" + InterviewState.valueOf(before.state()).label + "”，不能执行此操作");
		}
		switch (action) {
			case "notify" -> require(before.notice() != null && !before.notice().isBlank() && before.scheduledAt() != null,
					"notice", "发出通知前请填写书面通知内容和约谈时间");
			case "hold" -> require(before.minutes() != null && !before.minutes().isBlank(), "minutes", "请先整理约谈纪要");
			case "follow-up" -> require(!before.followUps().isEmpty(), "followUps", "请先列出整改事项及期限");
			case "archive" -> require(before.followUps().stream().allMatch(f -> f.doneAt() != null), "followUps",
					"整改事项全部落实后才能归档");
			default -> {
			}
		}
		jdbc.sql("UPDATE interview SET state = :to, updated_at = :now, version = version + 1 WHERE id = :id AND state = :from")
			.param("to", move[1].name()).param("from", move[0].name()).param("now", Timestamp.from(clock.instant()))
			.param("id", id).update();
		Interview after = find(scope, id);
		operationLog.record("INTERVIEW_" + move[1].name(), "interview", id, before, after);
		return after;
	}

	@PostMapping("/{id}/follow-ups")
	@PreAuthorize("hasAuthority('interview:write')")
	Interview addFollowUp(@PathVariable long id, @Valid @RequestBody FollowUpForm form, DataScope scope) {
		Interview before = open(scope, id);
		jdbc.sql("""
				INSERT INTO interview_follow_up (interview_id, region_id, content, deadline) VALUES (:id, :region, :content, :deadline)
				""").param("id", id).param("region", before.regionId()).param("content", form.content().trim())
			.param("deadline", form.deadline()).update();
		Interview after = find(scope, id);
		operationLog.record("INTERVIEW_FOLLOW_UP_ADD", "interview", id, before, after);
		return after;
	}

	/** An item reported done ends the warning its deadline may have raised (the follow-up ladder). */
	@PostMapping("/{id}/follow-ups/{itemId}/done")
	@PreAuthorize("hasAuthority('interview:write')")
	Interview followUpDone(@PathVariable long id, @PathVariable long itemId, @Valid @RequestBody FollowUpDone form, DataScope scope) {
		Interview before = open(scope, id);
		Instant now = clock.instant();
		int changed = jdbc.sql("UPDATE interview_follow_up SET done_at = :now, result = :result WHERE id = :item AND interview_id = :id")
			.param("now", Timestamp.from(now)).param("result", form.result().trim()).param("item", itemId).param("id", id)
			.update();
		if (changed == 0) {
			throw ApiException.notFound("整改事项");
		}
		events.publishEvent(new InterviewFollowUpDone(itemId, id, now));
		Interview after = find(scope, id);
		operationLog.record("INTERVIEW_FOLLOW_UP_DONE", "interview", id, before, after);
		return after;
	}

	private Interview open(DataScope scope, long id) {
		Interview interview = find(scope, id);
		if (interview.state().equals(InterviewState.ARCHIVED.name())) {
			throw new ApiException(HttpStatus.CONFLICT, "INTERVIEW_ARCHIVED", "约谈已归档，不能再修改");
		}
		return interview;
	}

	/** Every linked warning, accident or hazard must be one the caller may see. */
	private void checkLinks(DataScope scope, List<Link> links) {
		for (Link link : links == null ? List.<Link>of() : links) {
			String sql = switch (link.type()) {
				case "WARNING" -> "SELECT EXISTS (SELECT 1 FROM warning w WHERE w.id = :id AND "
						+ scope.entityRecordFilter("w.entity_id", "w.region_id", "w.department_id") + ")";
				case "HAZARD" -> "SELECT EXISTS (SELECT 1 FROM hazard h WHERE h.id = :id AND "
						+ scope.entityRecordFilter("h.entity_id", "h.region_id", "h.department_id") + ")";
				case "ACCIDENT" -> "SELECT EXISTS (SELECT 1 FROM accident a WHERE a.id = :id AND " + scope.regionFilter("a.region_id") + ")";
				default -> throw ApiException.invalid("links", "关联对象只能是预警、隐患或事故");
			};
			if (!scope.bind(jdbc.sql(sql)).param("id", link.id()).query(Boolean.class).single()) {
				operationLog.recordDenied(link.type().toLowerCase(), link.id());
				throw ApiException.notFound("关联的" + switch (link.type()) {
					case "WARNING" -> "预警";
					case "HAZARD" -> "隐患";
					default -> "事故";
				});
			}
		}
	}

	private static void require(boolean ok, String field, String message) {
		if (!ok) {
			throw ApiException.invalid(field, message);
		}
	}

	private Interview find(DataScope scope, long id) {
		List<FollowUp> followUps = jdbc.sql("""
				SELECT id, content, deadline, done_at, result FROM interview_follow_up WHERE interview_id = :id ORDER BY deadline, id
				""").param("id", id).query(FollowUp.class).list();
		return scope.bind(jdbc.sql(SELECT + " WHERE i.id = :id AND " + scope.regionFilter("i.region_id"))).param("id", id)
			.query((rs, n) -> map(rs, followUps)).optional().orElseThrow(() -> {
				operationLog.recordDenied("interview", id);
				return ApiException.notFound("约谈");
			});
	}

	private Interview map(java.sql.ResultSet rs, List<FollowUp> followUps) throws java.sql.SQLException {
		Timestamp scheduled = rs.getTimestamp("scheduled_at");
		return new Interview(rs.getLong("id"), rs.getLong("region_id"), rs.getString("region_name"), rs.getString("target_unit"),
				rs.getString("target_leaders"), rs.getString("reason"), json.readValue(rs.getString("links"), new TypeReference<List<Link>>() {
				}), rs.getString("state"), scheduled == null ? null : scheduled.toInstant(), rs.getString("place"), rs.getString("notice"),
				rs.getString("materials"), rs.getString("minutes"), rs.getTimestamp("created_at").toInstant(), followUps);
	}

	private static final String SELECT = """
			SELECT i.id, i.region_id, r.name AS region_name, i.target_unit, i.target_leaders, i.reason, i.links::text AS links, i.state,
			  i.scheduled_at, i.place, i.notice, i.materials, i.minutes, i.created_at
			FROM interview i JOIN region r ON r.id = i.region_id""";
}
