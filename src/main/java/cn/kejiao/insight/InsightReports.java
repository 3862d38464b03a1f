package cn.kejiao.insight;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import cn.kejiao.audit.AuditLog;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.ChinaTime;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Paging;
import cn.kejiao.platform.RegionCodes;
import cn.kejiao.region.Regions;

/**
 * A region's monthly and yearly reports, as a workbook and a PDF in Chinese, written from the same figures the
 * dashboards read: on demand by whoever governs the region ({@link InsightAccess#requireGoverns}), and on a schedule
 * after each month (every province and prefecture with facts that month, and the nation) and after each year.
 * Several nodes may run the schedule: each (region, period) is claimed once in the database ({@link ReportStore}).
 * The files are kept in {@code insight.report} (decision 0034). {@code kejiao.insight.jobs=false} stops the schedule.
 */
@Service
public class InsightReports {

	private static final Logger log = LoggerFactory.getLogger(InsightReports.class);

	private final ReportStore store;
	private final ReportContents contents;
	private final ReportWorkbook workbook;
	private final ReportPdf pdf;
	private final InsightAccess access;
	private final Regions regions;
	private final AuditLog audit;
	private final MessageSource messages;
	private final TransactionTemplate transactions;
	private final Clock clock;
	private final boolean jobs;

	InsightReports(ReportStore store, ReportContents contents, ReportWorkbook workbook, ReportPdf pdf,
			InsightAccess access, Regions regions, AuditLog audit, MessageSource messages,
			TransactionTemplate transactions, Clock clock, @Value("${kejiao.insight.jobs:true}") boolean jobs) {
		this.store = store;
		this.contents = contents;
		this.workbook = workbook;
		this.pdf = pdf;
		this.access = access;
		this.regions = regions;
		this.audit = audit;
		this.messages = messages;
		this.transactions = transactions;
		this.clock = clock;
		this.jobs = jobs;
	}

	/**
	 * Writes the region's report for the period now (up to today for a period not over), stores it and audits it.
	 * 403 {@code insight.scope} for a region the actor does not govern, 404 {@code region.not-found} for a code that
	 * names no region, 400 {@code insight.report-future} for a period not begun.
	 */
	public InsightReport produce(Actor actor, String region, ReportPeriod period) {
		access.requireGoverns(actor, region);
		requireRegion(region);
		ReportContent content = contents.build(region, period);
		byte[] xlsx = workbook.write(content);
		byte[] document = pdf.write(content);
		UUID id = UUID.randomUUID();
		transactions.executeWithoutResult(status -> {
			store.insert(id, region, period, content.to(), content.generatedAt(), false, actor.username(),
					InsightReport.State.READY);
			store.files(id, content.to(), xlsx, document);
			audited(id, content);
		});
		return view(store.find(id).orElseThrow());
	}

	/** The report, if the actor governs its region; 404 {@code insight.report-not-found} otherwise. */
	public InsightReport get(Actor actor, UUID id) {
		return view(readable(actor, id));
	}

	/** The report's workbook; 409 {@code insight.report-failed} when writing it failed. */
	public InsightReport.File xlsx(Actor actor, UUID id) {
		return file(actor, id, "xlsx");
	}

	/** The report's PDF; 409 {@code insight.report-failed} when writing it failed. */
	public InsightReport.File pdf(Actor actor, UUID id) {
		return file(actor, id, "pdf");
	}

	/**
	 * The reports the actor may read, newest first: of {@code region} only when given (403 {@code insight.scope}
	 * outside the actor's scope), else of every region it governs.
	 */
	public Page<InsightReport> list(Actor actor, @Nullable String region, Paging paging) {
		String exact = region == null || region.isBlank() ? null : region.strip();
		if (exact != null) {
			access.requireGoverns(actor, exact);
		}
		else if (!actor.isPlatformAdmin() && !actor.isRegionAdmin()) {
			throw KejiaoException.forbidden("insight.scope", "");
		}
		String pattern = actor.isPlatformAdmin() ? "%" : RegionCodes.likePattern(actor.regionCode());
		List<InsightReport> reports = store.list(pattern, exact, paging.offset(), paging.size()).stream()
			.map(this::view).toList();
		return new PageImpl<>(reports, paging.pageRequest(), store.count(pattern, exact));
	}

	@Scheduled(cron = "${kejiao.insight.report-cron:0 20 2 * * *}", zone = "Asia/Shanghai")
	void scheduledReports() {
		if (!jobs) {
			return;
		}
		try {
			int produced = produceDue(LocalDate.now(clock.withZone(ChinaTime.ZONE)));
			if (produced > 0) {
				log.info("Insight reports written on schedule: {}", produced);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Scheduled insight reports failed; the next run tries again", ex);
		}
	}

	/**
	 * Writes the reports due on {@code today} that no node has written yet: last month's for the nation and every
	 * province and prefecture with facts in it and, in January, last year's likewise. Returns how many this call
	 * wrote. Cheap when they exist: one insert that conflicts per region.
	 */
	public int produceDue(LocalDate today) {
		int produced = 0;
		YearMonth month = YearMonth.from(today).minusMonths(1);
		for (String region : regionsWithFacts(month.atDay(1), month.atDay(1))) {
			produced += produceOnce(region, ReportPeriod.month(month)) ? 1 : 0;
		}
		if (today.getMonthValue() == 1) {
			int year = today.getYear() - 1;
			for (String region : regionsWithFacts(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 1))) {
				produced += produceOnce(region, ReportPeriod.year(year)) ? 1 : 0;
			}
		}
		return produced;
	}

	/** The nation and the provinces and prefectures that had facts, those that name a region. */
	private List<String> regionsWithFacts(LocalDate first, LocalDate last) {
		List<String> found = store.regionsWithFacts(first, last);
		List<String> codes = new ArrayList<>();
		if (!found.isEmpty()) {
			codes.add(InsightFigures.NATION);
		}
		found.stream().filter(regions::exists).forEach(codes::add);
		return codes;
	}

	/** Claims and writes one scheduled report in one transaction; false when another node wrote it. */
	private boolean produceOnce(String region, ReportPeriod period) {
		UUID id = UUID.randomUUID();
		OffsetDateTime at = OffsetDateTime.now(clock.withZone(ChinaTime.ZONE));
		try {
			Boolean written = transactions.execute(status -> {
				if (!store.claim(id, region, period, at)) {
					return false;
				}
				ReportContent content = contents.build(region, period);
				store.files(id, content.to(), workbook.write(content), pdf.write(content));
				audited(id, content);
				return true;
			});
			return Boolean.TRUE.equals(written);
		}
		catch (RuntimeException ex) {
			log.warn("Insight report of {} for {} failed", region, period.label(), ex);
			transactions.executeWithoutResult(status -> store.insert(UUID.randomUUID(), region, period, period.end(),
					at, true, null, InsightReport.State.FAILED));
			return false;
		}
	}

	private void audited(UUID id, ReportContent content) {
		String region = InsightFigures.NATION.equals(content.region()) ? null : content.region();
		audit.record("insight.report-produced", "insight-report", id.toString(), content.title(), region, null,
				Map.of("regionCode", content.region(), "reportPeriod", content.period().label(),
						"periodEnd", content.to().toString()));
	}

	private ReportStore.Row readable(Actor actor, UUID id) {
		return store.find(id).filter(row -> access.governs(actor, row.region()))
			.orElseThrow(() -> KejiaoException.notFound("insight.report-not-found", id));
	}

	private InsightReport.File file(Actor actor, UUID id, String type) {
		ReportStore.Row row = readable(actor, id);
		byte[] content = row.state() == InsightReport.State.READY ? store.file(id, type) : null;
		if (content == null) {
			throw KejiaoException.conflict("insight.report-failed", id);
		}
		String name = contents.chineseName(row.region()).replace(' ', '-') + "-" + row.period().label() + "-"
				+ contents.zh("insight.report.fileName." + row.period().kind()) + "." + type;
		return new InsightReport.File(name, content);
	}

	private void requireRegion(String region) {
		if (!InsightFigures.NATION.equals(region)) {
			regions.get(region);
		}
	}

	private InsightReport view(ReportStore.Row row) {
		String name = InsightFigures.NATION.equals(row.region())
				? messages.getMessage("insight.report.nation", null, LocaleContextHolder.getLocale())
				: regions.fullNameOrCode(row.region());
		ReportPeriod period = row.period();
		return new InsightReport(row.id(), row.region(), name, period.kind(), period.year(),
				period.kind() == ReportPeriod.Kind.MONTH ? period.start().getMonthValue() : null, period.start(),
				row.periodEnd(), row.generatedAt(), row.scheduled(), row.generatedBy(), row.state());
	}
}
