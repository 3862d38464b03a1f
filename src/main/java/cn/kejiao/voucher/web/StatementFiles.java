package cn.kejiao.voucher.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import cn.kejiao.platform.Actor;
import cn.kejiao.platform.web.Downloads;
import cn.kejiao.region.Regions;
import cn.kejiao.voucher.ServiceOrders;
import cn.kejiao.voucher.SettlementView;
import cn.kejiao.voucher.VoucherStatement;

/**
 * The files the voucher module hands out — an enterprise's voucher statement and a settlement statement, as
 * Excel and as PDF, and an order's delivered report — written once for the API (bearer token) and the pages
 * (the browser's session). Who may have which file is the facades' rule; this class only writes it.
 */
@Component
class StatementFiles {

	private final SettlementPdf pdf;
	private final Regions regions;

	StatementFiles(SettlementPdf pdf, Regions regions) {
		this.pdf = pdf;
		this.regions = regions;
	}

	ResponseEntity<byte[]> statementExcel(VoucherStatement statement) {
		return Downloads.file("创新券使用明细.xlsx", Downloads.XLSX, workbook(workbook -> {
			var grants = workbook.createSheet("创新券");
			row(grants, 0, "券种", "额度（元）", "已兑付（元）", "冻结中（元）", "已回收（元）", "余额（元）", "有效期至");
			int r = 1;
			for (var grant : statement.grants()) {
				row(grants, r++, grant.schemeName(), grant.amount(), grant.spent(), grant.held(), grant.lapsed(),
						grant.balance(), grant.validUntil().toString());
			}
			var orders = workbook.createSheet("用券订单");
			row(orders, 0, "订单号", "服务机构", "服务", "报价（元）", "创新券支付（元）", "订单状态");
			r = 1;
			for (var order : statement.orders()) {
				row(orders, r++, order.number(), order.providerName(), order.serviceTitle(), order.quote(),
						order.voucherAmount(), VoucherStatement.STATE_NAMES.getOrDefault(order.state(), order.state()));
			}
		}));
	}

	ResponseEntity<byte[]> statementPdf(VoucherStatement statement) {
		return Downloads.file("创新券使用明细.pdf", Downloads.PDF, pdf.write(statement));
	}

	ResponseEntity<byte[]> settlementExcel(SettlementView statement) {
		return Downloads.file("结算-" + statement.period() + ".xlsx", Downloads.XLSX, workbook(workbook -> {
			var pairs = workbook.createSheet("地区之间");
			row(pairs, 0, "结算期", statement.period(), statement.id() == null ? "预览（本期未结束）" : "结算单", "服务机构兑付合计",
					statement.total());
			row(pairs, 2, "发券地区", "服务地区", "应付（元）", "对方应付（元）", "轧差后应付（元）");
			int r = 3;
			for (SettlementView.Pair pair : statement.pairs()) {
				row(pairs, r++, regions.fullName(pair.from()), regions.fullName(pair.to()), pair.owed(), pair.owedBack(),
						pair.net());
			}
			var lines = workbook.createSheet("服务机构");
			row(lines, 0, "发券地区", "服务机构", "服务机构所在地", "订单数", "兑付金额（元）");
			r = 1;
			for (SettlementView.Line line : statement.lines()) {
				row(lines, r++, regions.fullName(line.issuerRegion()), line.providerName(),
						regions.fullName(line.providerRegion()), String.valueOf(line.orders()), line.amount());
			}
		}));
	}

	ResponseEntity<byte[]> settlementPdf(SettlementView statement, Actor reader) {
		return Downloads.file("结算-" + statement.period() + ".pdf", Downloads.PDF,
				pdf.write(statement, reader.organisationName() == null ? reader.displayName() : reader.organisationName()));
	}

	ResponseEntity<byte[]> report(ServiceOrders.Report report) {
		return Downloads.file(report.name() == null ? "report" : report.name(),
				org.springframework.http.MediaType.APPLICATION_OCTET_STREAM, report.content());
	}

	private interface Sheets {
		void fill(XSSFWorkbook workbook);
	}

	private static byte[] workbook(Sheets sheets) {
		try (var workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
			sheets.fill(workbook);
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void row(Sheet sheet, int index, String... values) {
		var row = sheet.createRow(index);
		for (int i = 0; i < values.length; i++) {
			String value = values[i];
			if (value.matches("-?\\d+\\.\\d{2}")) {
				row.createCell(i).setCellValue(Double.parseDouble(value));
			}
			else {
				row.createCell(i).setCellValue(value);
			}
		}
	}
}
