package cn.kejiao.voucher.web;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Actors;
import cn.kejiao.voucher.ServiceOrders;
import cn.kejiao.voucher.Settlements;
import cn.kejiao.voucher.VoucherGrants;

/**
 * The downloads the voucher pages offer, with the browser's session: the same files and the same rules as the
 * API's addresses (which take a bearer token only), so whoever may open the page's link gets the file and
 * anyone else the page saying why not.
 */
@Controller
class VoucherDownloadPageController {

	private final ServiceOrders orders;
	private final VoucherGrants grants;
	private final Settlements settlements;
	private final StatementFiles files;

	VoucherDownloadPageController(ServiceOrders orders, VoucherGrants grants, Settlements settlements, StatementFiles files) {
		this.orders = orders;
		this.grants = grants;
		this.settlements = settlements;
		this.files = files;
	}

	/** The delivered report: the order's parties and the admins who may see the order. */
	@GetMapping("/orders/{id}/report")
	ResponseEntity<byte[]> report(@PathVariable UUID id) {
		return files.report(orders.report(id, Actors.require()));
	}

	@GetMapping("/vouchers/statement.xlsx")
	ResponseEntity<byte[]> statementExcel() {
		return files.statementExcel(grants.statement(Actors.require()));
	}

	@GetMapping("/vouchers/statement.pdf")
	ResponseEntity<byte[]> statementPdf() {
		return files.statementPdf(grants.statement(Actors.require()));
	}

	@GetMapping("/settlements/statement.xlsx")
	ResponseEntity<byte[]> settlementExcel(@RequestParam(required = false) @Nullable String period) {
		return files.settlementExcel(settlements.statement(VoucherApiController.periodOrCurrent(period), Actors.require()));
	}

	@GetMapping("/settlements/statement.pdf")
	ResponseEntity<byte[]> settlementPdf(@RequestParam(required = false) @Nullable String period) {
		Actor actor = Actors.require();
		return files.settlementPdf(settlements.statement(VoucherApiController.periodOrCurrent(period), actor), actor);
	}
}
