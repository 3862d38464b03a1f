package cn.kejiao;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.SelectOption;

import cn.kejiao.catalog.Catalog;
import cn.kejiao.support.JourneyTest;
import cn.kejiao.support.KejiaoIntegrationTest;
import cn.kejiao.support.NewListing;
import cn.kejiao.support.Personas;
import cn.kejiao.trading.ListingMode;
import cn.kejiao.trading.ListingView;
import cn.kejiao.trading.Listings;

/**
 * Technology trading in the browser: a visitor finds a listing by its words and the mode facet, is asked to sign
 * in to inquire and comes back to the inquiry form; the buyer (上海嘉定) asks with a file attached; the seller
 * (云南) answers with an offer written as people write amounts; the buyer accepts it, and both see the accepted
 * offer. The pages do not scroll sideways on a phone.
 */
@KejiaoIntegrationTest
class ListingJourneyTests extends JourneyTest {

	@Autowired
	Personas personas;

	@Autowired
	Catalog catalog;

	@Autowired
	Listings listings;

	@Test
	void aBuyerFindsAListingInquiresAndAcceptsTheSellersOffer() {
		String word = NewListing.word();
		ListingView listing = NewListing.published(personas, catalog, listings, "provider-yn", word,
				ListingMode.LICENCE_NON_EXCLUSIVE, ListingMode.TRANSFER);

		// a visitor finds it by its words, narrowed by the mode facet
		page.navigate(url("/listings"));
		page.locator("#listing-q").fill(word);
		page.locator("#listing-search-submit").click();
		assertThat(page.locator("#listing-count")).containsText("1");
		page.locator("#facet-mode a", new Page.LocatorOptions().setHasText("普通许可")).click();
		assertThat(page.locator(".listing-hit")).hasCount(1);
		assertThat(page.locator(".listing-hit")).containsText("云南省科学技术院");
		assertThat(page.locator(".listing-hit")).containsText("¥1,000,000.00");
		assertThat(page.locator(".listing-hit")).containsText("ZL201810123456.7");
		page.locator(".listing-hit h2 a").click();
		assertThat(page.locator("#listing-title")).containsText(word);
		assertThat(page.locator("#listing-sign-in-hint")).isVisible();

		// asked to sign in, and back at the inquiry form
		page.locator("#listing-inquire").click();
		page.waitForURL(address -> address.contains("/login"));
		page.locator("#username").fill("ent-jd");
		page.locator("#password").fill(DEMO_PASSWORD);
		page.locator("main button[type=submit]").click();
		page.waitForURL(address -> address.contains("/listings/" + listing.id() + "/inquire"));
		page.locator("#i-text").fill("我司拟在嘉定导入该技术，请报普通许可的价格。");
		page.locator("#i-files").setInputFiles(new FilePayload("需求说明.pdf", "application/pdf", "%PDF-1.4".getBytes()));
		page.locator("#inquiry-send").click();
		page.waitForURL(address -> address.matches(".*/inquiries/[0-9a-f-]{36}.*"));
		String thread = page.url().replaceAll("[#?].*$", "");
		assertThat(page.locator("#messages")).containsText("请报普通许可的价格");
		assertThat(page.locator("#messages")).containsText("需求说明.pdf");

		// the seller answers with an offer
		Page seller = newPerson();
		signIn(seller, "provider-yn", DEMO_PASSWORD);
		seller.navigate(url("/inquiries"));
		seller.locator("#inquiries-table a", new Page.LocatorOptions().setHasText(word)).click();
		assertThat(seller.locator("#thread-buyer")).containsText("上海嘉定智能汽车科技有限公司");
		seller.locator("#o-amount").fill("120万");
		seller.locator("#o-mode").selectOption(new SelectOption().setValue("LICENCE_NON_EXCLUSIVE"));
		seller.locator("#o-terms").fill("中国大陆，5 年；签约后 30 日内付清。");
		seller.locator("#offer-send").click();
		assertThat(seller.locator("#offers .offer")).hasCount(1);
		assertThat(seller.locator("#offers .offer-amount")).hasText("¥1,200,000.00");
		assertThat(seller.locator("#offers .accept-offer")).hasCount(0);

		// the buyer accepts it
		page.navigate(thread);
		assertThat(page.locator("#offers .offer")).containsText("待对方接受");
		page.locator("#offers .accept-offer").click();
		assertThat(page.locator("#offer-accepted-note")).isVisible();
		assertThat(page.locator("#offers .offer-state")).hasText("已接受");

		seller.navigate(thread);
		assertThat(seller.locator("#offers .offer-state")).hasText("已接受");
		assertThat(seller.locator("#offers .offer")).containsText("中国大陆，5 年");
		seller.context().close();

		// on a phone
		phone();
		page.navigate(thread);
		assertNoSidewaysScroll();
		page.navigate(url("/listings?q=" + word));
		assertNoSidewaysScroll();
		page.navigate(url("/listings/mine"));
		assertNoSidewaysScroll();
	}

	@Test
	void aSellerListsAnAchievementFromItsCatalogEntriesAndWithdrawsIt() {
		String word = NewListing.word();
		NewListing.achievement(personas, catalog, "provider-jd", word);
		signIn("provider-jd");
		page.navigate(url("/listings/mine"));
		page.locator("#listing-new").click();
		page.locator("#l-achievement").selectOption(new SelectOption().setLabel("钒钛磁铁矿选冶新工艺 " + word));
		page.locator("#l-price").fill("八十万");
		page.locator("#l-patents").fill("ZL201810123456.7");
		page.locator("#listing-save").click();
		// refused: no mode chosen, and the price not a number; what was typed stays
		assertThat(page.locator("#listing-error")).isVisible();
		assertThat(page.locator("#l-patents")).hasValue("ZL201810123456.7");
		page.locator("#l-mode-LICENCE_SOLE").check();
		page.locator("#l-price").fill("80万");
		page.locator("#l-legal").selectOption(new SelectOption().setValue("GRANTED"));
		page.locator("#listing-save").click();
		assertThat(page.locator("#listing-state")).hasText("挂牌中");
		assertThat(page.locator("#listing-price")).containsText("¥800,000.00");
		page.locator("#listing-withdraw").click();
		assertThat(page.locator("#listing-state")).hasText("已撤回");
		page.navigate(url("/listings?q=" + word));
		assertThat(page.locator("#no-listings")).isVisible();
	}
}
