package cn.anjian.platform.web;

import java.util.List;

/** The one error body of the API: {@code {code, message, details[]}}. */
public record ApiError(String code, String message, List<Detail> details) {

	public record Detail(String field, String message) {
	}

	public static ApiError of(String code, String message) {
		return new ApiError(code, message, List.of());
	}
}
