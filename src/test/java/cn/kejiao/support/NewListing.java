package cn.kejiao.support;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import cn.kejiao.catalog.Catalog;
import cn.kejiao.catalog.Confidentiality;
import cn.kejiao.catalog.EntryForm;
import cn.kejiao.catalog.EntryType;
import cn.kejiao.catalog.EntryView;
import cn.kejiao.platform.Money;
import cn.kejiao.trading.LegalStatus;
import cn.kejiao.trading.ListingForm;
import cn.kejiao.trading.ListingMode;
import cn.kejiao.trading.ListingView;
import cn.kejiao.trading.Listings;

/**
 * A published achievement of a demo seller with a published listing on it, its title carrying a word no other
 * entry has ({@link #word()}), so that a search for it finds this one alone.
 */
public final class NewListing {

	private NewListing() {
	}

	/** A word of Latin letters no other entry holds. */
	public static String word() {
		StringBuilder word = new StringBuilder("kjx");
		for (int i = 0; i < 7; i++) {
			word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
		}
		return word.toString();
	}

	/** The seller's new achievement (published in the catalog) titled with the word. */
	public static EntryView achievement(Personas personas, Catalog catalog, String seller, String word) {
		return personas.as(seller, () -> {
			EntryView entry = catalog.create(EntryType.ACHIEVEMENT, new EntryForm(null, "钒钛磁铁矿选冶新工艺 " + word,
					"钒钛磁铁矿综合回收钒、钛、铁的选冶工艺，" + word + "。", "钒钛磁铁矿、选冶", "冶金工程", null, null, null,
					"PILOT", Confidentiality.PUBLIC, null, Map.of()));
			return catalog.publish(entry.id());
		});
	}

	/** A published listing of a new achievement of the seller, in the given modes, at ¥1,000,000. */
	public static ListingView published(Personas personas, Catalog catalog, Listings listings, String seller,
			String word, ListingMode... modes) {
		EntryView entry = achievement(personas, catalog, seller, word);
		return personas.as(seller, () -> listings.create(new ListingForm(entry.id(), List.of(modes), "中国大陆", "5 年",
				new Money(100_000_000L), List.of("ZL201810123456.7"), LegalStatus.GRANTED, ""), true));
	}

	public static UUID none() {
		return UUID.fromString("00000000-0000-0000-0000-000000000000");
	}
}
