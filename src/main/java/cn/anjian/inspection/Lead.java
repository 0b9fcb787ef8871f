package cn.anjian.inspection;

import cn.anjian.platform.web.ApiException;
import java.time.Instant;
import org.springframework.http.HttpStatus;

/**
 * A transferred violation lead (违法线索移交, seed 003 §四) and its state machine. Only the receiving department
 * accepts or returns it; only the sending side transfers it again after a return, which starts a new clock.
 *
 * <pre>
 * (new) ──transfer──▶ TRANSFERRED ──accept (receiver)──▶ ACCEPTED
 *                     TRANSFERRED ──return with reason (receiver)──▶ RETURNED ──transfer again (sender)──▶ TRANSFERRED
 *                     TRANSFERRED ──withdraw with reason (sender)──▶ WITHDRAWN
 *                     TRANSFERRED ──edit (sender)──▶ TRANSFERRED
 * </pre>
 */
public final class Lead {

	public enum State {
		/** 已移交，待受理 */
		TRANSFERRED,
		/** 已受理 */
		ACCEPTED,
		/** 已退回 */
		RETURNED,
		/** 已撤回（移交单位撤回） */
		WITHDRAWN
	}

	private final long id;
	private final Long entityId;
	private final long regionId;
	private final String subjectName;
	private final Hazard.OriginLevel senderLevel;
	private long receiverDepartmentId;
	private State state;
	private Instant transferredAt;

	Lead(long id, Long entityId, long regionId, String subjectName, Hazard.OriginLevel senderLevel,
			long receiverDepartmentId, State state, Instant transferredAt) {
		this.id = id;
		this.entityId = entityId;
		this.regionId = regionId;
		this.subjectName = subjectName;
		this.senderLevel = senderLevel;
		this.receiverDepartmentId = receiverDepartmentId;
		this.state = state;
		this.transferredAt = transferredAt;
	}

	/** The fact of the first transfer (the row was just inserted as TRANSFERRED). */
	LeadTransferred transferred(Hazard.OriginLevel receiverLevel) {
		return new LeadTransferred(id, entityId, regionId, subjectName, senderLevel, receiverDepartmentId, receiverLevel,
				transferredAt);
	}

	LeadAccepted accept(Long byDepartment, Instant now) {
		requireReceiver(byDepartment, "受理");
		state = State.ACCEPTED;
		return new LeadAccepted(id, receiverDepartmentId, now);
	}

	LeadReturned returnToSender(Long byDepartment, String reason, Instant now) {
		requireReceiver(byDepartment, "退回");
		if (reason == null || reason.isBlank()) {
			throw ApiException.invalid("reason", "请填写退回理由");
		}
		state = State.RETURNED;
		return new LeadReturned(id, receiverDepartmentId, reason.trim(), now);
	}

	/** After a return the sender names the competent department again; its three days start now. */
	LeadTransferred transferAgain(long toDepartment, Hazard.OriginLevel receiverLevel, Instant now) {
		if (state != State.RETURNED) {
			throw illegal("再次移交");
		}
		receiverDepartmentId = toDepartment;
		state = State.TRANSFERRED;
		transferredAt = now;
		return transferred(receiverLevel);
	}

	/** The sender corrects what it transferred while the receiver has not yet handled it. */
	void requireEditable() {
		if (state != State.TRANSFERRED) {
			throw illegal("修改");
		}
	}

	/** The sender takes the lead back before the receiver handled it; the receiver's clock stops. */
	LeadWithdrawn withdraw(String reason, Instant now) {
		if (state != State.TRANSFERRED) {
			throw illegal("撤回");
		}
		if (reason == null || reason.isBlank()) {
			throw ApiException.invalid("reason", "请填写撤回理由");
		}
		state = State.WITHDRAWN;
		return new LeadWithdrawn(id, receiverDepartmentId, reason.trim(), now);
	}

	private void requireReceiver(Long byDepartment, String action) {
		if (state != State.TRANSFERRED) {
			throw illegal(action);
		}
		if (byDepartment == null || byDepartment != receiverDepartmentId) {
			throw ApiException.forbidden("只有接收部门可以" + action + "该线索");
		}
	}

	private ApiException illegal(String action) {
		return new ApiException(HttpStatus.CONFLICT, "ILLEGAL_TRANSITION", "线索当前为“" + label(state) + "”，不能“" + action + "”");
	}

	static String label(State state) {
		return switch (state) {
			case TRANSFERRED -> "已移交待受理";
			case ACCEPTED -> "已受理";
			case RETURNED -> "已退回";
			case WITHDRAWN -> "已撤回";
		};
	}

	public long id() { return id; }
	public Long entityId() { return entityId; }
	public long regionId() { return regionId; }
	public long receiverDepartmentId() { return receiverDepartmentId; }
	public State state() { return state; }
	public Instant transferredAt() { return transferredAt; }
}
