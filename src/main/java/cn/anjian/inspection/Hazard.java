package cn.anjian.inspection;

import cn.anjian.platform.web.ApiException;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A hazard (隐患) and its state machine — the one place the closed loop is written down (seed 003 §四, seed 004
 * "隐患排查、复查整改、立案处罚闭环管理"). Each method checks the transition is allowed, changes the state and
 * returns the fact to publish; anything else is refused with {@code ILLEGAL_TRANSITION}.
 *
 * <pre>
 * REPORTED ──confirmMajor / downgrade (suspected major only)──▶ REPORTED
 * REPORTED ──rectifyOnTheSpot (general, 立即整改)──▶ CLOSED
 * REPORTED ──orderRectification (not while suspected; major needs 五落实)──▶ RECTIFYING
 * RECTIFYING ──applyExtension (once, before the deadline) / approve / refuse──▶ RECTIFYING
 * RECTIFYING ──submitRectification (with evidence)──▶ SUBMITTED
 * SUBMITTED ──passReinspection / acceptRectification──▶ CLOSED
 * SUBMITTED ──failReinspection / rejectRectification (new deadline)──▶ RECTIFYING   (复查不合格不能销案)
 * </pre>
 */
public final class Hazard {

	/** Whose find it is: the ladders differ for district/street finds and for city departments' (DOMAIN §2.5). */
	public enum OriginLevel {
		DISTRICT, CITY
	}

	/** 整改方式 */
	public enum RectificationType {
		/** 限期整改 */
		DEADLINE,
		/** 停产停业整顿 */
		SUSPEND
	}

	private final long id;
	private final long entityId;
	private final long regionId;
	private final Long departmentId;
	private final OriginLevel originLevel;
	private HazardLevel level;
	private HazardState state;
	private final boolean reinspectionRequired;
	private RectificationType rectificationType;
	private Instant originalDeadline;
	private Instant deadline;
	private Instant extensionRequested;
	private boolean extensionUsed;
	private RectificationPlan plan;

	public Hazard(long id, long entityId, long regionId, Long departmentId, OriginLevel originLevel, HazardLevel level,
			HazardState state, boolean reinspectionRequired, RectificationType rectificationType, Instant originalDeadline,
			Instant deadline, Instant extensionRequested, boolean extensionUsed, RectificationPlan plan) {
		this.id = id;
		this.entityId = entityId;
		this.regionId = regionId;
		this.departmentId = departmentId;
		this.originLevel = originLevel;
		this.level = level;
		this.state = state;
		this.reinspectionRequired = reinspectionRequired;
		this.rectificationType = rectificationType;
		this.originalDeadline = originalDeadline;
		this.deadline = deadline;
		this.extensionRequested = extensionRequested;
		this.extensionUsed = extensionUsed;
		this.plan = plan;
	}

	/** The fact that it was reported (the first transition, from nothing). */
	HazardTransitioned reported(Instant now) {
		return fact("REPORT", null, now);
	}

	HazardTransitioned confirmMajor(Instant now) {
		require(state == HazardState.REPORTED && level == HazardLevel.SUSPECTED_MAJOR, "确认为重大事故隐患");
		level = HazardLevel.MAJOR;
		return fact("CONFIRM_MAJOR", state, now);
	}

	HazardTransitioned downgrade(Instant now) {
		require(state == HazardState.REPORTED && level == HazardLevel.SUSPECTED_MAJOR, "降为一般事故隐患");
		level = HazardLevel.GENERAL;
		return fact("DOWNGRADE", state, now);
	}

	HazardTransitioned rectifyOnTheSpot(List<String> evidence, Instant now) {
		require(state == HazardState.REPORTED && level == HazardLevel.GENERAL, "立即整改");
		requireEvidence(evidence);
		return move(HazardState.CLOSED, "RECTIFY_ON_THE_SPOT", now);
	}

	HazardTransitioned orderRectification(RectificationType type, Instant due, RectificationPlan majorPlan, Instant now) {
		require(state == HazardState.REPORTED && level != HazardLevel.SUSPECTED_MAJOR, "下达整改通知");
		requireFuture(due, now);
		if (level == HazardLevel.MAJOR && (majorPlan == null || !majorPlan.complete())) {
			throw invalid("plan", "重大事故隐患须落实整改措施、资金、时限、责任人和应急预案（五落实）");
		}
		rectificationType = type;
		originalDeadline = due;
		deadline = due;
		plan = majorPlan;
		return move(HazardState.RECTIFYING, "ORDER_RECTIFICATION", now);
	}

	/** 延期: once, before the deadline passes; the current deadline holds until the department decides. */
	HazardTransitioned applyExtension(Instant requested, Instant now) {
		require(state == HazardState.RECTIFYING && extensionRequested == null, "申请延期");
		if (extensionUsed) {
			throw conflict("EXTENSION_ALREADY_USED", "每个隐患只能申请一次延期");
		}
		if (!now.isBefore(deadline)) {
			throw conflict("DEADLINE_PASSED", "整改期限已过，不能再申请延期");
		}
		if (!requested.isAfter(deadline)) {
			throw invalid("deadline", "延期后的期限须晚于当前整改期限");
		}
		extensionRequested = requested;
		extensionUsed = true;
		return fact("APPLY_EXTENSION", state, now);
	}

	HazardTransitioned approveExtension(Instant now) {
		require(state == HazardState.RECTIFYING && extensionRequested != null, "批准延期");
		deadline = extensionRequested;
		extensionRequested = null;
		return fact("APPROVE_EXTENSION", state, now);
	}

	HazardTransitioned refuseExtension(Instant now) {
		require(state == HazardState.RECTIFYING && extensionRequested != null, "驳回延期");
		extensionRequested = null;
		return fact("REFUSE_EXTENSION", state, now);
	}

	HazardTransitioned submitRectification(List<String> evidence, Instant now) {
		require(state == HazardState.RECTIFYING, "报告整改完成");
		requireEvidence(evidence);
		extensionRequested = null;
		return move(HazardState.SUBMITTED, "SUBMIT_RECTIFICATION", now);
	}

	HazardTransitioned passReinspection(Instant now) {
		require(state == HazardState.SUBMITTED && reinspectionRequired, "复查合格");
		return move(HazardState.CLOSED, "PASS_REINSPECTION", now);
	}

	/** 复查不合格不能销案: back to rectification with a new deadline. */
	HazardTransitioned failReinspection(Instant newDeadline, Instant now) {
		require(state == HazardState.SUBMITTED && reinspectionRequired, "复查不合格");
		requireFuture(newDeadline, now);
		deadline = newDeadline;
		return move(HazardState.RECTIFYING, "FAIL_REINSPECTION", now);
	}

	HazardTransitioned acceptRectification(Instant now) {
		require(state == HazardState.SUBMITTED && !reinspectionRequired, "验收通过");
		return move(HazardState.CLOSED, "ACCEPT_RECTIFICATION", now);
	}

	HazardTransitioned rejectRectification(Instant newDeadline, Instant now) {
		require(state == HazardState.SUBMITTED && !reinspectionRequired, "验收不通过");
		requireFuture(newDeadline, now);
		deadline = newDeadline;
		return move(HazardState.RECTIFYING, "REJECT_RECTIFICATION", now);
	}

	/** Overdue (逾期): still being rectified at or after the current approved deadline. */
	public boolean overdueAt(Instant now) {
		return state == HazardState.RECTIFYING && deadline != null && !now.isBefore(deadline);
	}

	private HazardTransitioned move(HazardState to, String transition, Instant now) {
		HazardState from = state;
		state = to;
		return fact(transition, from, now);
	}

	private HazardTransitioned fact(String transition, HazardState from, Instant now) {
		return new HazardTransitioned(id, entityId, regionId, departmentId, originLevel, level, reinspectionRequired,
				transition, from, state, deadline, now);
	}

	private void require(boolean allowed, String action) {
		if (!allowed) {
			throw conflict("ILLEGAL_TRANSITION", "隐患当前为“" + label(state) + "”" + (level == HazardLevel.SUSPECTED_MAJOR ? "（疑似重大，待确认）" : "")
					+ "，不能“" + action + "”");
		}
	}

	private static void requireEvidence(List<String> evidence) {
		if (evidence == null || evidence.stream().allMatch(e -> e == null || e.isBlank())) {
			throw invalid("evidence", "请上传整改佐证材料（照片或文件）");
		}
	}

	private static void requireFuture(Instant due, Instant now) {
		if (due == null || !due.isAfter(now)) {
			throw invalid("deadline", "整改期限须晚于当前时间");
		}
	}

	static String label(HazardState state) {
		return switch (state) {
			case REPORTED -> "已上报";
			case RECTIFYING -> "整改中";
			case SUBMITTED -> "待复查/验收";
			case CLOSED -> "已销号";
		};
	}

	private static ApiException conflict(String code, String message) {
		return new ApiException(HttpStatus.CONFLICT, code, message);
	}

	private static ApiException invalid(String field, String message) {
		return ApiException.invalid(field, message);
	}

	public long id() { return id; }
	public long entityId() { return entityId; }
	public long regionId() { return regionId; }
	public Long departmentId() { return departmentId; }
	public OriginLevel originLevel() { return originLevel; }
	public HazardLevel level() { return level; }
	public HazardState state() { return state; }
	public boolean reinspectionRequired() { return reinspectionRequired; }
	public RectificationType rectificationType() { return rectificationType; }
	public Instant originalDeadline() { return originalDeadline; }
	public Instant deadline() { return deadline; }
	public Instant extensionRequested() { return extensionRequested; }
	public boolean extensionUsed() { return extensionUsed; }
	public RectificationPlan plan() { return plan; }
}
