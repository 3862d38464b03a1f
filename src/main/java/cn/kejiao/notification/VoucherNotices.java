package cn.kejiao.notification;

import java.util.List;
import java.util.UUID;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import cn.kejiao.voucher.ApplicationRejected;
import cn.kejiao.voucher.GrantApproved;
import cn.kejiao.voucher.OrderAccepted;
import cn.kejiao.voucher.OrderCancelled;
import cn.kejiao.voucher.OrderConfirmed;
import cn.kejiao.voucher.OrderDelivered;
import cn.kejiao.voucher.OrderQuoted;

/**
 * What the parties of a service order and the applicants for vouchers are told: the side that now has to act
 * (a quote to accept, an order to deliver, a delivery to confirm), or is affected (its claim confirmed, an order
 * cancelled, its application decided). Each notice has a once-key, so an event delivered again tells nobody twice.
 */
@Component
class VoucherNotices {

	private final Notifications notifications;

	VoucherNotices(Notifications notifications) {
		this.notifications = notifications;
	}

	@ApplicationModuleListener
	void on(OrderQuoted event) {
		notifications.tell(new Notice(event.enterpriseOrgId(), "order", "order-quoted",
				List.of(event.orderNo(), event.quote().yuan()), order(event.orderId()),
				"order-quoted:" + event.orderId() + ":" + event.quote().fen()));
	}

	@ApplicationModuleListener
	void on(OrderAccepted event) {
		notifications.tell(new Notice(event.providerOrgId(), "order", "order-accepted",
				List.of(event.orderNo(), event.quote().yuan(), event.voucherPart().yuan()), order(event.orderId()),
				"order-accepted:" + event.orderId()));
	}

	@ApplicationModuleListener
	void on(OrderDelivered event) {
		notifications.tell(new Notice(event.enterpriseOrgId(), "order", "order-delivered", List.of(event.orderNo()),
				order(event.orderId()), "order-delivered:" + event.orderId()));
	}

	@ApplicationModuleListener
	void on(OrderConfirmed event) {
		notifications.tell(new Notice(event.providerOrgId(), "order", "order-confirmed",
				List.of(event.orderNo(), event.voucherPart().yuan()), order(event.orderId()),
				"order-confirmed:" + event.orderId()));
	}

	@ApplicationModuleListener
	void on(OrderCancelled event) {
		for (UUID party : List.of(event.enterpriseOrgId(), event.providerOrgId())) {
			if (!party.equals(event.byOrgId())) {
				notifications.tell(new Notice(party, "order", "order-cancelled", List.of(event.orderNo(), event.reason()),
						order(event.orderId()), "order-cancelled:" + event.orderId() + ":" + party));
			}
		}
	}

	@ApplicationModuleListener
	void on(GrantApproved event) {
		notifications.tell(new Notice(event.enterpriseOrgId(), "voucher", "voucher-granted",
				List.of(event.schemeName(), event.amount().yuan()), "/vouchers", "voucher-granted:" + event.applicationId()));
	}

	@ApplicationModuleListener
	void on(ApplicationRejected event) {
		notifications.tell(new Notice(event.enterpriseOrgId(), "voucher", "voucher-application-rejected",
				List.of(event.schemeName(), event.reason()), "/vouchers",
				"voucher-application-rejected:" + event.applicationId()));
	}

	private static String order(UUID orderId) {
		return "/orders/" + orderId;
	}
}
