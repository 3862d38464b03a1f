package cn.kejiao.cooperation;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import cn.kejiao.platform.Money;

/**
 * Live figures between the parties of an agreement, computed from what happened on the platform in a period,
 * through the owning modules' public facades (never their tables).
 */
@Service
public class AgreementFigures {

	/**
	 * One figure in one direction: what {@code servedParty} (the client side: the ordering enterprise, the booker,
	 * the demand's owner, the challenge's publisher, the buyer) received from {@code servingParty}.
	 *
	 * @param servedParty a party's region code, as named by the agreement
	 * @param servingParty another party's region code
	 * @param value the money involved, or null for kinds that count without money
	 */
	public record Figure(FigureKind kind, String servedParty, String servingParty, long count,
			@Nullable Money value) {
	}

	/**
	 * The figures of the given kinds between every ordered pair of distinct parties, for the days {@code from} to
	 * {@code to} (both included, China time). A party counts everything in its region and below.
	 */
	public List<Figure> between(Collection<String> parties, Set<FigureKind> kinds, LocalDate from, LocalDate to) {
		return List.of();
	}
}
