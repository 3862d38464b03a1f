package cn.kejiao.trading;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Money;

/**
 * How a contract's value is paid: instalments, each with a due date and an amount above zero, in the order they
 * fall due, that together make exactly the contract's value. The one place this rule is kept.
 */
public record PaymentSchedule(List<Instalment> instalments) {

	/** One payment: when it is due, how much, and when it was paid (null until then). */
	public record Instalment(LocalDate dueOn, Money amount, java.time.@Nullable Instant paidAt) {

		public boolean paid() {
			return paidAt != null;
		}
	}

	/** What a party writes: a due date and an amount. */
	public record Planned(@Nullable LocalDate dueOn, @Nullable Money amount) {
	}

	public PaymentSchedule {
		instalments = List.copyOf(instalments);
	}

	/** Most instalments one contract is paid in. */
	public static final int MAX_INSTALMENTS = 24;

	/**
	 * The schedule the parties planned, checked against the value.
	 * @throws KejiaoException {@code contract.instalment-invalid} when an instalment has no date or no amount above
	 * zero, or there are none or too many; {@code contract.instalments-sum} (400) when they do not sum to the value,
	 * naming both sums
	 */
	public static PaymentSchedule of(Money value, List<Planned> planned) {
		if (planned.isEmpty() || planned.size() > MAX_INSTALMENTS) {
			throw KejiaoException.invalid("contract.instalment-invalid", MAX_INSTALMENTS);
		}
		List<Instalment> instalments = new ArrayList<>();
		Money sum = Money.ZERO;
		for (Planned p : planned) {
			if (p.dueOn() == null || p.amount() == null || p.amount().isZero()) {
				throw KejiaoException.invalid("contract.instalment-invalid", MAX_INSTALMENTS);
			}
			instalments.add(new Instalment(p.dueOn(), p.amount(), null));
			sum = sum.plus(p.amount());
		}
		if (!sum.equals(value)) {
			throw KejiaoException.invalid("contract.instalments-sum", sum.display(), value.display());
		}
		instalments.sort(java.util.Comparator.comparing(Instalment::dueOn));
		return new PaymentSchedule(instalments);
	}

	/** The whole value in one payment on the day: a drafted contract's schedule until the parties plan theirs. */
	public static PaymentSchedule single(Money value, LocalDate dueOn) {
		return of(value, List.of(new Planned(dueOn, value)));
	}

	public Money total() {
		return instalments.stream().map(Instalment::amount).reduce(Money.ZERO, Money::plus);
	}

	public Money paid() {
		return instalments.stream().filter(Instalment::paid).map(Instalment::amount).reduce(Money.ZERO, Money::plus);
	}
}
