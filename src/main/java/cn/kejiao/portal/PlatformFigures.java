package cn.kejiao.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import cn.kejiao.catalog.CatalogFigures;
import cn.kejiao.catalog.EntryType;
import cn.kejiao.organisation.OrganisationStatus;
import cn.kejiao.organisation.Organisations;
import cn.kejiao.voucher.VoucherWorkload;

/**
 * The platform in figures, for the visitors' home page: verified institutions, the instruments, services,
 * achievements and experts the catalog shows, and the service orders placed. Counted from the modules' facades
 * and kept for a minute, so a busy home page costs a few counts a minute rather than a few per visit.
 */
@Component
class PlatformFigures {

	static final Duration KEPT = Duration.ofMinutes(1);

	/** The figures as they were counted at {@code countedAt}. */
	record Figures(long institutions, long instruments, long services, long achievements, long experts, long orders,
			Instant countedAt) {
	}

	private final Organisations organisations;
	private final CatalogFigures catalog;
	private final VoucherWorkload vouchers;
	private final Clock clock;
	private volatile @Nullable Figures last;

	PlatformFigures(Organisations organisations, CatalogFigures catalog, VoucherWorkload vouchers, Clock clock) {
		this.organisations = organisations;
		this.catalog = catalog;
		this.vouchers = vouchers;
		this.clock = clock;
	}

	Figures now() {
		Instant now = clock.instant();
		Figures figures = last;
		if (figures == null || !now.isBefore(figures.countedAt().plus(KEPT)) || now.isBefore(figures.countedAt())) {
			figures = count(now);
			last = figures;
		}
		return figures;
	}

	private Figures count(Instant now) {
		Map<EntryType, Long> entries = catalog.shownByType();
		return new Figures(organisations.count(OrganisationStatus.VERIFIED), entries.get(EntryType.INSTRUMENT),
				entries.get(EntryType.SERVICE), entries.get(EntryType.ACHIEVEMENT), entries.get(EntryType.EXPERT),
				vouchers.orderCount(), now);
	}
}
