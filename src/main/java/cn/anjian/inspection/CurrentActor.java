package cn.anjian.inspection;

import cn.anjian.platform.oplog.Actor;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** The signed-in user acting in this request, for the history rows a transition writes. */
final class CurrentActor {

	private CurrentActor() {
	}

	static Optional<Actor> get() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth != null && auth.getPrincipal() instanceof Actor a ? Optional.of(a) : Optional.empty();
	}

	static Long id() {
		return get().map(Actor::userId).orElse(null);
	}

	static String name() {
		return get().map(Actor::displayName).orElse("系统");
	}

	static boolean holds(String permission) {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth != null && auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(permission::equals);
	}
}
