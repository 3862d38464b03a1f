package cn.kejiao;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import cn.kejiao.support.JourneyTest;
import cn.kejiao.support.KejiaoIntegrationTest;
import cn.kejiao.support.Markers;
import cn.kejiao.support.Personas;
import cn.kejiao.trading.AuctionBidders;
import cn.kejiao.trading.AuctionFixture;
import cn.kejiao.trading.AuctionSessions;
import com.microsoft.playwright.Page;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Live patent auctions in the browser: two bidders of two verified organisations bid against each other on the
 * live lot page and both pages follow every bid without reloading; the organiser opens a session, adds a lot and
 * records a bidder's deposit in the console.
 */
@KejiaoIntegrationTest
class AuctionJourneyTests extends JourneyTest {

	@Autowired
	Personas personas;

	@Autowired
	AuctionSessions sessions;

	@Autowired
	AuctionBidders bidders;

	@Autowired
	Clock clock;

	AuctionFixture auctions;

	@BeforeEach
	void fixture() {
		auctions = new AuctionFixture(personas, sessions, bidders, clock);
	}

	@Test
	void twoBiddersBidAgainstEachOtherAndBothLivePagesShowTheSameLeaderWithoutReloading() {
		AuctionFixture.Lot lot = auctions.liveLot();
		assertThat(auctions.registerWithDeposit(lot.lotId(), "ent-ws")).isEqualTo("A");
		assertThat(auctions.registerWithDeposit(lot.lotId(), "ent-jd")).isEqualTo("B");

		signIn("ent-ws");
		Page a = page;
		Page b = newPerson();
		signIn(b, "ent-jd", DEMO_PASSWORD);
		for (Page p : new Page[] { a, b }) {
			p.navigate(url("/auctions/lots/" + lot.lotId()));
			assertThat(p.locator("#lot-title")).hasText(lot.title());
			assertThat(p.locator("#leading-amount")).hasText("暂无出价");
			// a mark that a reload would wipe out
			p.evaluate("() => { window.stayedOnPage = true; }");
		}
		assertThat(a.locator("#my-registration")).containsText("竞买人 A");
		assertThat(a.locator("#bid-amount")).hasValue("100,000.00");

		a.locator("#bid-button").click();
		assertThat(a.locator("#bid-accepted")).containsText("¥100,000.00");
		bothShow(a, b, "¥100,000.00", "竞买人 A", "1");
		assertThat(a.locator(".leader-you")).isVisible();
		assertThat(b.locator(".leader-you")).isHidden();

		// B's field followed the new minimum while B had typed nothing
		assertThat(b.locator("#bid-amount")).hasValue("105,000.00");
		b.locator("#bid-button").click();
		assertThat(b.locator("#bid-accepted")).containsText("¥105,000.00");
		bothShow(a, b, "¥105,000.00", "竞买人 B", "2");

		// A sets a proxy maximum: the platform bids one increment above B for A
		a.locator("#kind-max").check();
		a.locator("#bid-amount").fill("130,000");
		a.locator("#bid-button").click();
		assertThat(a.locator("#bid-accepted")).containsText("¥130,000.00");
		bothShow(a, b, "¥110,000.00", "竞买人 A", "3");

		// too low: the refusal names the minimum and the field keeps what B typed
		b.locator("#bid-amount").fill("100000");
		b.locator("#bid-button").click();
		assertThat(b.locator("#bid-error")).containsText("¥115,000.00");
		assertThat(b.locator("#bid-amount")).hasValue("100000");

		// B bids the minimum; A's proxy answers at once
		b.locator("#bid-amount").fill("115000");
		b.locator("#bid-button").click();
		assertThat(b.locator("#bid-outbid")).containsText("¥120,000.00");
		bothShow(a, b, "¥120,000.00", "竞买人 A", "5");
		assertThat(a.locator("#bid-history li").first()).containsText("代理");
		assertThat(b.locator("#bid-history li[data-bidder=B] .you-mark").first()).isVisible();
		assertThat(a.locator("#bid-history li[data-bidder=B] .you-mark").first()).isHidden();

		for (Page p : new Page[] { a, b }) {
			assertThat(p.evaluate("() => window.stayedOnPage === true")).isEqualTo(true);
		}
		phone();
		a.reload();
		assertThat(a.locator("#leading-amount")).hasText("¥120,000.00");
		assertNoSidewaysScroll();
		a.locator(".nav-toggle-label").click();
		a.locator("#nav-auctions").click();
		assertThat(a.locator("[data-lot='" + lot.lotId() + "']")).containsText("¥120,000.00");
		assertNoSidewaysScroll();
		a.navigate(url("/auctions/mine"));
		assertThat(a.locator(".my-bid[data-lot='" + lot.lotId() + "']")).containsText("领先");
		assertNoSidewaysScroll();
	}

	private static void bothShow(Page a, Page b, String amount, String leader, String bids) {
		for (Page p : new Page[] { a, b }) {
			assertThat(p.locator("#leading-amount")).hasText(amount);
			assertThat(p.locator("#leader")).hasText(leader);
			assertThat(p.locator("#bid-count")).hasText(bids);
			assertThat(p.locator("#bid-history li").first()).containsText(amount);
		}
	}

	@Test
	void theOrganiserOpensASessionAddsALotAndRecordsADeposit() {
		signIn(AuctionFixture.ORGANISER);
		page.locator("#nav-auction-console").click();
		assertThat(page.locator("h1")).hasText("拍卖台");
		String title = "长三角专利拍卖会 " + Markers.unique();
		if (!page.locator("#open-session-form").isVisible()) {
			page.locator("#open-session summary").click();
		}
		page.locator("#session-title").fill(title);
		page.locator("#session-place").fill("上海技术交易所");
		page.locator("#open-session-button").click();
		assertThat(page.locator("#console-message")).containsText("拍卖会已创建");
		String sessionId = page.url().substring(page.url().indexOf("#session-") + "#session-".length());
		var section = page.locator("#session-" + sessionId);
		assertThat(section.locator("h2")).hasText(title);

		section.locator(".add-lot summary").click();
		String lotTitle = "一种锂电池热失控预警方法 " + Markers.unique();
		UUID seller = personas.actor(AuctionFixture.SELLER).organisationId();
		DateTimeFormatter local = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
		LocalDateTime now = LocalDateTime.now(clock.withZone(cn.kejiao.platform.ChinaTime.ZONE));
		section.locator("input[name=title]").fill(lotTitle);
		section.locator("select[name=sellerOrgId]").selectOption(seller.toString());
		section.locator("input[name=patentNumbers]").fill("ZL202210123456.7");
		section.locator("input[name=startingPrice]").fill("10万");
		section.locator("input[name=increment]").fill("5,000");
		section.locator("input[name=reservePrice]").fill("30万");
		section.locator("input[name=deposit]").fill("2万");
		section.locator("input[name=startsAt]").fill(local.format(now.minus(Duration.ofMinutes(5))));
		section.locator("input[name=closesAt]").fill(local.format(now.plus(Duration.ofDays(2))));
		section.locator(".add-lot-button").click();
		assertThat(page.locator("#console-message")).containsText("拍品已添加");
		assertThat(page.locator("h1")).containsText(lotTitle);
		assertMainShows("¥100,000.00");
		assertMainShows("¥300,000.00");
		assertThat(page.locator("#registrants-none")).isVisible();

		UUID lotId = UUID.fromString(page.url().substring(page.url().lastIndexOf('/') + 1));
		auctions.register(lotId, "ent-ws");
		page.reload();
		var registrant = page.locator("#registrant-" + personas.actor("ent-ws").organisationId());
		assertThat(registrant).containsText("竞买人 A");
		assertThat(registrant).containsText("尚未登记保证金");
		registrant.locator("input[name=amount]").fill("1万");
		registrant.locator(".record-deposit").click();
		assertThat(page.locator("#console-error")).containsText("¥20,000.00");
		registrant = page.locator("#registrant-" + personas.actor("ent-ws").organisationId());
		assertThat(registrant.locator("input[name=amount]")).hasValue("1万");
		registrant.locator("input[name=amount]").fill("20,000");
		registrant.locator("input[name=reference]").fill("ICBC-20261205-001");
		registrant.locator(".record-deposit").click();
		assertThat(page.locator("#console-message")).containsText("保证金已登记");
		assertThat(registrant).containsText("可以出价");
		assertThat(registrant).containsText("ICBC-20261205-001");

		phone();
		assertNoSidewaysScroll();
		page.navigate(url("/auctions/console"));
		assertNoSidewaysScroll();
	}
}
