package cn.anjian.identity;

import cn.anjian.platform.web.ApiException;

/** Password rule: at least 10 characters with at least 3 of the 4 classes (upper, lower, digit, symbol). */
final class PasswordPolicy {

	static final int MIN_LENGTH = 10;

	private PasswordPolicy() {
	}

	static void check(String password, String username) {
		if (password == null || password.length() < MIN_LENGTH) {
			throw ApiException.invalid("newPassword", "密码长度至少为" + MIN_LENGTH + "位");
		}
		int classes = (password.chars().anyMatch(Character::isUpperCase) ? 1 : 0)
				+ (password.chars().anyMatch(Character::isLowerCase) ? 1 : 0)
				+ (password.chars().anyMatch(Character::isDigit) ? 1 : 0)
				+ (password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0);
		if (classes < 3) {
			throw ApiException.invalid("newPassword", "密码须包含大写字母、小写字母、数字、符号中的至少三类");
		}
		if (password.toLowerCase().contains(username.toLowerCase())) {
			throw ApiException.invalid("newPassword", "密码不能包含用户名");
		}
	}
}
