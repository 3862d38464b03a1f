package cn.kejiao.region;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Loads every province, prefecture and county from {@code regions/*.csv} (see regions/SOURCE.md) and
 * creates the four cooperation zones of the founding agreements. Runs once, as migration 1.1.1.
 */
@Component
class LoadRegions implements JavaMigration {

	/** Statistical placeholders, not regions: their counties belong directly to the province. */
	static final Set<String> PLACEHOLDERS = Set.of("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划");

	@Override
	public org.flywaydb.core.api.MigrationVersion getVersion() {
		return org.flywaydb.core.api.MigrationVersion.fromVersion("1.1.1");
	}

	@Override
	public String getDescription() {
		return "load regions and cooperation zones";
	}

	@Override
	public Integer getChecksum() {
		return 20221031;
	}

	@Override
	public boolean canExecuteInTransaction() {
		return true;
	}

	@Override
	public void migrate(Context context) throws Exception {
		List<String[]> rows = regions();
		try (PreparedStatement insert = context.getConnection()
			.prepareStatement("insert into region.region (code, name, level, parent_code) values (?, ?, ?, ?)")) {
			for (String[] row : rows) {
				insert.setString(1, row[0]);
				insert.setString(2, row[1]);
				insert.setString(3, row[2]);
				insert.setString(4, row[3]);
				insert.addBatch();
			}
			insert.executeBatch();
		}
		zone(context, "yrd", "长三角", "Yangtze River Delta",
				"上海、江苏、浙江、安徽共享科技资源，创新券通用通兑。", "310000", "320000", "330000", "340000");
		zone(context, "hu-dian", "沪滇", "Shanghai–Yunnan", "上海与云南科技合作（科技入滇）。", "310000", "530000");
		zone(context, "hu-yu", "沪渝", "Shanghai–Chongqing", "上海与重庆科技合作。", "310000", "500000");
		zone(context, "jia-kun-tai", "嘉昆太", "Jiading–Kunshan–Taicang", "嘉定、昆山、太仓协同创新圈。", "310114",
				"320583", "320585");
	}

	private static void zone(Context context, String code, String name, String nameEn, String description,
			String... regions) throws Exception {
		try (PreparedStatement zone = context.getConnection()
			.prepareStatement("insert into region.cooperation_zone (code, name, name_en, description) values (?, ?, ?, ?)")) {
			zone.setString(1, code);
			zone.setString(2, name);
			zone.setString(3, nameEn);
			zone.setString(4, description);
			zone.executeUpdate();
		}
		try (PreparedStatement member = context.getConnection()
			.prepareStatement("insert into region.cooperation_zone_member (zone_code, region_code) values (?, ?)")) {
			for (String region : regions) {
				member.setString(1, code);
				member.setString(2, region);
				member.addBatch();
			}
			member.executeBatch();
		}
	}

	/** code, name, level, parent code: provinces first, so parents always exist before children. */
	static List<String[]> regions() throws IOException {
		List<String[]> result = new ArrayList<>();
		for (String[] p : csv("regions/provinces.csv")) {
			result.add(new String[] { p[0] + "0000", p[1], "PROVINCE", null });
		}
		Map<String, String> cityParent = new HashMap<>();
		for (String[] c : csv("regions/cities.csv")) {
			String province = c[2] + "0000";
			if (PLACEHOLDERS.contains(c[1])) {
				cityParent.put(c[0], province);
			}
			else {
				String code = c[0] + "00";
				cityParent.put(c[0], code);
				result.add(new String[] { code, c[1], "PREFECTURE", province });
			}
		}
		Set<String> seen = new java.util.HashSet<>();
		result.forEach(row -> seen.add(row[0]));
		for (String[] a : csv("regions/areas.csv")) {
			if (!seen.add(a[0])) {
				continue; // 东莞市, 中山市, 儋州市, 嘉峪关市: prefectures without counties, listed again as their own area
			}
			String parent = cityParent.getOrDefault(a[2], a[3] + "0000");
			result.add(new String[] { a[0], a[1], "COUNTY", parent });
		}
		return result;
	}

	/**
	 * The English name of every region by code ({@code regions/names-en.csv}): the usual English names of the
	 * provinces, pinyin with the kind of region for the others ("Jiading District", "Wenshan Autonomous
	 * Prefecture"); see regions/SOURCE.md.
	 */
	static Map<String, String> englishNames() {
		try {
			Map<String, String> names = new HashMap<>();
			for (String[] row : csv("regions/names-en.csv")) {
				names.put(row[0], row[1]);
			}
			return names;
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static List<String[]> csv(String resource) throws IOException {
		List<String[]> rows = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8))) {
			reader.readLine();
			String line;
			while ((line = reader.readLine()) != null) {
				if (!line.isBlank()) {
					String[] cells = line.split(",", -1);
					for (int i = 0; i < cells.length; i++) {
						cells[i] = cells[i].replace("\"", "").trim();
					}
					rows.add(cells);
				}
			}
		}
		return rows;
	}
}
