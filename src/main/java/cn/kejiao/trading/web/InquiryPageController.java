package cn.kejiao.trading.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.kejiao.platform.Actors;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Money;
import cn.kejiao.platform.WrittenAmount;
import cn.kejiao.platform.web.Downloads;
import cn.kejiao.platform.web.Problems;
import cn.kejiao.region.Regions;
import cn.kejiao.trading.Inquiries;
import cn.kejiao.trading.InquiryFiles;
import cn.kejiao.trading.InquiryThread;
import cn.kejiao.trading.ListingMode;
import cn.kejiao.trading.ListingView;
import cn.kejiao.trading.Listings;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The inquiry pages: asking about a listing (a visitor is sent to sign in and comes back here), the threads the
 * user may read, and a thread with its messages, files and offers, where a side writes, offers and accepts.
 */
@Controller
class InquiryPageController {

	private final Inquiries inquiries;
	private final Listings listings;
	private final Regions regions;
	private final Problems problems;

	InquiryPageController(Inquiries inquiries, Listings listings, Regions regions, Problems problems) {
		this.inquiries = inquiries;
		this.listings = listings;
		this.regions = regions;
		this.problems = problems;
	}

	/** The form to ask about a listing; the thread itself when the organisation has one already. */
	@GetMapping("/listings/{id}/inquire")
	String inquire(@PathVariable UUID id, Model model) {
		ListingView listing = listings.get(id, Actors.require());
		var existing = inquiries.mineOn(id);
		if (existing.isPresent()) {
			return "redirect:/inquiries/" + existing.get();
		}
		model.addAttribute("listing", listing);
		model.addAttribute("text", "");
		return "trading/inquiries/open";
	}

	@PostMapping("/listings/{id}/inquire")
	String inquire(@PathVariable UUID id, @RequestParam(defaultValue = "") String text,
			@RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files, Model model,
			HttpServletRequest request) throws IOException {
		try {
			return "redirect:/inquiries/" + inquiries.open(id, text, uploads(files)).inquiry().id();
		}
		catch (KejiaoException ex) {
			if ("inquiry.already-open".equals(ex.code())) {
				return "redirect:/inquiries/" + ex.properties().get("inquiryId");
			}
			model.addAttribute("listing", listings.get(id, Actors.require()));
			model.addAttribute("text", text);
			model.addAttribute("error", problems.refusal(ex, request));
			return "trading/inquiries/open";
		}
	}

	@GetMapping("/inquiries")
	String list(Model model) {
		model.addAttribute("inquiries", inquiries.mine());
		model.addAttribute("organisationId", Actors.require().organisationId());
		return "trading/inquiries/list";
	}

	@GetMapping("/inquiries/{id}")
	String thread(@PathVariable UUID id, Model model) {
		InquiryThread thread = inquiries.get(id);
		model.addAttribute("thread", thread);
		model.addAttribute("sellerRegion", regions.fullName(thread.inquiry().sellerRegionCode()));
		model.addAttribute("buyerRegion", regions.fullName(thread.inquiry().buyerRegionCode()));
		model.addAttribute("modes", thread.listing().modes());
		if (!model.containsAttribute("offerForm")) {
			model.addAttribute("offerForm", new OfferPageForm("", thread.listing().modes().getFirst(), ""));
		}
		return "trading/inquiries/thread";
	}

	record OfferPageForm(@Nullable String amount, @Nullable ListingMode mode, @Nullable String terms) {
	}

	@PostMapping("/inquiries/{id}/messages")
	String message(@PathVariable UUID id, @RequestParam(defaultValue = "") String text,
			@RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files,
			RedirectAttributes redirect, HttpServletRequest request) throws IOException {
		List<InquiryFiles.Upload> uploads = uploads(files);
		String back = "/inquiries/" + id + "#write";
		try {
			inquiries.post(id, text, uploads);
		}
		catch (KejiaoException ex) {
			redirect.addFlashAttribute("error", problems.refusal(ex, request));
			redirect.addFlashAttribute("text", text);
		}
		return "redirect:" + back;
	}

	@PostMapping("/inquiries/{id}/offers")
	String offer(@PathVariable UUID id, @RequestParam(defaultValue = "") String amount,
			@RequestParam(required = false) @Nullable String mode, @RequestParam(defaultValue = "") String terms,
			RedirectAttributes redirect, HttpServletRequest request) {
		try {
			Money money = amount.isBlank() ? null : new Money(WrittenAmount.fen(amount, "amount"));
			inquiries.offer(id, new Inquiries.OfferForm(money, ListingApiController.modeOrNull(mode), terms));
			redirect.addFlashAttribute("message", "offer-made");
			return "redirect:/inquiries/" + id + "#offers";
		}
		catch (KejiaoException ex) {
			redirect.addFlashAttribute("offerError", problems.refusal(ex, request));
			redirect.addFlashAttribute("offerForm", new OfferPageForm(amount, ListingApiController.modeOrNull(mode), terms));
			return "redirect:/inquiries/" + id + "#offer-form";
		}
	}

	@PostMapping("/inquiries/{id}/offers/{offerId}/accept")
	String accept(@PathVariable UUID id, @PathVariable UUID offerId, RedirectAttributes redirect,
			HttpServletRequest request) {
		try {
			inquiries.accept(id, offerId);
			redirect.addFlashAttribute("message", "offer-accepted");
		}
		catch (KejiaoException ex) {
			redirect.addFlashAttribute("offerError", problems.refusal(ex, request));
		}
		return "redirect:/inquiries/" + id + "#offers";
	}

	@GetMapping("/inquiries/{id}/files/{fileId}")
	ResponseEntity<byte[]> file(@PathVariable UUID id, @PathVariable UUID fileId) {
		InquiryFiles.Download file = inquiries.attachment(id, fileId);
		return Downloads.file(file.name(), MediaType.parseMediaType(file.contentType()), file.content());
	}

	private static List<InquiryFiles.Upload> uploads(@Nullable List<MultipartFile> files) throws IOException {
		List<InquiryFiles.Upload> uploads = new ArrayList<>();
		for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
			if (!file.isEmpty()) {
				uploads.add(new InquiryFiles.Upload(file.getOriginalFilename() == null ? "file" : file.getOriginalFilename(),
						file.getBytes()));
			}
		}
		return uploads;
	}
}
