/**
 * Technology trading: achievements and patents offered for transfer, licence, equity or joint development
 * (listings), private inquiry threads between a buyer and the seller with offers, live English auctions of
 * patents with proxy bids and anti-sniping (bids serialised per lot by PostgreSQL, watched live through
 * server-sent events), and the technology contracts (技术合同) that come of them, registered (认定登记) by the
 * seller's region.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Technology trading")
@org.jspecify.annotations.NullMarked
package cn.kejiao.trading;
