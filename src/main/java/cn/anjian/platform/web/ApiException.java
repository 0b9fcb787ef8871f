package cn.anjian.platform.web;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A refusal the user should understand: a stable English {@code code} for programs, a Chinese {@code message}
 * for people, and optional field details. Thrown anywhere; {@link ApiExceptionHandler} renders it.
 */
public class ApiException extends RuntimeException {

	private final HttpStatus status;
	private final String code;
	private final List<ApiError.Detail> details;
	private final Map<String, Object> extra;

	public ApiException(HttpStatus status, String code, String message, List<ApiError.Detail> details) {
		this(status, code, message, details, Map.of());
	}

	/** With top-level fields beside code, message and details (see {@link ApiError#extra}). */
	public ApiException(HttpStatus status, String code, String message, List<ApiError.Detail> details,
			Map<String, Object> extra) {
		super(message);
		this.status = status;
		this.code = code;
		this.details = List.copyOf(details);
		this.extra = extra;
	}

	public ApiException(HttpStatus status, String code, String message) {
		this(status, code, message, List.of());
	}

	/** Not found, or outside the caller's data scope: the two look the same so existence is not revealed. */
	public static ApiException notFound(String what) {
		return new ApiException(HttpStatus.NOT_FOUND, "NOT_FOUND", what + "不存在或无权访问");
	}

	public static ApiException forbidden(String message) {
		return new ApiException(HttpStatus.FORBIDDEN, "FORBIDDEN", message);
	}

	public static ApiException conflict(String code, String message) {
		return new ApiException(HttpStatus.CONFLICT, code, message);
	}

	public static ApiException invalid(String field, String message) {
		return new ApiException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", message,
				List.of(new ApiError.Detail(field, message)));
	}

	public HttpStatus status() {
		return status;
	}

	public String code() {
		return code;
	}

	public List<ApiError.Detail> details() {
		return details;
	}

	public Map<String, Object> extra() {
		return extra;
	}
}
