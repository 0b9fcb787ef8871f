package cn.anjian.platform.oplog;

import cn.anjian.platform.web.RequestIdFilter;
import jakarta.servlet.http.HttpServletRequest;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operation log (操作日志): who did what to which record, when, from where, with the values before and after.
 * An entry is written in the same transaction as the change it records, so a change cannot commit without it
 * ({@link WriteTransactionFilter} refuses a write request that records nothing). Append-only: a database
 * trigger refuses UPDATE and DELETE.
 */
@Component
public class OperationLog {

	static final String COUNT_ATTRIBUTE = OperationLog.class.getName() + ".count";

	private final JdbcClient jdbc;
	private final Clock clock;
	private final JsonMapper json;
	private final TransactionTemplate independent;
	private final NamedParameterJdbcTemplate batch;

	OperationLog(JdbcClient jdbc, NamedParameterJdbcTemplate batch, Clock clock, JsonMapper json,
			PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.clock = clock;
		this.json = json;
		this.independent = new TransactionTemplate(transactions);
		this.independent.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** Records a change; {@code before} is null for a creation, {@code after} null for a removal. */
	public void record(String action, String targetType, Object targetId, Object before, Object after) {
		Optional<Actor> actor = currentActor();
		insert(actor, actor.map(Actor::regionId).orElse(null), actor.map(Actor::displayName).orElse("系统"), action,
				targetType, targetId, before, after);
		countInRequest();
	}

	/** One change of a batch: {@code before} null for a creation, {@code after} null for a removal. */
	public record Change(Object targetId, Object before, Object after) {
	}

	/**
	 * Records many changes of one kind (an import): one entry per change, exactly as {@link #record} would write
	 * them, sent as one JDBC batch instead of a round trip each.
	 */
	public void recordAll(String action, String targetType, List<Change> changes) {
		if (changes.isEmpty()) {
			return;
		}
		Optional<Actor> actor = currentActor();
		Map<String, Object> common = entry(actor, actor.map(Actor::regionId).orElse(null),
				actor.map(Actor::displayName).orElse("系统"), action, targetType, null, null, null);
		batch.batchUpdate(INSERT, changes.stream().map(change -> {
			Map<String, Object> values = new HashMap<>(common);
			values.put("targetId", change.targetId() == null ? null : change.targetId().toString());
			values.put("before", change.before() == null ? null : json.writeValueAsString(change.before()));
			values.put("after", change.after() == null ? null : json.writeValueAsString(change.after()));
			return typed(values);
		}).toArray(SqlParameterSource[]::new));
		countInRequest();
	}

	/** Records an event of someone not signed in (a failed login), committed even if the request fails. */
	public void recordAnonymous(String actorName, long regionId, String action, String targetType, Object targetId,
			Object after) {
		independent.executeWithoutResult(status -> insert(Optional.empty(), regionId, actorName, action, targetType,
				targetId, null, after));
		countInRequest();
	}

	/** Records a refused access to another scope's record; committed even though the request fails. */
	public void recordDenied(String targetType, Object targetId) {
		Optional<Actor> actor = currentActor();
		independent.executeWithoutResult(status -> insert(actor, actor.map(Actor::regionId).orElse(null),
				actor.map(Actor::displayName).orElse("匿名"), "SCOPE_DENIED", targetType, targetId, null, null));
	}

	/** Declares that a write request changed nothing on purpose (a validation-only upload, say). */
	public void nothingChanged() {
		countInRequest();
	}

	private void insert(Optional<Actor> actor, Long regionId, String actorName, String action, String targetType, Object targetId,
			Object before, Object after) {
		jdbc.sql(INSERT).params(entry(actor, regionId, actorName, action, targetType, targetId, before, after)).update();
	}

	private Map<String, Object> entry(Optional<Actor> actor, Long regionId, String actorName, String action,
			String targetType, Object targetId, Object before, Object after) {
		Map<String, Object> values = new HashMap<>();
		values.put("at", Timestamp.from(clock.instant()));
		values.put("actorId", actor.map(Actor::userId).orElse(null));
		values.put("actorName", actorName);
		values.put("actorRole", actor.map(Actor::roleNames).orElse(null));
		values.put("ip", currentRequest().map(HttpServletRequest::getRemoteAddr).orElse(null));
		values.put("regionId", regionId);
		values.put("action", action);
		values.put("targetType", targetType);
		values.put("targetId", targetId == null ? null : targetId.toString());
		values.put("before", before == null ? null : json.writeValueAsString(before));
		values.put("after", after == null ? null : json.writeValueAsString(after));
		values.put("requestId", RequestIdFilter.current());
		return values;
	}

	/** With SQL types, so that a null binds without asking the driver for the statement's metadata (a round trip). */
	private static SqlParameterSource typed(Map<String, Object> values) {
		MapSqlParameterSource source = new MapSqlParameterSource(values);
		source.registerSqlType("actorId", Types.BIGINT);
		source.registerSqlType("regionId", Types.BIGINT);
		List.of("actorName", "actorRole", "ip", "action", "targetType", "targetId", "before", "after", "requestId")
			.forEach(name -> source.registerSqlType(name, Types.VARCHAR));
		return source;
	}

	private static final String INSERT = """
			INSERT INTO operation_log (at, actor_id, actor_name, actor_role, client_ip, region_id, action,
			                           target_type, target_id, before, after, request_id)
			VALUES (:at, :actorId, :actorName, :actorRole, :ip, :regionId, :action,
			        :targetType, :targetId, CAST(:before AS jsonb), CAST(:after AS jsonb), :requestId)
			""";

	private static Optional<Actor> currentActor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getPrincipal() instanceof Actor actor ? Optional.of(actor)
				: Optional.empty();
	}

	private static Optional<HttpServletRequest> currentRequest() {
		return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
				? Optional.of(attributes.getRequest()) : Optional.empty();
	}

	private static void countInRequest() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (attributes != null) {
			Integer count = (Integer) attributes.getAttribute(COUNT_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
			attributes.setAttribute(COUNT_ATTRIBUTE, count == null ? 1 : count + 1, RequestAttributes.SCOPE_REQUEST);
		}
	}
}
