/**
 * Innovation vouchers (科技创新券) and the service orders they pay part of: a region admin runs schemes
 * (budget, subsidy ratio, cap per enterprise, eligible service kinds, the zone where vouchers are accepted:
 * 通用通兑); enterprises apply and are granted amounts; an order's voucher part is held at acceptance, posted
 * to the provider on confirmation or voided on cancellation; each period a settlement run states what every
 * issuing region owes every provider and region. All money moves through the {@link cn.kejiao.ledger.Ledger}.
 * The facades, one use-case group each: {@link cn.kejiao.voucher.VoucherSchemes},
 * {@link cn.kejiao.voucher.VoucherApplications}, {@link cn.kejiao.voucher.VoucherGrants},
 * {@link cn.kejiao.voucher.ServiceOrders} and {@link cn.kejiao.voucher.Settlements}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Innovation vouchers and service orders")
@org.jspecify.annotations.NullMarked
package cn.kejiao.voucher;
