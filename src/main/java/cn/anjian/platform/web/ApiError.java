package cn.anjian.platform.web;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Map;

/**
 * The one error body of the API: {@code {code, message, details[]}}. A few refusals add top-level fields of their own
 * ({@code extra}, e.g. the id of an import's error report), never in place of these three.
 */
public record ApiError(String code, String message, List<Detail> details, @JsonIgnore Map<String, Object> extra) {

	public record Detail(String field, String message) {
	}

	public ApiError(String code, String message, List<Detail> details) {
		this(code, message, details, Map.of());
	}

	public static ApiError of(String code, String message) {
		return new ApiError(code, message, List.of());
	}

	@JsonAnyGetter
	Map<String, Object> extraFields() {
		return extra;
	}
}
