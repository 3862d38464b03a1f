package cn.kejiao.insight.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import cn.kejiao.region.RegionView;
import cn.kejiao.region.Regions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The map shapes bundled under {@code static/maps} (see its README) and the region code of each shape: the
 * provinces of {@code china.json} by their short names (云南 → 530000), the prefectures (the districts of a
 * municipality) of {@code province/NN.json} by name within the province (文山壮族苗族自治州 → 532600). A shape whose
 * name no region bears (台湾, 香港, 澳门, which the regions loaded do not include) has no code and is not clickable.
 */
@Component
class MapShapes {

	static final String CHINA = "/maps/china.json";

	private final Regions regions;
	private final JsonMapper json = JsonMapper.builder().build();
	private final Map<String, Map<String, String>> codes = new ConcurrentHashMap<>();

	MapShapes(Regions regions) {
		this.regions = regions;
	}

	/** The shapes' names of the whole country, each with its province's code where it has one. */
	Map<String, String> provinces() {
		return codes.computeIfAbsent("china", key -> match(names("static" + CHINA), regions.provinces()));
	}

	/** The shapes of a province's prefectures (its districts, for a municipality) by name, with their codes. */
	Map<String, String> prefectures(String province) {
		return codes.computeIfAbsent(province, key -> exists(key)
				? match(names("static" + url(key)), regions.children(key)) : Map.of());
	}

	/** Whether a map of the province's prefectures is bundled. */
	boolean exists(String province) {
		return new ClassPathResource("static" + url(province)).exists();
	}

	/** The address of a province's map of prefectures. */
	static String url(String province) {
		return "/maps/province/" + province.substring(0, 2) + ".json";
	}

	/** A shape named as the region is, or as its name less its kind (云南 for 云南省, 内蒙古 for 内蒙古自治区). */
	static Map<String, String> match(List<String> shapes, List<RegionView> candidates) {
		Map<String, String> matched = new LinkedHashMap<>();
		for (String shape : shapes) {
			Optional<RegionView> exact = candidates.stream().filter(r -> r.name().equals(shape)).findFirst();
			Optional<RegionView> region = exact
				.or(() -> candidates.stream().filter(r -> r.name().startsWith(shape)).findFirst())
				.or(() -> candidates.stream().filter(r -> stem(r.name()).equals(stem(shape))).findFirst());
			region.ifPresent(r -> matched.put(shape, r.code()));
		}
		return matched;
	}

	/** A name less its kind: 海东 for 海东地区 and 海东市. */
	static String stem(String name) {
		String stem = name.replaceFirst("(地区|市|盟|县|区)$", "");
		return stem.length() >= 2 ? stem : name;
	}

	private List<String> names(String resource) {
		try (InputStream in = new ClassPathResource(resource).getInputStream()) {
			JsonNode root = json.readTree(in);
			return root.path("features").valueStream().map(f -> f.path("properties").path("name").asString()).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
