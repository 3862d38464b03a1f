package cn.kejiao.voucher.web;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.kejiao.platform.pdf.PdfReport;
import cn.kejiao.platform.web.Formats;
import cn.kejiao.region.Regions;
import cn.kejiao.voucher.SettlementView;
import cn.kejiao.voucher.VoucherStatement;

/** Statements as PDFs in Chinese: a settlement (between regions, then by provider) and an enterprise's voucher use. */
@Component
class SettlementPdf {

	private final PdfReport report;
	private final Regions regions;
	private final Formats formats;

	SettlementPdf(PdfReport report, Regions regions, Formats formats) {
		this.report = report;
		this.regions = regions;
		this.formats = formats;
	}

	byte[] write(SettlementView statement, String readerName) {
		List<String> lines = List.of(
				statement.id() == null ? "本期尚未结束：以下为截至目前的预览，以期末结算单为准。"
						: "结算单编号 " + statement.id() + "，结算于 " + formats.datetime(statement.startedAt()),
				"查看人：" + readerName + "　　生成时间：" + formats.datetime(Instant.now()), "服务机构兑付合计："
						+ cn.kejiao.platform.WrittenAmount.display(cn.kejiao.platform.Money.fen(statement.total(), "total")));
		var pairs = new PdfReport.Table("地区之间（按省级轧差）", List.of("发券地区", "服务地区", "应付（元）", "对方应付（元）", "轧差后应付（元）"),
				new float[] { 3, 3, 2, 2, 2 }, statement.pairs().stream()
					.map(p -> List.of(regions.fullName(p.from()), regions.fullName(p.to()), p.owed(), p.owedBack(), p.net()))
					.toList(), "没有跨地区的兑付。");
		var providers = new PdfReport.Table("按服务机构", List.of("发券地区", "服务机构", "订单数", "兑付金额（元）"),
				new float[] { 3, 5, 1, 2 }, statement.lines().stream()
					.map(l -> List.of(regions.fullName(l.issuerRegion()),
							l.providerName() + "（" + regions.fullName(l.providerRegion()) + "）", String.valueOf(l.orders()),
							l.amount()))
					.toList(), "本期没有兑付。");
		return report.write("科技创新券结算单（" + statement.period() + "）", lines, List.of(pairs, providers));
	}

	byte[] write(VoucherStatement statement) {
		List<String> lines = List.of("企业：" + statement.enterpriseName(), "生成时间：" + formats.datetime(Instant.now()));
		var grants = new PdfReport.Table("创新券", List.of("券种", "额度（元）", "已兑付（元）", "冻结中（元）", "已回收（元）", "余额（元）", "有效期至"),
				new float[] { 4, 2, 2, 2, 2, 2, 2 }, statement.grants().stream()
					.map(g -> List.of(g.schemeName(), g.amount(), g.spent(), g.held(), g.lapsed(), g.balance(),
							g.validUntil().toString()))
					.toList(), "没有创新券。");
		var orders = new PdfReport.Table("用券订单", List.of("订单号", "服务机构", "服务", "报价（元）", "创新券支付（元）", "订单状态"),
				new float[] { 3, 4, 4, 2, 2, 1.5f }, statement.orders().stream()
					.map(o -> List.of(o.number(), o.providerName(), o.serviceTitle(), o.quote(), o.voucherAmount(),
							VoucherStatement.STATE_NAMES.getOrDefault(o.state(), o.state())))
					.toList(), "还没有用创新券支付的订单。");
		return report.write("科技创新券使用明细", lines, List.of(grants, orders));
	}
}
