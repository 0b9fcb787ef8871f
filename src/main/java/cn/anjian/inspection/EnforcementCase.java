package cn.anjian.inspection;

import cn.anjian.platform.web.ApiException;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;

/**
 * An administrative penalty case (立案/处罚, 一案一档; seed 004 "隐患排查、复查整改、立案处罚闭环管理", seed 001 §14) and
 * its state machine. A fine keeps the amount first decided and the current one; each change (听证, 复议, 诉讼) needs
 * a reason and is recorded; amounts change only while the decision is not yet executed.
 *
 * <pre>
 * FILED ──decide (one or more penalties)──▶ DECIDED ──execute (paid / carried out)──▶ EXECUTED ──close──▶ CLOSED
 * FILED ──no penalty (legal basis, reason)──▶ NOT_PENALIZED   (不予处罚决定: the case ends, no blacklist entry)
 * FILED ──withdraw (reason)──▶ WITHDRAWN                      (撤案: the filing itself is withdrawn)
 * </pre>
 *
 * Both ways of ending without a penalty exist only before a decision: once penalties are decided, changing them is
 * a matter for 听证/复议/诉讼 (an amount change), not for closing the case another way.
 */
public final class EnforcementCase {

	public enum State {
		/** 已立案 */
		FILED,
		/** 已作出处罚决定 */
		DECIDED,
		/** 已执行 */
		EXECUTED,
		/** 已结案 */
		CLOSED,
		/** 不予处罚（已结案） */
		NOT_PENALIZED,
		/** 已撤案 */
		WITHDRAWN
	}

	public enum PenaltyKind {
		/** 罚款 */
		FINE("罚款"),
		/** 停产停业整顿 */
		SUSPEND("停产停业整顿"),
		/** 暂扣证照 */
		LICENCE_SUSPEND("暂扣证照"),
		/** 吊销证照 */
		LICENCE_REVOKE("吊销证照"),
		/** 关闭 */
		CLOSE("关闭");

		private final String label;

		PenaltyKind(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	/** One penalty of a decision; {@code amount} (元) for a fine only. */
	public record Penalty(PenaltyKind kind, BigDecimal amount, String detail) {
	}

	private final long id;
	private State state;

	EnforcementCase(long id, State state) {
		this.id = id;
		this.state = state;
	}

	/** Returns the transition name to record. */
	String decide(List<Penalty> penalties) {
		require(State.FILED, "作出处罚决定");
		if (penalties == null || penalties.isEmpty()) {
			throw ApiException.invalid("penalties", "请至少选择一种处罚");
		}
		Set<PenaltyKind> seen = EnumSet.noneOf(PenaltyKind.class);
		for (Penalty p : penalties) {
			if (p.kind() == null || !seen.add(p.kind())) {
				throw ApiException.invalid("penalties", "处罚种类不能为空或重复");
			}
			boolean fine = p.kind() == PenaltyKind.FINE;
			if (fine && (p.amount() == null || p.amount().signum() <= 0)) {
				throw ApiException.invalid("amount", "罚款金额须大于0");
			}
			if (!fine && p.amount() != null) {
				throw ApiException.invalid("amount", "只有罚款填写金额");
			}
		}
		state = State.DECIDED;
		return "DECIDE";
	}

	/** A fine's current amount changes (听证、复议后减少等): only before the decision is executed, always with a reason. */
	void changeAmount(BigDecimal from, BigDecimal to, String reason) {
		require(State.DECIDED, "变更罚款金额");
		if (to == null || to.signum() < 0) {
			throw ApiException.invalid("amount", "罚款金额不能为负");
		}
		if (to.compareTo(from) == 0) {
			throw ApiException.invalid("amount", "变更后的金额与现金额相同");
		}
		if (reason == null || reason.isBlank()) {
			throw ApiException.invalid("reason", "请填写变更理由（如听证、复议结果）");
		}
	}

	String execute() {
		require(State.DECIDED, "执行完毕");
		state = State.EXECUTED;
		return "EXECUTE";
	}

	String close() {
		require(State.EXECUTED, "结案");
		state = State.CLOSED;
		return "CLOSE";
	}

	/** 不予处罚: the legal basis (e.g. 《行政处罚法》第三十三条) and the reason are both required. */
	String decideNoPenalty(String basis, String reason) {
		require(State.FILED, "作出不予处罚决定");
		if (basis == null || basis.isBlank()) {
			throw ApiException.invalid("basis", "请填写不予处罚的法律依据");
		}
		if (reason == null || reason.isBlank()) {
			throw ApiException.invalid("reason", "请填写不予处罚的理由");
		}
		state = State.NOT_PENALIZED;
		return "NO_PENALTY";
	}

	/** 撤案: e.g. the facts do not hold, or the matter is not this department's; the reason is required. */
	String withdraw(String reason) {
		require(State.FILED, "撤案");
		if (reason == null || reason.isBlank()) {
			throw ApiException.invalid("reason", "请填写撤案理由");
		}
		state = State.WITHDRAWN;
		return "WITHDRAW";
	}

	/** Ended without a penalty: 不予处罚 or 撤案. */
	boolean endedWithoutPenalty() {
		return state == State.NOT_PENALIZED || state == State.WITHDRAWN;
	}

	private void require(State expected, String action) {
		if (state != expected) {
			throw new ApiException(HttpStatus.CONFLICT, "ILLEGAL_TRANSITION", "案件当前为“" + label(state) + "”，不能“" + action + "”");
		}
	}

	static String label(State state) {
		return switch (state) {
			case FILED -> "已立案";
			case DECIDED -> "已作出处罚决定";
			case EXECUTED -> "已执行";
			case CLOSED -> "已结案";
			case NOT_PENALIZED -> "不予处罚";
			case WITHDRAWN -> "已撤案";
		};
	}

	public long id() { return id; }
	public State state() { return state; }
}
