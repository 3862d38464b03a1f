package cn.kejiao.support;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import cn.kejiao.catalog.Catalog;
import cn.kejiao.catalog.Confidentiality;
import cn.kejiao.catalog.EntryForm;
import cn.kejiao.catalog.EntryType;
import cn.kejiao.catalog.EntryView;

/**
 * A published instrument of its own for a test, so that bookings of one test never meet another's in the shared
 * database: owned by {@code owner}, priced per hour (external {@code price}, internal {@code internalPrice}), of the
 * original value given, confirmed at once or after approval as its catalog booking mode says.
 */
public final class NewInstrument {

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private NewInstrument() {
	}

	public static UUID of(Personas personas, Catalog catalog, String owner, String title, String price,
			String internalPrice, String originalValue, boolean autoConfirm) {
		return of(personas, catalog, owner, title, price, "HOUR", internalPrice, originalValue, autoConfirm);
	}

	public static UUID of(Personas personas, Catalog catalog, String owner, String title, String price, String priceUnit,
			String internalPrice, String originalValue, boolean autoConfirm) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("model", "T-" + SEQUENCE.incrementAndGet());
		details.put("maker", "测试");
		details.put("originalValue", originalValue);
		details.put("bookingMode", autoConfirm ? "自动审批" : "机主审核");
		details.put("internalPrice", internalPrice);
		String code = "TEST-" + UUID.randomUUID().toString().substring(0, 8);
		return personas.as(owner, () -> {
			EntryView entry = catalog.create(EntryType.INSTRUMENT, new EntryForm(code, title, title + "，测试用仪器。", "测试",
					"X射线仪器", new BigDecimal(price), priceUnit, Set.of(), null, Confidentiality.PUBLIC, null, details));
			return catalog.publish(entry.id()).id();
		});
	}
}
