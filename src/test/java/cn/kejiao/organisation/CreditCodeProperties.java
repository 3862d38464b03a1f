package cn.kejiao.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The GB 32100 validator accepts every well-formed code and names the rule a broken one breaks. */
class CreditCodeProperties {

	@Property
	void everyCodeWithItsCheckCharacterIsAccepted(@ForAll("first17") String first17) {
		String code = first17 + CreditCode.checkCharacter(first17);
		assertThat(CreditCode.of(code).value()).isEqualTo(code);
	}

	@Property
	void anyOtherCheckCharacterIsRefusedWithTheExpectedOne(@ForAll("first17") String first17,
			@ForAll @IntRange(min = 1, max = 30) int shift) {
		char right = CreditCode.checkCharacter(first17);
		char wrong = CreditCode.ALPHABET.charAt((CreditCode.ALPHABET.indexOf(right) + shift) % 31);
		assertThatThrownBy(() -> CreditCode.of(first17 + wrong)).isInstanceOfSatisfying(InvalidCreditCodeException.class,
				ex -> {
					assertThat(ex.rule()).isEqualTo(InvalidCreditCodeException.Rule.CHECK);
					assertThat(ex.args()).containsExactly(String.valueOf(right), String.valueOf(wrong));
				});
	}

	@Property
	void changingOneCharacterOfAValidCodeIsAlwaysDetected(@ForAll("first17") String first17,
			@ForAll @IntRange(min = 0, max = 16) int position, @ForAll @IntRange(min = 1, max = 30) int shift) {
		String valid = first17 + CreditCode.checkCharacter(first17);
		char original = valid.charAt(position);
		char replaced = CreditCode.ALPHABET.charAt((CreditCode.ALPHABET.indexOf(original) + shift) % 31);
		String typo = valid.substring(0, position) + replaced + valid.substring(position + 1);
		assertThatThrownBy(() -> CreditCode.of(typo)).isInstanceOf(InvalidCreditCodeException.class);
	}

	@Property
	void lowerCaseAndFullWidthInputIsNormalised(@ForAll("first17") String first17) {
		String code = first17 + CreditCode.checkCharacter(first17);
		StringBuilder fullWidth = new StringBuilder();
		code.toLowerCase().chars().forEach(c -> fullWidth.appendCodePoint(c + 0xFEE0));
		assertThat(CreditCode.of("  " + fullWidth + " ").value()).isEqualTo(code);
	}

	@Property
	void wrongLengthsAreRefusedWithTheLength(@ForAll @IntRange(min = 1, max = 40) int length) {
		if (length == 18) {
			return;
		}
		String text = "9".repeat(length);
		assertThatThrownBy(() -> CreditCode.of(text)).isInstanceOfSatisfying(InvalidCreditCodeException.class, ex -> {
			assertThat(ex.rule()).isEqualTo(InvalidCreditCodeException.Rule.LENGTH);
			assertThat(ex.args()).containsExactly(length);
		});
	}

	@Property
	void lettersOutsideTheAlphabetAreRefusedWithTheirPosition(@ForAll("first17") String first17,
			@ForAll @IntRange(min = 8, max = 16) int position, @ForAll("forbidden") char forbidden) {
		String code = first17 + CreditCode.checkCharacter(first17);
		String bad = code.substring(0, position) + forbidden + code.substring(position + 1);
		assertThatThrownBy(() -> CreditCode.of(bad)).isInstanceOfSatisfying(InvalidCreditCodeException.class, ex -> {
			assertThat(ex.rule()).isEqualTo(InvalidCreditCodeException.Rule.CHARACTER);
			assertThat(ex.args()[0]).isEqualTo(position + 1);
		});
	}

	@Example
	void acceptsPublishedCodes() {
		// codes printed on real business licences
		assertThat(CreditCode.of("91350100M000100Y43").divisionCode()).isEqualTo("350100");
		assertThat(CreditCode.of("91110000802100433B").value()).isEqualTo("91110000802100433B");
	}

	@Example
	void refusesAnUnknownRegistrationAuthority() {
		String first17 = "B1310114MA0000010";
		assertThatThrownBy(() -> CreditCode.of(first17 + CreditCode.checkCharacter(first17)))
			.isInstanceOfSatisfying(InvalidCreditCodeException.class,
					ex -> assertThat(ex.rule()).isEqualTo(InvalidCreditCodeException.Rule.AUTHORITY));
	}

	@Example
	void refusesLettersWhereTheDivisionCodeBelongs() {
		String first17 = "9131A114MA0000010";
		assertThatThrownBy(() -> CreditCode.of(first17 + CreditCode.checkCharacter(first17)))
			.isInstanceOfSatisfying(InvalidCreditCodeException.class,
					ex -> assertThat(ex.rule()).isEqualTo(InvalidCreditCodeException.Rule.DIVISION));
	}

	@Example
	void refusesAnEmptyCode() {
		assertThatThrownBy(() -> CreditCode.of("  ")).isInstanceOfSatisfying(InvalidCreditCodeException.class,
				ex -> assertThat(ex.rule()).isEqualTo(InvalidCreditCodeException.Rule.EMPTY));
	}

	@Provide
	Arbitrary<String> first17() {
		Arbitrary<Character> authority = Arbitraries.of('1', '5', '9', 'Y');
		Arbitrary<Character> category = Arbitraries.of('1', '2', '3', '9');
		Arbitrary<String> division = Arbitraries.strings().numeric().ofLength(6);
		Arbitrary<String> organisation = Arbitraries.strings().withChars(CreditCode.ALPHABET.toCharArray()).ofLength(9);
		return Combinators.combine(authority, category, division, organisation)
			.as((a, c, d, o) -> "" + a + c + d + o);
	}

	@Provide
	Arbitrary<Character> forbidden() {
		return Arbitraries.of('I', 'O', 'S', 'V', 'Z', '-', '#', '中');
	}
}
