package cn.anjian.assessment;

import java.util.Map;

/**
 * 约谈程序 (seed 000 §九(三)–(五)): the office proposes (提出约谈方案), the leader approves (批准), a written notice goes
 * out (书面通知), the interview is held and minuted (约谈纪要), the unit reports on the follow-up items (落实情况),
 * and the whole file is archived (归档).
 */
enum InterviewState {
	PROPOSED("提出"), APPROVED("已批准"), NOTIFIED("已通知"), HELD("已约谈"), FOLLOWING_UP("整改跟踪"), ARCHIVED("已归档");

	final String label;

	InterviewState(String label) {
		this.label = label;
	}

	/** The action that leaves each state, and where it leads. */
	static final Map<String, InterviewState[]> ACTIONS = Map.of(
			"approve", new InterviewState[] { PROPOSED, APPROVED },
			"notify", new InterviewState[] { APPROVED, NOTIFIED },
			"hold", new InterviewState[] { NOTIFIED, HELD },
			"follow-up", new InterviewState[] { HELD, FOLLOWING_UP },
			"archive", new InterviewState[] { FOLLOWING_UP, ARCHIVED });
}
