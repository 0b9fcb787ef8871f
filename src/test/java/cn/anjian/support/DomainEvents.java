package cn.anjian.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records the platform's own domain events on every thread (Spring's {@code ApplicationEvents} sees only the test
 * thread, not the server threads that handle HTTP requests).
 */
@Component
public class DomainEvents {

	private final List<Object> events = new CopyOnWriteArrayList<>();

	@EventListener
	void on(Object event) {
		if (event.getClass().getName().startsWith("cn.anjian.")) {
			events.add(event);
		}
	}

	public <T> Stream<T> of(Class<T> type) {
		return events.stream().filter(type::isInstance).map(type::cast);
	}

	public void clear() {
		events.clear();
	}
}
