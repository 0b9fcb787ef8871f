package cn.anjian.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.anjian.platform.web.ApiException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The hazard closed loop: every allowed transition, and the refusals that keep it closed. */
class HazardTest {

	static final Instant NOW = Instant.parse("2026-11-25T02:00:00Z");
	static final Instant DUE = NOW.plus(Duration.ofDays(15));
	static final List<String> EVIDENCE = List.of("photo-sha256");
	static final RectificationPlan PLAN = new RectificationPlan("更换储罐", "50万元", "张厂长", "储罐泄漏专项预案");

	static Hazard reported(HazardLevel level, boolean reinspection) {
		return new Hazard(1, 2, 3, 4L, Hazard.OriginLevel.DISTRICT, level, HazardState.REPORTED, reinspection, null, null,
				null, null, false, null);
	}

	static Hazard rectifying(boolean reinspection) {
		Hazard hazard = reported(HazardLevel.GENERAL, reinspection);
		hazard.orderRectification(Hazard.RectificationType.DEADLINE, DUE, null, NOW);
		return hazard;
	}

	@Test
	void aGeneralHazardGoesFromOrderToRectifiedToReinspectedToClosed() {
		Hazard hazard = reported(HazardLevel.GENERAL, true);
		var ordered = hazard.orderRectification(Hazard.RectificationType.DEADLINE, DUE, null, NOW);
		assertThat(ordered.to()).isEqualTo(HazardState.RECTIFYING);
		assertThat(ordered.deadline()).isEqualTo(DUE);
		assertThat(hazard.submitRectification(EVIDENCE, NOW.plusSeconds(60)).to()).isEqualTo(HazardState.SUBMITTED);
		var closed = hazard.passReinspection(NOW.plusSeconds(120));
		assertThat(closed.from()).isEqualTo(HazardState.SUBMITTED);
		assertThat(closed.to()).isEqualTo(HazardState.CLOSED);
		assertThat(closed.transition()).isEqualTo("PASS_REINSPECTION");
	}

	@Test
	void aFailedReinspectionReturnsItToRectificationWithANewDeadlineAndCannotClose() {
		Hazard hazard = rectifying(true);
		hazard.submitRectification(EVIDENCE, NOW.plusSeconds(60));
		Instant newDeadline = DUE.plus(Duration.ofDays(7));
		var failed = hazard.failReinspection(newDeadline, NOW.plusSeconds(120));
		assertThat(failed.to()).isEqualTo(HazardState.RECTIFYING);
		assertThat(hazard.deadline()).isEqualTo(newDeadline);
		assertThat(hazard.originalDeadline()).isEqualTo(DUE);
		refused(() -> hazard.passReinspection(NOW.plusSeconds(180)), "ILLEGAL_TRANSITION");
	}

	@Test
	void withoutReinspectionTheDepartmentAcceptsOrRejectsTheRectification() {
		Hazard hazard = rectifying(false);
		hazard.submitRectification(EVIDENCE, NOW.plusSeconds(60));
		refused(() -> hazard.passReinspection(NOW), "ILLEGAL_TRANSITION");
		hazard.rejectRectification(DUE.plusSeconds(3600), NOW.plusSeconds(90));
		assertThat(hazard.state()).isEqualTo(HazardState.RECTIFYING);
		hazard.submitRectification(EVIDENCE, NOW.plusSeconds(120));
		assertThat(hazard.acceptRectification(NOW.plusSeconds(180)).to()).isEqualTo(HazardState.CLOSED);
	}

	@Test
	void aSuspectedMajorHazardMustBeConfirmedOrDowngradedBeforeAnyOrder() {
		Hazard suspected = reported(HazardLevel.SUSPECTED_MAJOR, true);
		refused(() -> suspected.orderRectification(Hazard.RectificationType.DEADLINE, DUE, PLAN, NOW), "ILLEGAL_TRANSITION");
		assertThat(suspected.downgrade(NOW).level()).isEqualTo(HazardLevel.GENERAL);
		refused(() -> suspected.confirmMajor(NOW), "ILLEGAL_TRANSITION");

		Hazard other = reported(HazardLevel.SUSPECTED_MAJOR, true);
		var confirmed = other.confirmMajor(NOW);
		assertThat(confirmed.level()).isEqualTo(HazardLevel.MAJOR);
		assertThat(confirmed.to()).isEqualTo(HazardState.REPORTED);
	}

	@Test
	void aMajorHazardNeedsTheFiveElementPlan() {
		Hazard major = reported(HazardLevel.MAJOR, true);
		refused(() -> major.orderRectification(Hazard.RectificationType.SUSPEND, DUE,
				new RectificationPlan("措施", "", "负责人", "预案"), NOW), "VALIDATION_FAILED");
		assertThat(major.orderRectification(Hazard.RectificationType.SUSPEND, DUE, PLAN, NOW).to())
			.isEqualTo(HazardState.RECTIFYING);
	}

	@Test
	void onlyAGeneralHazardIsRectifiedOnTheSpotAndOnlyWithEvidence() {
		refused(() -> reported(HazardLevel.GENERAL, false).rectifyOnTheSpot(List.of(), NOW), "VALIDATION_FAILED");
		refused(() -> reported(HazardLevel.MAJOR, false).rectifyOnTheSpot(EVIDENCE, NOW), "ILLEGAL_TRANSITION");
		assertThat(reported(HazardLevel.GENERAL, false).rectifyOnTheSpot(EVIDENCE, NOW).to()).isEqualTo(HazardState.CLOSED);
	}

	@Test
	void anExtensionIsAppliedForOnceBeforeTheDeadlineAndKeepsTheOriginal() {
		Hazard hazard = rectifying(true);
		Instant later = DUE.plus(Duration.ofDays(10));
		hazard.applyExtension(later, DUE.minusSeconds(1));
		assertThat(hazard.deadline()).as("the current deadline holds until approved").isEqualTo(DUE);
		hazard.approveExtension(DUE.plusSeconds(10));
		assertThat(hazard.deadline()).isEqualTo(later);
		assertThat(hazard.originalDeadline()).isEqualTo(DUE);
		assertThat(hazard.overdueAt(DUE.plusSeconds(20))).as("an approved extension is not overdue").isFalse();
		refused(() -> hazard.applyExtension(later.plus(Duration.ofDays(5)), DUE.plusSeconds(30)), "EXTENSION_ALREADY_USED");
	}

	@Test
	void anExtensionCannotBeAskedOnceTheDeadlineHasPassed() {
		Hazard hazard = rectifying(true);
		refused(() -> hazard.applyExtension(DUE.plus(Duration.ofDays(5)), DUE), "DEADLINE_PASSED");
	}

	@Test
	void aRefusedExtensionLeavesTheDeadline() {
		Hazard hazard = rectifying(true);
		hazard.applyExtension(DUE.plus(Duration.ofDays(5)), NOW.plusSeconds(10));
		hazard.refuseExtension(NOW.plusSeconds(20));
		assertThat(hazard.deadline()).isEqualTo(DUE);
		refused(() -> hazard.approveExtension(NOW.plusSeconds(30)), "ILLEGAL_TRANSITION");
	}

	@Test
	void aHazardIsOverdueFromItsDeadlineWhileStillBeingRectified() {
		Hazard hazard = rectifying(true);
		assertThat(hazard.overdueAt(DUE.minusSeconds(1))).isFalse();
		assertThat(hazard.overdueAt(DUE)).isTrue();
		hazard.submitRectification(EVIDENCE, DUE.plusSeconds(1));
		assertThat(hazard.overdueAt(DUE.plusSeconds(2))).as("rectified: the cause ended").isFalse();
	}

	@Test
	void aDeadlineMustLieInTheFuture() {
		refused(() -> reported(HazardLevel.GENERAL, true).orderRectification(Hazard.RectificationType.DEADLINE, NOW, null, NOW),
				"VALIDATION_FAILED");
	}

	@Test
	void aClosedHazardAcceptsNothing() {
		Hazard hazard = reported(HazardLevel.GENERAL, false);
		hazard.rectifyOnTheSpot(EVIDENCE, NOW);
		refused(() -> hazard.submitRectification(EVIDENCE, NOW), "ILLEGAL_TRANSITION");
		refused(() -> hazard.orderRectification(Hazard.RectificationType.DEADLINE, DUE, null, NOW), "ILLEGAL_TRANSITION");
	}

	private static void refused(Runnable transition, String code) {
		assertThatThrownBy(transition::run).isInstanceOf(ApiException.class)
			.satisfies(e -> assertThat(((ApiException) e).code()).isEqualTo(code))
			.satisfies(e -> assertThat(e.getMessage()).matches(".*[\\u4e00-\\u9fa5].*"));
	}
}
