package cn.kejiao.trading.web;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.kejiao.platform.Money;
import cn.kejiao.platform.Role;
import cn.kejiao.platform.web.ForRoles;
import cn.kejiao.trading.Inquiries;
import cn.kejiao.trading.InquiryOffer;
import cn.kejiao.trading.InquiryThread;
import cn.kejiao.trading.InquiryView;
import cn.kejiao.trading.ListingMode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Private inquiry threads on listings. Only the two sides (and the admins governing either side's region, who read
 * but do not write) see a thread; to anyone else it does not exist (404 {@code inquiry.not-found}).
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Technology inquiries")
class InquiryApiController {

	private final Inquiries inquiries;

	InquiryApiController(Inquiries inquiries) {
		this.inquiries = inquiries;
	}

	record MessageBody(@Nullable String text) {
	}

	record OfferBody(@Nullable Money amount, @Nullable ListingMode mode, @Nullable String terms) {
	}

	@ForRoles(value = { Role.ENTERPRISE, Role.PROVIDER, Role.EXPERT }, refusal = "inquiry.organisations-only")
	@PostMapping("/listings/{id}/inquiries")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Ask the seller about a published listing", description = "{\"text\": \"…\"}: the first message of a private thread. One thread per listing and organisation: 409 inquiry.already-open (with inquiryId) when it has one.")
	InquiryThread open(@PathVariable UUID id, @RequestBody MessageBody body) {
		return inquiries.open(id, body.text(), List.of());
	}

	@GetMapping("/inquiries")
	@Operation(summary = "The threads the caller may read", description = "Its organisation's, as buyer or seller; for an admin, those with a side in its region.")
	List<InquiryView> list() {
		return inquiries.mine();
	}

	@GetMapping("/inquiries/{id}")
	@Operation(summary = "A thread with its messages and offers")
	InquiryThread get(@PathVariable UUID id) {
		return inquiries.get(id);
	}

	@ForRoles(value = { Role.ENTERPRISE, Role.PROVIDER, Role.EXPERT }, refusal = "inquiry.parties-only")
	@PostMapping("/inquiries/{id}/messages")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Write in a thread (one of its two sides)", description = "{\"text\": \"…\"}; files are attached on the thread's page.")
	InquiryThread message(@PathVariable UUID id, @RequestBody MessageBody body) {
		return inquiries.post(id, body.text(), List.of());
	}

	@ForRoles(value = { Role.ENTERPRISE, Role.PROVIDER, Role.EXPERT }, refusal = "inquiry.parties-only")
	@PostMapping("/inquiries/{id}/offers")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Make an offer (either side)", description = "{\"amount\": \"800000\", \"mode\": \"LICENCE_NON_EXCLUSIVE\", \"terms\": \"…\"}: the mode must be one the listing offers; it replaces the thread's open offer.")
	InquiryOffer offer(@PathVariable UUID id, @RequestBody OfferBody body) {
		return inquiries.offer(id, new Inquiries.OfferForm(body.amount(), body.mode(), body.terms()));
	}

	@PostMapping("/inquiries/{id}/offers/{offerId}/accept")
	@Operation(summary = "Accept the other side's open offer", description = "Publishes the agreement (a draft technology contract follows); a transfer, exclusive or sole licence or equity sells the listing.")
	InquiryOffer accept(@PathVariable UUID id, @PathVariable UUID offerId) {
		return inquiries.accept(id, offerId);
	}
}
