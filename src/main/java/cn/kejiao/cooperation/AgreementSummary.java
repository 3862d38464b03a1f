package cn.kejiao.cooperation;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** An agreement in a list: what it is, between whom, when, and how its tasks stand (open tasks past due: overdue). */
public record AgreementSummary(UUID id, AgreementKind kind, String title, List<AgreementView.Party> parties,
		@Nullable LocalDate signedOn, String signedPlace, @Nullable LocalDate termStart, @Nullable LocalDate termEnd,
		int tasks, int done, int overdue) {
}
