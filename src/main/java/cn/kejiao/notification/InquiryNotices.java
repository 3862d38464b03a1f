package cn.kejiao.notification;

import java.util.List;
import java.util.Locale;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import cn.kejiao.platform.Money;
import cn.kejiao.trading.InquiryActivity;

/**
 * What the other side of an inquiry thread is told: the seller, of a new inquiry on its listing; either side, of
 * the other's message, offer, or acceptance of its offer. The whole organisation is told (a thread is the
 * organisation's, not one person's); each notice once, whatever the deliveries; the link opens the thread.
 */
@Component
class InquiryNotices {

	private final Notifications notifications;

	InquiryNotices(Notifications notifications) {
		this.notifications = notifications;
	}

	@ApplicationModuleListener
	void on(InquiryActivity event) {
		String amount = event.amount().isEmpty() ? "" : Money.display(Money.fen(event.amount(), "amount"));
		List<String> args = amount.isEmpty() ? List.of(event.title(), event.fromOrgName())
				: List.of(event.title(), event.fromOrgName(), amount);
		notifications.tell(new Notice(event.toOrgId(), "inquiry",
				"inquiry-" + event.kind().name().toLowerCase(Locale.ROOT), args, "/inquiries/" + event.inquiryId(),
				event.onceKey()));
	}
}
