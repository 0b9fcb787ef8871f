package cn.anjian.platform.web;

import java.util.List;

/** One page of a list: {@code {items, total}}. Pages are 1-based; sizes are capped. */
public record Page<T>(List<T> items, long total) {

	public static final int MAX_SIZE = 500;

	public static int size(int requested) {
		return Math.max(1, Math.min(requested, MAX_SIZE));
	}

	public static int offset(int page, int size) {
		return (Math.max(1, page) - 1) * size(size);
	}
}
