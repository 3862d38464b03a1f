package cn.kejiao.region;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.kejiao.audit.AuditLog;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.RegionCodes;

/**
 * The region module's facade. Regions change only with a new edition of GB/T 2260 (a migration), so they
 * are held in memory; zones are edited by the platform admin and read from the database.
 */
@Service
public class Regions {

	private final RegionRepository regions;
	private final ZoneRepository zones;
	private final AuditLog audit;
	private final Clock clock;
	private final org.springframework.transaction.support.TransactionTemplate transactions;
	private volatile Index index;

	Regions(RegionRepository regions, ZoneRepository zones, AuditLog audit, Clock clock,
			org.springframework.transaction.support.TransactionTemplate transactions) {
		this.transactions = transactions;
		this.regions = regions;
		this.zones = zones;
		this.audit = audit;
		this.clock = clock;
	}

	public Optional<RegionView> find(String code) {
		return Optional.ofNullable(index().byCode.get(code));
	}

	/** The region, or a 404 problem {@code region.not-found}. */
	public RegionView get(String code) {
		return find(code).orElseThrow(() -> KejiaoException.notFound("region.not-found", code));
	}

	public boolean exists(String code) {
		return index().byCode.containsKey(code);
	}

	public List<RegionView> provinces() {
		return index().children.getOrDefault(null, List.of());
	}

	public List<RegionView> children(String code) {
		get(code);
		return index().children.getOrDefault(code, List.of());
	}

	/** From the province down to the region's parent. */
	public List<RegionView> ancestors(String code) {
		List<RegionView> path = new ArrayList<>();
		RegionView current = get(code);
		while (current.parentCode() != null) {
			current = get(current.parentCode());
			path.add(current);
		}
		Collections.reverse(path);
		return path;
	}

	/** True when {@code code} is {@code ancestor} itself or lies anywhere below it. */
	public boolean isWithin(String code, String ancestor) {
		return exists(code) && exists(ancestor) && RegionCodes.isWithin(code, ancestor);
	}

	/**
	 * The region no finer than a prefecture that holds the code: a province or prefecture is itself, a county
	 * its parent — a prefecture, or the province where the county belongs to it directly (上海市's districts,
	 * 重庆市's). For showing where something is without showing the county.
	 */
	public RegionView prefectureOf(String code) {
		RegionView region = get(code);
		return region.level() == RegionLevel.COUNTY && region.parentCode() != null ? get(region.parentCode()) : region;
	}

	/**
	 * "嘉定区" → "上海市 嘉定区": the name with its ancestors, as people write an address; for English readers
	 * "Jiading District, Shanghai", smallest first.
	 */
	public String fullName(String code) {
		if (RegionView.isEnglish(org.springframework.context.i18n.LocaleContextHolder.getLocale())) {
			List<String> names = new ArrayList<>();
			names.add(get(code).nameEn());
			ancestors(code).reversed().forEach(ancestor -> names.add(ancestor.nameEn()));
			return String.join(", ", names);
		}
		StringBuilder name = new StringBuilder();
		for (RegionView ancestor : ancestors(code)) {
			name.append(ancestor.name()).append(' ');
		}
		return name.append(get(code).name()).toString();
	}

	/** The full name of a region code, or the code itself when it names no region (for data recorded long ago). */
	public String fullNameOrCode(@org.jspecify.annotations.Nullable String code) {
		return code == null ? "" : exists(code) ? fullName(code) : code;
	}

	/** Regions whose name contains the text, provinces and prefectures first. */
	public List<RegionView> search(String text, int limit) {
		String needle = text.strip();
		if (needle.isEmpty()) {
			return List.of();
		}
		return index().byCode.values().stream()
			.filter(r -> r.name().contains(needle) || r.code().startsWith(needle)
					|| r.nameEn().toLowerCase(java.util.Locale.ROOT).contains(needle.toLowerCase(java.util.Locale.ROOT)))
			.sorted(Comparator.comparing(RegionView::level).thenComparing(RegionView::code))
			.limit(limit)
			.toList();
	}

	/**
	 * All zones. Read on every search, so kept for a few seconds; an edit on this node clears it at once,
	 * other nodes see it within {@link #ZONE_CACHE_MILLIS}.
	 */
	public List<ZoneView> zones() {
		CachedZones cached = zoneCache;
		long now = System.currentTimeMillis();
		if (cached == null || now - cached.loadedAt() > ZONE_CACHE_MILLIS) {
			cached = new CachedZones(loadZones(), now);
			zoneCache = cached;
		}
		return cached.zones();
	}

	/** The zones that cover a region (contain it or a region above it). */
	public List<ZoneView> zonesCovering(String regionCode) {
		return zones().stream()
			.filter(zone -> zone.regions().stream().anyMatch(member -> RegionCodes.isWithin(regionCode, member.code())))
			.toList();
	}

	private List<ZoneView> loadZones() {
		return transactions.execute(status -> zones.findAllByOrderByCode().stream().map(this::view).toList());
	}

	private void forgetZonesAfterCommit() {
		zoneCache = null;
		org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
				new org.springframework.transaction.support.TransactionSynchronization() {
					@Override
					public void afterCommit() {
						zoneCache = null;
					}
				});
	}

	static final long ZONE_CACHE_MILLIS = 5_000;

	private record CachedZones(List<ZoneView> zones, long loadedAt) {
	}

	private volatile CachedZones zoneCache;

	@Transactional(readOnly = true)
	public ZoneView zone(String code) {
		return zones.findById(code).map(this::view)
			.orElseThrow(() -> KejiaoException.notFound("zone.not-found", code));
	}

	/** True when the region lies inside one of the zone's member regions. */
	public boolean zoneCovers(String zoneCode, String regionCode) {
		ZoneView zone = zones().stream().filter(z -> z.code().equals(zoneCode)).findFirst()
			.orElseThrow(() -> KejiaoException.notFound("zone.not-found", zoneCode));
		return zone.regions().stream().anyMatch(member -> isWithin(regionCode, member.code()));
	}

	/** Creates or changes a zone; only the platform admin may. */
	@Transactional
	public ZoneView saveZone(String code, ZoneCommand command) {
		if (!Actors.require().isPlatformAdmin()) {
			throw KejiaoException.forbidden("auth.forbidden");
		}
		if (!code.matches("[a-z0-9-]{2,40}")) {
			throw KejiaoException.invalid("zone.code-invalid", code);
		}
		if (command.name() == null || command.name().isBlank() || command.nameEn() == null || command.nameEn().isBlank()) {
			throw KejiaoException.invalid("zone.name-required");
		}
		if (command.regionCodes() == null || command.regionCodes().isEmpty()) {
			throw KejiaoException.invalid("zone.regions-required");
		}
		Set<String> members = new LinkedHashSet<>();
		for (String regionCode : command.regionCodes()) {
			members.add(get(regionCode).code());
		}
		Optional<CooperationZone> existing = zones.findById(code);
		Map<String, Object> before = existing.map(this::state).orElse(null);
		CooperationZone zone = existing.orElseGet(() -> new CooperationZone(code));
		zone.update(command.name().strip(), command.nameEn().strip(),
				command.description() == null ? "" : command.description().strip(), members, clock.instant());
		zone = zones.saveAndFlush(zone);
		forgetZonesAfterCommit();
		audit.record(existing.isPresent() ? "zone.updated" : "zone.created", "zone", code, zone.name(), null, before,
				state(zone));
		return view(zone);
	}

	@Transactional
	public void deleteZone(String code) {
		if (!Actors.require().isPlatformAdmin()) {
			throw KejiaoException.forbidden("auth.forbidden");
		}
		CooperationZone zone = zones.findById(code).orElseThrow(() -> KejiaoException.notFound("zone.not-found", code));
		Map<String, Object> before = state(zone);
		zones.delete(zone);
		forgetZonesAfterCommit();
		audit.record("zone.deleted", "zone", code, zone.name(), null, before, null);
	}

	private Map<String, Object> state(CooperationZone zone) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("name", zone.name());
		state.put("nameEn", zone.nameEn());
		state.put("description", zone.description());
		state.put("regions", List.copyOf(zone.regionCodes()));
		return state;
	}

	private ZoneView view(CooperationZone zone) {
		List<RegionView> members = zone.regionCodes().stream().map(this::find).flatMap(Optional::stream)
			.sorted(Comparator.comparing(RegionView::code)).toList();
		return new ZoneView(zone.code(), zone.name(), zone.nameEn(), zone.description(), members, zone.version());
	}

	private Index index() {
		Index current = index;
		if (current == null) {
			synchronized (this) {
				if (index == null) {
					Map<String, String> english = LoadRegions.englishNames();
					index = new Index(regions.findAll().stream().map(region -> region.view(english)).toList());
				}
				current = index;
			}
		}
		return current;
	}

	private static final class Index {

		final Map<String, RegionView> byCode = new LinkedHashMap<>();
		final Map<String, List<RegionView>> children = new HashMap<>();

		Index(List<RegionView> all) {
			all.stream().sorted(Comparator.comparing(RegionView::code)).forEach(region -> {
				byCode.put(region.code(), region);
				children.computeIfAbsent(region.parentCode(), k -> new ArrayList<>()).add(region);
			});
			children.replaceAll((k, v) -> List.copyOf(v));
		}
	}
}
