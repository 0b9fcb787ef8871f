package cn.anjian.inspection;

import cn.anjian.platform.oplog.Actor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** One step of a hazard's loop made durable: the aggregate saved, the step appended to its history, the fact published. */
@Component
class RecordingTransition {

	private final Hazards hazards;
	private final ApplicationEventPublisher events;

	RecordingTransition(Hazards hazards, ApplicationEventPublisher events) {
		this.hazards = hazards;
		this.events = events;
	}

	void record(Hazard hazard, HazardTransitioned fact, String note, String extensionReason) {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		Actor actor = auth != null && auth.getPrincipal() instanceof Actor a ? a : null;
		hazards.save(hazard, fact, actor == null ? null : actor.userId(), actor == null ? "系统" : actor.displayName(), note,
				extensionReason);
		events.publishEvent(fact);
	}
}
