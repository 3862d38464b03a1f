package cn.kejiao.portal;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import cn.kejiao.booking.BookingWorkload;
import cn.kejiao.challenge.PanelInvitations;
import cn.kejiao.challenge.ReviewsToScore;
import cn.kejiao.organisation.OrganisationStatus;
import cn.kejiao.organisation.Organisations;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Role;
import cn.kejiao.voucher.VoucherWorkload;

/**
 * What waits for a signed-in person, by role, each with where the work is done: an enterprise's quotes to accept
 * and deliveries to confirm, a provider's requests to quote and orders to deliver, an expert's applications to
 * score, an admin's registrations to verify, voucher applications to decide and disputes to resolve; and an
 * enterprise's voucher money. Counted from the facades of the modules the work belongs to.
 */
@Component
class Workbench {

	/**
	 * One kind of work waiting: {@code todo.<key>} words it (with {@code subject} as its argument, if any).
	 */
	record ToDo(String key, long count, String href, @Nullable String subject) {
	}

	private final VoucherWorkload vouchers;
	private final ReviewsToScore reviews;

	private final PanelInvitations invitations;
	private final Organisations organisations;
	private final BookingWorkload bookings;

	Workbench(VoucherWorkload vouchers, ReviewsToScore reviews, PanelInvitations invitations, Organisations organisations,
			BookingWorkload bookings) {
		this.bookings = bookings;
		this.invitations = invitations;
		this.vouchers = vouchers;
		this.reviews = reviews;
		this.organisations = organisations;
	}

	List<ToDo> toDos(Actor actor) {
		List<ToDo> toDos = new ArrayList<>();
		if (actor.isRegionAdmin() || actor.isPlatformAdmin()) {
			toDos.add(new ToDo("registrations-to-verify",
					organisations.search(actor, OrganisationStatus.PENDING, null, null, 0, 1).getTotalElements(),
					"/admin/organisations?status=PENDING", null));
			toDos.add(new ToDo("applications-to-review", vouchers.applicationsToReview(actor), "/admin/vouchers", null));
			toDos.add(new ToDo("disputes-to-resolve", vouchers.disputesToResolve(actor), "/orders?state=DISPUTED", null));
		}
		if (actor.organisationId() != null && (actor.has(Role.ENTERPRISE) || actor.has(Role.PROVIDER))) {
			VoucherWorkload.OrderCounts orders = vouchers.orders(actor.organisationId());
			if (actor.has(Role.ENTERPRISE)) {
				toDos.add(new ToDo("quotes-to-accept", orders.toAccept(), "/orders?state=QUOTED", null));
				toDos.add(new ToDo("orders-to-confirm", orders.toConfirm(), "/orders?state=DELIVERED", null));
			}
			if (actor.has(Role.PROVIDER)) {
				toDos.add(new ToDo("orders-to-quote", orders.toQuote(), "/orders?state=REQUESTED", null));
				toDos.add(new ToDo("orders-to-deliver", orders.toDeliver(), "/orders?state=ACCEPTED", null));
				toDos.add(new ToDo("bookings-to-approve", bookings.toApprove(actor.organisationId()), "/bookings/console#queue",
						null));
			}
		}
		if (actor.has(Role.EXPERT)) {
			long invited = invitations.invitationsToAnswer(actor);
			if (invited > 0) {
				toDos.add(new ToDo("invitations-to-answer", invited, "/reviews", null));
			}
			List<ReviewsToScore.Pending> pending = reviews.of(actor);
			if (pending.isEmpty() && invited == 0) {
				toDos.add(new ToDo("reviews-none", 0, "/reviews", null));
			}
			pending.forEach(p -> toDos.add(new ToDo("reviews-to-score", p.applications(), "/challenges/" + p.challengeId(),
					p.title())));
		}
		return toDos;
	}

	/** An enterprise's voucher money: what it can still pay with, and what open orders hold. */
	VoucherWorkload.@Nullable Balance balance(Actor actor) {
		if (!actor.has(Role.ENTERPRISE) || actor.organisationId() == null) {
			return null;
		}
		return vouchers.balance(actor.organisationId());
	}
}
