package cn.kejiao.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import cn.kejiao.organisation.OrganisationView;
import cn.kejiao.voucher.ApplicationRejected;
import cn.kejiao.voucher.ApplicationSubmitted;
import cn.kejiao.voucher.GrantApproved;
import cn.kejiao.voucher.OrderAccepted;
import cn.kejiao.voucher.OrderCancelled;
import cn.kejiao.voucher.OrderConfirmed;
import cn.kejiao.voucher.OrderDelivered;
import cn.kejiao.voucher.OrderDisputed;
import cn.kejiao.voucher.OrderQuoted;
import cn.kejiao.voucher.OrderRequested;
import cn.kejiao.voucher.OrderStepsTaken;

/**
 * What the parties of a service order, the applicants for vouchers and the admins deciding them are told: the
 * side that now has to act (a request to quote, a quote to accept, an order to deliver, a delivery to confirm, an
 * application to decide), or is affected (its claim confirmed, an order cancelled, its application decided). Each notice has a once-key, so an event delivered again tells nobody twice.
 */
@Component
class VoucherNotices {

	private final Notifications notifications;
	private final RegionAdmins admins;

	VoucherNotices(Notifications notifications, RegionAdmins admins) {
		this.notifications = notifications;
		this.admins = admins;
	}

	@ApplicationModuleListener
	void on(OrderRequested event) {
		notifications.tell(new Notice(event.providerOrgId(), "order", "order-requested",
				List.of(event.orderNo(), event.enterpriseName(), event.serviceTitle()), order(event.orderId()),
				"order-requested:" + event.orderId()));
	}

	@ApplicationModuleListener
	void on(OrderQuoted event) {
		notifications.tell(new Notice(event.enterpriseOrgId(), "order", "order-quoted",
				List.of(event.orderNo(), event.quote().yuan()), order(event.orderId()),
				"order-quoted:" + event.orderId() + ":" + event.quote().fen()));
	}

	@ApplicationModuleListener
	void on(OrderAccepted event) {
		notifications.tell(notice(event));
	}

	@ApplicationModuleListener
	void on(OrderDelivered event) {
		notifications.tell(notice(event));
	}

	@ApplicationModuleListener
	void on(OrderConfirmed event) {
		notifications.tell(notice(event));
	}

	private static Notice notice(OrderAccepted event) {
		return new Notice(event.providerOrgId(), "order", "order-accepted",
				List.of(event.orderNo(), event.quote().yuan(), event.voucherPart().yuan()), order(event.orderId()),
				"order-accepted:" + event.orderId());
	}

	private static Notice notice(OrderDelivered event) {
		return new Notice(event.enterpriseOrgId(), "order", "order-delivered", List.of(event.orderNo()),
				order(event.orderId()), "order-delivered:" + event.orderId());
	}

	private static Notice notice(OrderConfirmed event) {
		return new Notice(event.providerOrgId(), "order", "order-confirmed",
				List.of(event.orderNo(), event.voucherPart().yuan()), order(event.orderId()),
				"order-confirmed:" + event.orderId());
	}

	/** The steps of a batch, told together; the once-keys make a redelivered batch tell nobody twice. */
	@ApplicationModuleListener
	void on(OrderStepsTaken event) {
		List<Notice> notices = new ArrayList<>();
		event.accepted().forEach(accepted -> notices.add(notice(accepted)));
		event.delivered().forEach(delivered -> notices.add(notice(delivered)));
		event.confirmed().forEach(confirmed -> notices.add(notice(confirmed)));
		notifications.tellAll(notices);
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

	/** The admins of the provider's region decide a dispute; the provider learns that its delivery is disputed. */
	@ApplicationModuleListener
	void on(OrderDisputed event) {
		List<Notice> notices = new ArrayList<>();
		notices.add(new Notice(event.providerOrgId(), "order", "order-disputed",
				List.of(event.orderNo(), event.reason()), order(event.orderId()), "order-disputed:" + event.orderId()));
		for (OrganisationView administration : admins.of(event.providerRegion())) {
			notices.add(new Notice(administration.id(), "order", "order-dispute-to-resolve",
					List.of(event.orderNo(), event.reason()), order(event.orderId()),
					"order-dispute-to-resolve:" + event.orderId() + ":" + administration.id()));
		}
		notifications.tellAll(notices);
	}

	@ApplicationModuleListener
	void on(GrantApproved event) {
		notifications.tell(new Notice(event.enterpriseOrgId(), "voucher", "voucher-granted",
				List.of(event.schemeName(), event.amount().yuan()), "/vouchers", "voucher-granted:" + event.applicationId()));
	}

	@ApplicationModuleListener
	void on(ApplicationSubmitted event) {
		for (OrganisationView administration : admins.of(event.schemeRegion())) {
			notifications.tell(new Notice(administration.id(), "voucher", "voucher-application-submitted",
					List.of(event.enterpriseName(), event.schemeName(), event.amount().yuan()), "/admin/vouchers",
					"voucher-application-submitted:" + event.applicationId() + ":" + administration.id()));
		}
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
