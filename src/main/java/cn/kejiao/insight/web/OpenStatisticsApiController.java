package cn.kejiao.insight.web;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.kejiao.insight.OpenStatistics;
import cn.kejiao.insight.PublicFigures;
import cn.kejiao.platform.Money;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The open statistics: a region's public figures for anyone, without signing in, as JSON or as CSV (UTF-8 with a
 * byte order mark, so Excel reads the Chinese names). Answers carry {@code Cache-Control: public} for the time
 * the node keeps them and a weak {@code ETag} of the figures, so portals and proxies cache them and ask again
 * with {@code If-None-Match} (304 when unchanged).
 */
@RestController
@Tag(name = "Open statistics")
class OpenStatisticsApiController {

	static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	static final String[] CSV_COLUMNS = { "region", "region_name", "from", "to", "kind", "kind_name", "kind_name_en",
			"served_count", "served_value", "serving_count", "serving_value", "inside_count", "inside_value", "stock" };

	private final OpenStatistics statistics;

	OpenStatisticsApiController(OpenStatistics statistics) {
		this.statistics = statistics;
	}

	@GetMapping("/api/v1/stats/regions/{code}")
	@Operation(summary = "A region's public figures (no sign-in)",
			description = "code: a province or prefecture code (GB/T 2260), or 100000 for the whole country; a "
					+ "county's figures are not published. from, to: ISO dates in China time, both included (this year "
					+ "so far when left out), at most ten years. Counts of every kind the platform counts — served: what "
					+ "the region's side received, serving: what it gave, inside: both sides in the region — with money "
					+ "(yuan) only where moneyPublished (contracts, lots sold, challenge awards, project funding, "
					+ "vouchers issued); the catalog's shared entries at the end of the period. Cached for five minutes: "
					+ "Cache-Control and a weak ETag (send If-None-Match for 304). 400 stats.date-invalid, flows.span; "
					+ "404 region.not-found, stats.region-not-public.")
	@ApiResponse(responseCode = "200", description = "The public figures.", useReturnTypeSchema = true)
	@ApiResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match.")
	ResponseEntity<PublicFigures> figures(@PathVariable String code, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) @Nullable String ifNoneMatch) {
		OpenStatistics.Answer answer = statistics.figures(code, from, to);
		if (unchanged(answer.etag(), ifNoneMatch)) {
			return notModified(answer.etag());
		}
		return cached(answer.etag()).contentType(MediaType.APPLICATION_JSON).body(answer.figures());
	}

	@GetMapping("/api/v1/stats/regions/{code}.csv")
	@Operation(summary = "The same public figures as CSV (UTF-8 with BOM), one row per kind",
			description = "Columns: " + "region, region_name, from, to, kind, kind_name, kind_name_en, served_count, "
					+ "served_value, serving_count, serving_value, inside_count, inside_value (yuan, empty where not "
					+ "published), stock (shared catalog entries at the end of the period, catalog kinds only).")
	@ApiResponse(responseCode = "200", description = "The CSV.",
			content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
	@ApiResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match.")
	ResponseEntity<byte[]> csv(@PathVariable String code, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) @Nullable String ifNoneMatch) {
		OpenStatistics.Answer answer = statistics.figures(code, from, to);
		String etag = answer.etag().substring(0, answer.etag().length() - 1) + "-csv\"";
		if (unchanged(etag, ifNoneMatch)) {
			return notModified(etag);
		}
		PublicFigures figures = answer.figures();
		String name = "kejiao-stats-" + figures.region() + "-" + figures.from() + "-" + figures.to() + ".csv";
		return cached(etag).contentType(CSV)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.body(csv(figures));
	}

	/** 200 with the tag and how long caches may keep the answer. */
	private ResponseEntity.BodyBuilder cached(String etag) {
		return ResponseEntity.ok().eTag(etag).cacheControl(CacheControl.maxAge(statistics.ttl()).cachePublic());
	}

	private <T> ResponseEntity<T> notModified(String etag) {
		return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag)
			.cacheControl(CacheControl.maxAge(statistics.ttl()).cachePublic()).build();
	}

	/** Whether the caller's If-None-Match names the tag (compared weakly, as RFC 9110 asks for GET). */
	static boolean unchanged(String etag, @Nullable String ifNoneMatch) {
		if (ifNoneMatch == null) {
			return false;
		}
		String opaque = etag.startsWith("W/") ? etag.substring(2) : etag;
		return java.util.Arrays.stream(ifNoneMatch.split(",")).map(String::strip)
			.anyMatch(tag -> tag.equals("*") || (tag.startsWith("W/") ? tag.substring(2) : tag).equals(opaque));
	}

	static byte[] csv(PublicFigures figures) {
		Map<Object, Long> stocks = figures.stocks().stream()
			.collect(Collectors.toMap(PublicFigures.PublicStock::kind, PublicFigures.PublicStock::count));
		Function<@Nullable Money, String> yuan = money -> money == null ? "" : money.yuan();
		StringWriter out = new StringWriter();
		out.write('\uFEFF');
		try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(CSV_COLUMNS).get())) {
			for (PublicFigures.PublicKind kind : figures.figures()) {
				Long stock = stocks.get(kind.kind());
				printer.printRecord(figures.region(), figures.name(), figures.from(), figures.to(), kind.kind(),
						kind.name(), kind.nameEn(), kind.served().count(), yuan.apply(kind.served().value()),
						kind.serving().count(), yuan.apply(kind.serving().value()), kind.inside().count(),
						yuan.apply(kind.inside().value()), stock == null ? "" : stock);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}
}
