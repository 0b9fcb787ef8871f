package cn.anjian.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** GB 32100-2015: 18 characters, no I/O/S/V/Z, digits in the division code, and the weighted mod-31 check. */
class UsccTest {

	@ParameterizedTest
	@ValueSource(strings = { "91350100M000100Y43", "91110000600037341L", "12100000400000626K" })
	void acceptsValidCodes(String code) {
		assertThat(Uscc.isValid(code)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "91350100M000100Y44", "91350100M000100Y4", "91350100M000100Y433", "91350100M0001O0Y43",
			"9135A100M000100Y43", "91350100m000100y43", "", "913501000000000000" })
	void refusesInvalidCodes(String code) {
		assertThat(Uscc.isValid(code)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "91350100M000100Y4", "91110000600037341" })
	void theCheckCharacterIsTheLastOne(String first17) {
		assertThat(Uscc.isValid(first17 + Uscc.checkCharacter(first17))).isTrue();
	}
}
