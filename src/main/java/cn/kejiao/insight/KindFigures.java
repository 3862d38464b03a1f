package cn.kejiao.insight;

/**
 * One kind's figures for a region and a period. {@code served}: what the region's side received (orders placed by
 * its enterprises, vouchers its enterprises hold, demands it posted…); {@code serving}: what its side gave (orders
 * its providers served, vouchers it issued, contracts its sellers signed); {@code inside}: both sides in the region.
 * For a kind of one region, served, serving and inside are the same figure.
 */
public record KindFigures(InsightKind kind, Amount served, Amount serving, Amount inside) {

	/** Received from outside the region. */
	public Amount servedFromOutside() {
		return minus(served, inside);
	}

	/** Given to outside the region. */
	public Amount servingOutside() {
		return minus(serving, inside);
	}

	private Amount minus(Amount a, Amount b) {
		return new Amount(a.count() - b.count(),
				a.value() == null || b.value() == null ? a.value() : a.value().minus(b.value()));
	}
}
